import type {
  CalculatedShippingOptionPrice,
  CreateFulfillmentResult,
  FulfillmentOption,
  ICacheService,
  IFulfillmentModuleService,
  ILockingModule,
  IStockLocationService,
  Logger,
} from "@medusajs/framework/types"
import { AbstractFulfillmentProviderService, MedusaError, Modules } from "@medusajs/framework/utils"
import { contentsDigest, fulfillmentLabelKey, returnLabelKey } from "../../lib/shipping/label-key"
import { SHIPPING_MODULE } from "../../modules/shipping"
import type ShippingModuleService from "../../modules/shipping/service"
import type { LabelRow } from "../../modules/shipping/types"
import { QuoteCache } from "./quotes"
import { resolveService } from "./resolve"
import { factsOf, ItemFacts, shipmentOf, toShippingAddress } from "./shipment"
import { ratePolicySchema, type RatePolicy } from "../../lib/shipping/rate-shopping"

/** What a shipping option of this provider carries in `data` (chosen from getFulfillmentOptions). */
export type CarrierOptionData = {
  id: string
  account_id: string
  /** null = rate shop: the cheapest quote of the account. */
  service_code: string | null
  is_return?: boolean
  /** Charged at checkout when the carrier cannot quote (major units of the cart's currency). */
  fallback_amount?: number
  fallback_amounts?: Record<string, number>
  /** Rate shopping for a "rate shop" option (src/lib/shipping/rate-shopping); cheapest without one. */
  rate_policy?: RatePolicy
}

/** The option's rate policy, checked (a malformed one names its field). */
function policyOf(option: CarrierOptionData): RatePolicy | null {
  if (!option.rate_policy) return null
  const parsed = ratePolicySchema.safeParse(option.rate_policy)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  throw new MedusaError(MedusaError.Types.INVALID_DATA, `The shipping option's data.rate_policy.${issue.path.join(".")}: ${issue.message}`)
}

/** The return parcel when nothing says better: 1 kg in a 300 x 200 x 100 mm box. */
const RETURN_BOX = { weight: 1000, length: 300, width: 200, height: 100 }

/** Where a label's file is served (label_url of Medusa's fulfillment label). */
export const labelFileUrl = (labelId: string, parcel: number) => `/admin/oms/labels/${labelId}/file?parcel=${parcel}`

/**
 * Medusa fulfillment provider over the carrier accounts of the shipping module. Every label is
 * bought through the ledger (ShippingModuleService.purchase), so a retried or repeated
 * fulfillment never buys twice: packing (createPlannedFulfillmentWorkflow under the order lock)
 * passes the pack's key in the fulfillment's metadata; other fulfillments are keyed by order,
 * location, items and which one of its kind it is.
 */
export class CarrierFulfillmentService extends AbstractFulfillmentProviderService {
  static identifier = "carrier"
  protected readonly cradle_: Record<string, unknown>
  protected readonly quotes_: QuoteCache

  /**
   * Provider options (the fulfillment module's `providers[].options`): `quote_cache_seconds`,
   * how long a carrier's checkout price is reused for the same cart contents and address
   * (600; 0 asks the carrier on every price, which Medusa computes on every cart refresh).
   */
  constructor(cradle: Record<string, unknown>, options: { quote_cache_seconds?: number } = {}) {
    super()
    this.cradle_ = cradle
    const seconds = Number(options?.quote_cache_seconds ?? 600)
    if (!Number.isFinite(seconds) || seconds < 0) {
      throw new Error(`medusa-oms carrier provider: option quote_cache_seconds must be 0 or more (got ${String(options?.quote_cache_seconds)})`)
    }
    this.quotes_ = new QuoteCache(seconds * 1000)
  }

  protected get shipping(): ShippingModuleService {
    return resolveService<ShippingModuleService>(this.cradle_, SHIPPING_MODULE)
  }
  protected get locations(): IStockLocationService {
    return resolveService<IStockLocationService>(this.cradle_, Modules.STOCK_LOCATION)
  }
  protected get fulfillments(): IFulfillmentModuleService {
    return resolveService<IFulfillmentModuleService>(this.cradle_, Modules.FULFILLMENT)
  }
  /** Medusa gives every module's container the event bus; events arrive at least once anyway. */
  protected async announce(row: LabelRow) {
    try {
      const bus = this.cradle_[Modules.EVENT_BUS] as { emit: (e: unknown) => Promise<void> } | undefined
      await bus?.emit({ name: "oms.label.purchased", data: { id: row.id, order_id: row.order_id, fulfillment_id: row.fulfillment_id } })
    } catch (e) {
      this.logger?.warn(`medusa-oms: could not announce label ${row.id}: ${(e as Error).message}`)
    }
  }

  /** The accounts' shared request pace lives in Medusa's cache and locking modules. */
  protected get pace() {
    return {
      cache: resolveService<ICacheService>(this.cradle_, Modules.CACHE),
      locking: resolveService<ILockingModule>(this.cradle_, Modules.LOCKING),
    }
  }
  protected get logger(): Logger | undefined {
    try {
      return this.cradle_.logger as Logger
    } catch {
      return undefined
    }
  }

  /** Per active account: each of its services, "rate shop", and a return option. */
  async getFulfillmentOptions(): Promise<FulfillmentOption[]> {
    const [accounts] = await this.shipping.listPublicCarrierAccounts({ active: true }, { take: 200 })
    return accounts.flatMap((a) => [
      ...a.services.map((s) => ({ id: `${a.id}:${s.code}`, name: `${a.name}: ${s.name}`, account_id: a.id, service_code: s.code })),
      { id: `${a.id}:rate-shop`, name: `${a.name}: rate shop (cheapest)`, account_id: a.id, service_code: null },
      { id: `${a.id}:return`, name: `${a.name}: return label`, account_id: a.id, service_code: null, is_return: true },
    ])
  }

  async validateOption(data: Record<string, unknown>): Promise<boolean> {
    if (typeof data.account_id !== "string") return false
    await this.shipping.retrievePublicCarrierAccount(data.account_id)
    policyOf(data as unknown as CarrierOptionData)
    return true
  }

  async canCalculate(data: any): Promise<boolean> {
    return typeof (data?.data ?? data)?.account_id === "string"
  }

  /** The shipping method's data: which account and service, and whether the price came from the carrier. */
  async validateFulfillmentData(optionData: Record<string, unknown>, data: Record<string, unknown>, context: any): Promise<any> {
    const option = optionData as unknown as CarrierOptionData
    const base = {
      ...data,
      account_id: option.account_id,
      service_code: option.service_code ?? null,
      ...(option.rate_policy ? { rate_policy: option.rate_policy } : {}),
    }
    if (!context?.items?.length || !context?.shipping_address) return base
    const quote = await this.quoteFor(option, context)
    return { ...base, price_source: quote.source, quoted_amount: quote.amount, price_note: quote.reason }
  }

  async calculatePrice(optionData: any, _data: any, context: any): Promise<CalculatedShippingOptionPrice> {
    const quote = await this.quoteFor(optionData as CarrierOptionData, context)
    if (quote.source === "fallback") {
      this.logger?.warn(`medusa-oms: checkout used the fallback shipping price for cart ${context?.id}: ${quote.reason}`)
    }
    return { calculated_amount: quote.amount, is_calculated_price_tax_inclusive: false }
  }

  private async quoteFor(option: CarrierOptionData, context: any) {
    const currency = String(context?.currency_code ?? "usd")
    const from = context?.from_location
    let shipment: ReturnType<typeof shipmentOf> | null = null
    let unshippable: string | null = null
    try {
      shipment = shipmentOf({
        from: toShippingAddress(from?.address, from?.name),
        to: toShippingAddress(context?.shipping_address, null, context?.email),
        items: (context?.items ?? []) as ItemFacts[],
        currency_code: currency,
        customs: false,
      })
    } catch (e) {
      unshippable = (e as Error).message
    }
    const account = await this.shipping.retrievePublicCarrierAccount(option.account_id)
    // The fallback lives on the shipping option (account settings belong to the adapter).
    const fallback = option.fallback_amounts?.[currency.toLowerCase()] ?? option.fallback_amount ?? null
    return this.quotes_.quote(
      {
        option_key: `${option.id ?? ""}|${JSON.stringify(option.rate_policy ?? null)}|${option.fallback_amount ?? ""}|${JSON.stringify(option.fallback_amounts ?? null)}`,
        account_id: account.id,
        carrier: account.carrier,
        service_code: option.service_code ?? null,
        from_location_id: from?.id ?? null,
        currency_code: currency,
        shipment,
        unshippable,
        rate_policy: policyOf(option),
        facts: shipment ? factsOf(shipment, Number(context?.item_total ?? context?.total ?? 0), context?.shipping_option_id) : null,
        contents: (context?.items ?? []).map((i: any) => ({ variant_id: i.variant_id ?? i.variant?.id, quantity: Number(i.quantity) })),
        fallback_amount: fallback === null ? null : Number(fallback),
      },
      () => this.shipping.adapterFor(account.id)
    )
  }

  async createFulfillment(
    data: Record<string, unknown>,
    items: any[],
    order: any,
    fulfillment: any
  ): Promise<CreateFulfillmentResult> {
    const option = await this.optionOf(data, fulfillment.shipping_option_id)
    const metadata = (fulfillment.metadata ?? {}) as Record<string, unknown>
    const shipped = items.map((i) => ({ line_item_id: i.line_item_id, quantity: Number(i.quantity) }))
    const key =
      typeof metadata.oms_label_key === "string"
        ? metadata.oms_label_key
        : await this.freeKey((n) =>
            fulfillmentLabelKey({ order_id: order?.id ?? "none", location_id: fulfillment.location_id, items: mergeLines(shipped), ordinal: n })
          , fulfillment.id)
    const location = await this.locations.retrieveStockLocation(fulfillment.location_id, { relations: ["address"] })
    const lines = new Map<string, any>((order?.items ?? []).map((l: any) => [l.id, l]))
    const facts: ItemFacts[] = shipped.map((s) => {
      const line = lines.get(s.line_item_id)
      return {
        quantity: s.quantity,
        title: line?.product_title ?? line?.title,
        variant_title: line?.variant_title,
        variant_sku: line?.variant_sku,
        unit_price: line?.unit_price,
        variant: line?.variant,
      }
    })
    const to = fulfillment.delivery_address ?? order?.shipping_address
    const shipment = shipmentOf({
      from: toShippingAddress(location.address as any, location.name),
      to: toShippingAddress(to, null, order?.email),
      items: facts,
      currency_code: String(order?.currency_code ?? "usd"),
      parcel: (metadata.oms_parcel as any) ?? null,
    })
    const row = await this.shipping.purchase({
      idempotency_key: key,
      order_id: order?.id ?? null,
      fulfillment_id: fulfillment.id,
      location_id: fulfillment.location_id,
      carrier_account_id: option.account_id,
      service_code: option.service_code ?? null,
      rate_policy: option.rate_policy ?? null,
      facts: factsOf(shipment, Number(order?.item_total ?? order?.total ?? 0), fulfillment.shipping_option_id),
      shipment,
      created_by: (fulfillment.created_by as string) ?? null,
    }, this.pace)
    await this.announce(row)
    return resultOf(row, data)
  }

  async cancelFulfillment(data: Record<string, unknown>): Promise<any> {
    const ids = labelIdsOf(data)
    for (const id of ids) await this.shipping.voidLabel(id)
    return { voided_label_ids: ids }
  }

  /** The return label, from the customer back to the location the return goes to. */
  async createReturnFulfillment(fulfillment: Record<string, any>): Promise<CreateFulfillmentResult> {
    const optionData = (fulfillment.shipping_option?.data ?? {}) as CarrierOptionData
    const option = await this.optionOf(fulfillment.data ?? {}, fulfillment.shipping_option?.id, optionData)
    const returned = ((fulfillment.items ?? []) as any[]).map((i) => ({ line_item_id: i.line_item_id, quantity: Number(i.quantity) }))
    const digest = contentsDigest(fulfillment.location_id, mergeLines(returned))
    const key = await this.freeKey((n) => returnLabelKey(`${digest}:${n}`, "return"), fulfillment.id)
    const location = await this.locations.retrieveStockLocation(fulfillment.location_id, { relations: ["address"] })
    const warehouse = toShippingAddress(location.address as any, location.name)
    const customer = toShippingAddress(fulfillment.delivery_address)
    const row = await this.shipping.purchase({
      idempotency_key: key,
      kind: "return",
      order_id: (fulfillment.metadata?.order_id as string) ?? null,
      fulfillment_id: fulfillment.id,
      location_id: fulfillment.location_id,
      carrier_account_id: option.account_id,
      service_code: option.service_code ?? null,
      shipment: shipmentOf({
        from: customer,
        to: warehouse,
        items: (fulfillment.items ?? []).map((i: any) => ({ quantity: Number(i.quantity), title: i.title })),
        currency_code: "usd",
        // Medusa hands a return fulfillment no variant weights: the option may say the box
        // (data.parcel, grams and millimetres), else a 1 kg box is assumed.
        parcel: (optionData as any).parcel ?? RETURN_BOX,
        customs: false,
      }),
    })
    await this.announce(row)
    return resultOf(row, fulfillment.data ?? {})
  }

  async getFulfillmentDocuments(data: Record<string, unknown>): Promise<any> {
    return this.documentsOf(data)
  }

  async getReturnDocuments(data: Record<string, unknown>): Promise<any> {
    return this.documentsOf(data)
  }

  async getShipmentDocuments(data: Record<string, unknown>): Promise<any> {
    return this.documentsOf(data)
  }

  async retrieveDocuments(fulfillmentData: Record<string, unknown>, documentType: string): Promise<any> {
    if (documentType !== "label") return []
    return this.documentsOf(fulfillmentData)
  }

  /** One document per parcel label: its format, tracking number and file (base64). */
  private async documentsOf(data: Record<string, unknown>) {
    const docs: { type: "label"; label_id: string; tracking_number: string; format: string; base64: string | null; url: string }[] = []
    for (const id of labelIdsOf(data)) {
      const row = await this.shipping.retrieveLabelRow(id)
      ;(row.parcels ?? []).forEach((p, k) =>
        docs.push({
          type: "label",
          label_id: row.id,
          tracking_number: p.tracking_number,
          format: p.file.format,
          base64: p.file.content_base64,
          url: labelFileUrl(row.id, k),
        })
      )
    }
    return docs
  }

  /** Account and service from the method's data, else from the shipping option's. */
  private async optionOf(data: Record<string, unknown>, shippingOptionId?: string, optionData?: CarrierOptionData) {
    if (typeof data.account_id === "string") {
      return {
        account_id: data.account_id,
        service_code: (data.service_code as string | null) ?? null,
        rate_policy: policyOf(data as unknown as CarrierOptionData),
      }
    }
    const fromOption =
      optionData?.account_id
        ? optionData
        : shippingOptionId
          ? ((await this.fulfillments.retrieveShippingOption(shippingOptionId)).data as unknown as CarrierOptionData | null)
          : null
    if (!fromOption?.account_id) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "The shipping option names no carrier account (data.account_id); choose one of the carrier's fulfillment options")
    }
    return { account_id: fromOption.account_id, service_code: fromOption.service_code ?? null, rate_policy: policyOf(fromOption) }
  }

  /**
   * The first key of the series whose live label does not belong to another fulfillment that
   * still exists: a second identical shipment gets its own label, while a retry after Medusa
   * deleted the fulfillment (its provider threw) finds the label it already bought.
   */
  private async freeKey(keyAt: (n: number) => string, fulfillmentId: string): Promise<string> {
    for (let n = 0; n < 100; n++) {
      const key = keyAt(n)
      const live = await this.shipping.liveLabel(key)
      if (!live || !live.fulfillment_id || live.fulfillment_id === fulfillmentId) return key
      const [owner] = await this.fulfillments.listFulfillments({ id: live.fulfillment_id }, { select: ["id", "canceled_at"] })
      if (!owner || owner.canceled_at) return key
    }
    throw new MedusaError(MedusaError.Types.CONFLICT, "More than 100 identical shipments of one order carry live labels")
  }
}

function mergeLines(items: { line_item_id: string; quantity: number }[]) {
  const merged = new Map<string, number>()
  for (const i of items) merged.set(i.line_item_id, (merged.get(i.line_item_id) ?? 0) + i.quantity)
  return [...merged].map(([line_item_id, quantity]) => ({ line_item_id, quantity }))
}

const labelIdsOf = (data: Record<string, unknown>) =>
  Array.isArray(data?.oms_label_ids) ? (data.oms_label_ids as string[]) : []

function resultOf(row: LabelRow, data: Record<string, unknown>): CreateFulfillmentResult {
  const parcels = row.parcels ?? []
  return {
    data: {
      ...data,
      oms_label_ids: [row.id],
      carrier: row.carrier,
      carrier_account_id: row.carrier_account_id,
      service_code: row.service_code,
      tracking_numbers: parcels.map((p) => p.tracking_number),
    },
    labels: parcels.map((p, k) => ({
      tracking_number: p.tracking_number,
      tracking_url: p.tracking_url ?? "",
      label_url: labelFileUrl(row.id, k),
    })),
  }
}

export default CarrierFulfillmentService
