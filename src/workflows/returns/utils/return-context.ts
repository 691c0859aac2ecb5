import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { geocodeAddress } from "../../../lib/geo"
import type {
  DestinationCandidate,
  EligibilityInput,
  EligibilityLineInput,
  ReturnPolicy,
} from "../../../lib/returns/types"
import { RETURNS_MODULE } from "../../../modules/returns"
import type ReturnsModuleService from "../../../modules/returns/service"
import { ROUTING_MODULE, RoutingModuleService } from "../../../modules/routing"
import { DEFAULT_LOCATION_PROFILE } from "../../../modules/routing/defaults"

/** What a request needs beyond eligibility: who owns the order, where it ships from and to. */
export type ReturnOrderFacts = {
  id: string
  display_id: number | null
  status: string
  email: string | null
  customer_id: string | null
  currency_code: string
  region_id: string | null
  sales_channel_id: string | null
  shipping_address: Record<string, any> | null
}

/** An order line with what a return line stores about it. */
export type ReturnItemFacts = {
  id: string
  title: string
  variant_id: string | null
  product_id: string | null
  sku: string | null
  barcode: string | null
  /** The variant's first inventory item (what the destination rule and the restock look at). */
  inventory_item_id: string | null
}

/** Medusa's return shipping options (rule is_return) at one stock location. */
export type LocationReturnOptions = {
  /** A free or flat option of a non-carrier provider: the customer's own drop-off. */
  drop_off_option_id: string | null
  /** The carrier provider's return option (its data names the carrier account). */
  carrier: { option_id: string; account_id: string; service_code: string | null } | null
}

export type ReturnLocation = {
  id: string
  name: string
  address: Record<string, any> | null
  return_options: LocationReturnOptions
}

export type ReturnContext = {
  order: ReturnOrderFacts | null
  eligibility_input: EligibilityInput
  items: Record<string, ReturnItemFacts>
  /** Medusa's return reasons: id -> value, and value -> id. */
  reasons: { by_id: Record<string, string>; by_value: Record<string, string> }
  policies: ReturnPolicy[]
  candidates: DestinationCandidate[]
  locations: Record<string, ReturnLocation>
  /** The customer's address as a point (the offline geocoder), when it can be placed. */
  origin: { latitude: number; longitude: number } | null
}

/**
 * Reads everything a return request and its eligibility need about one order, in batched
 * queries whose number does not grow with the order's lines (three rounds: the order with its items, detail
 * counters and fulfillments; variants with product facts, reasons, policies and the sales
 * channel's locations with their return options; profiles, inventory levels, and routing's open
 * plans, read once per location).
 * Read-only; a missing order gives `order: null`.
 */
export async function loadReturnContext(container: MedusaContainer, orderId: string, now: Date = new Date()): Promise<ReturnContext> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "display_id",
      "status",
      "email",
      "customer_id",
      "customer.has_account",
      "currency_code",
      "region_id",
      "sales_channel_id",
      "shipping_address.*",
      "items.*",
      "items.detail.*",
      "fulfillments.id",
      "fulfillments.created_at",
      "fulfillments.shipped_at",
      "fulfillments.delivered_at",
      "fulfillments.canceled_at",
      "fulfillments.items.line_item_id",
      "fulfillments.items.quantity",
    ],
    filters: { id: orderId },
  })
  if (!order) return emptyContext(orderId, now)

  const items = ((order.items ?? []) as any[]).filter(Boolean)
  const variantIds = [...new Set(items.map((i) => i.variant_id).filter(Boolean))] as string[]
  const returns = container.resolve<ReturnsModuleService>(RETURNS_MODULE)
  const routing = container.resolve<RoutingModuleService>(ROUTING_MODULE)
  const orderModule = container.resolve(Modules.ORDER)

  const [{ data: variants }, reasons, policyRows, { data: channels }] = await Promise.all([
    variantIds.length
      ? query.graph({
          entity: "product_variant",
          fields: [
            "id",
            "sku",
            "barcode",
            "product_id",
            "product.collection_id",
            "product.type_id",
            "product.tags.id",
            "product.categories.id",
            "inventory_items.inventory_item_id",
          ],
          filters: { id: variantIds },
        })
      : Promise.resolve({ data: [] as any[] }),
    orderModule.listReturnReasons({}, { select: ["id", "value"], take: null }),
    // The active policies, each parsed from its stored row (the module's policy section).
    returns.activePolicies(),
    order.sales_channel_id
      ? query.graph({
          entity: "sales_channel",
          fields: [
            "id",
            "stock_locations.id",
            "stock_locations.name",
            "stock_locations.address.*",
            "stock_locations.fulfillment_sets.service_zones.shipping_options.id",
            "stock_locations.fulfillment_sets.service_zones.shipping_options.provider_id",
            "stock_locations.fulfillment_sets.service_zones.shipping_options.data",
            "stock_locations.fulfillment_sets.service_zones.shipping_options.rules.attribute",
            "stock_locations.fulfillment_sets.service_zones.shipping_options.rules.value",
          ],
          filters: { id: order.sales_channel_id },
        })
      : Promise.resolve({ data: [] as any[] }),
  ])
  const variantById = new Map((variants as any[]).map((v) => [v.id, v]))
  const locations = ((channels[0]?.stock_locations ?? []) as any[]).filter(Boolean)
  const locationIds = locations.map((l) => l.id as string)
  const inventoryItemIds = [
    ...new Set((variants as any[]).flatMap((v) => (v.inventory_items ?? []).map((i: any) => i?.inventory_item_id)).filter(Boolean)),
  ] as string[]

  const inventory = container.resolve(Modules.INVENTORY)
  const [profiles, levels, openPlans] = await Promise.all([
    locationIds.length ? routing.listLocationProfiles({ stock_location_id: locationIds }, { take: null }) : Promise.resolve([]),
    inventoryItemIds.length && locationIds.length
      ? inventory.listInventoryLevels(
          { inventory_item_id: inventoryItemIds, location_id: locationIds },
          { select: ["inventory_item_id", "location_id", "stocked_quantity", "reserved_quantity"], take: null }
        )
      : Promise.resolve([] as any[]),
    // What each location's open plans still need (routing's read of its open decisions).
    Promise.all(locationIds.map((id) => routing.listOpenAllocationsAt(id))),
  ])

  const itemFacts: Record<string, ReturnItemFacts> = {}
  const lines: EligibilityLineInput[] = items.map((item) => {
    const variant = variantById.get(item.variant_id)
    const detail = item.detail ?? {}
    const quantity = Number(item.quantity)
    itemFacts[item.id] = {
      id: item.id,
      title: item.product_title ? [item.product_title, item.variant_title].filter(Boolean).join(" / ") : item.title,
      variant_id: item.variant_id ?? null,
      product_id: item.product_id ?? variant?.product_id ?? null,
      sku: item.variant_sku ?? variant?.sku ?? null,
      barcode: item.variant_barcode ?? variant?.barcode ?? null,
      inventory_item_id: variant?.inventory_items?.[0]?.inventory_item_id ?? null,
    }
    return {
      id: item.id,
      title: itemFacts[item.id].title,
      variant_id: item.variant_id ?? null,
      product_id: itemFacts[item.id].product_id,
      sku: itemFacts[item.id].sku,
      quantity,
      fulfilled_quantity: Number(detail.fulfilled_quantity ?? 0),
      return_requested_quantity: Number(detail.return_requested_quantity ?? 0),
      return_received_quantity: Number(detail.return_received_quantity ?? 0),
      return_dismissed_quantity: Number(detail.return_dismissed_quantity ?? 0),
      // The line's total (discounts and tax) per unit: what one returned unit refunds.
      unit_refund: quantity > 0 ? roundMoney(Number(item.total ?? Number(item.unit_price) * quantity) / quantity) : 0,
      product: {
        collection_id: variant?.product?.collection_id ?? null,
        category_ids: ((variant?.product?.categories ?? []) as any[]).map((c) => c?.id).filter(Boolean),
        tag_ids: ((variant?.product?.tags ?? []) as any[]).map((t) => t?.id).filter(Boolean),
        type_id: variant?.product?.type_id ?? null,
      },
    }
  })

  const profileByLocation = new Map((profiles as any[]).map((p) => [p.stock_location_id, p]))
  const needs = new Map<string, number>() // `${location} ${inventory item}` -> units
  locationIds.forEach((id, k) => {
    for (const a of openPlans[k] ?? []) {
      const key = `${id} ${a.inventory_item_id}`
      needs.set(key, (needs.get(key) ?? 0) + Number(a.quantity))
    }
  })
  const returnOptions = returnOptionsByLocation(locations)
  const candidates: DestinationCandidate[] = locations.map((l) => {
    const p = profileByLocation.get(l.id) ?? DEFAULT_LOCATION_PROFILE
    const point =
      p.latitude != null && p.longitude != null
        ? { lat: Number(p.latitude), lng: Number(p.longitude) }
        : pointOf(l.address)
    const stock: DestinationCandidate["stock"] = {}
    for (const level of (levels as any[]).filter((v) => v.location_id === l.id)) {
      stock[level.inventory_item_id] = {
        stocked: Number(level.stocked_quantity ?? 0),
        reserved: Number(level.reserved_quantity ?? 0),
        safety_stock: Number(p.safety_stock ?? 0),
        open_need: needs.get(`${l.id} ${level.inventory_item_id}`) ?? 0,
      }
    }
    const options = returnOptions.get(l.id)
    return {
      location_id: l.id,
      name: l.name,
      latitude: point?.lat ?? null,
      longitude: point?.lng ?? null,
      stock,
      // A location receives returns when it is active for routing and a return parcel can be
      // addressed to it (one of Medusa's is_return shipping options leaves from it).
      receives: Boolean(p.active) && Boolean(options?.drop_off_option_id || options?.carrier),
    }
  })

  const a = order.shipping_address as any
  const originPoint = pointOf(a)
  const reasonById: Record<string, string> = {}
  const reasonByValue: Record<string, string> = {}
  for (const r of reasons as any[]) {
    reasonById[r.id] = r.value
    reasonByValue[r.value] = r.id
  }

  return {
    order: {
      id: order.id,
      display_id: order.display_id ?? null,
      status: order.status,
      email: order.email ?? null,
      customer_id: order.customer_id ?? null,
      currency_code: order.currency_code,
      region_id: order.region_id ?? null,
      sales_channel_id: order.sales_channel_id ?? null,
      shipping_address: a ?? null,
    },
    eligibility_input: {
      order: {
        id: order.id,
        currency_code: order.currency_code,
        canceled: order.status === "canceled",
        has_account: Boolean((order as any).customer?.has_account),
        region_id: order.region_id ?? null,
        sales_channel_id: order.sales_channel_id ?? null,
        country_code: a?.country_code ?? null,
        items: lines,
        fulfillments: ((order.fulfillments ?? []) as any[])
          .filter((f) => f && !f.canceled_at)
          .map((f) => ({
            created_at: f.created_at,
            shipped_at: f.shipped_at ?? null,
            delivered_at: f.delivered_at ?? null,
            items: ((f.items ?? []) as any[]).map((i) => ({ line_item_id: i.line_item_id, quantity: Number(i.quantity) })),
          })),
      },
      policies: policyRows,
      now,
    },
    items: itemFacts,
    reasons: { by_id: reasonById, by_value: reasonByValue },
    policies: policyRows,
    candidates,
    locations: Object.fromEntries(
      locations.map((l) => [
        l.id,
        {
          id: l.id,
          name: l.name,
          address: l.address ?? null,
          return_options: returnOptions.get(l.id) ?? { drop_off_option_id: null, carrier: null },
        },
      ])
    ),
    origin: originPoint ? { latitude: originPoint.lat, longitude: originPoint.lng } : null,
  }
}

/** Medusa stores rule values as given; the dashboard sends them JSON-encoded ("\"true\""). */
const ruleIsTrue = (value: unknown) => String(value).replace(/"/g, "") === "true"

function returnOptionsByLocation(locations: any[]): Map<string, LocationReturnOptions> {
  const byLocation = new Map<string, LocationReturnOptions>()
  const options = locations.flatMap((l) =>
    ((l.fulfillment_sets ?? []) as any[]).flatMap((set) =>
      ((set?.service_zones ?? []) as any[]).flatMap((zone) =>
        ((zone?.shipping_options ?? []) as any[]).filter(Boolean).map((option) => ({ option, locationId: l.id as string }))
      )
    )
  )
  // Sorted by id so the same store always picks the same option.
  for (const { option, locationId } of options.sort((x, y) => String(x.option.id).localeCompare(String(y.option.id)))) {
    const isReturn = ((option.rules ?? []) as any[]).some((r) => r?.attribute === "is_return" && ruleIsTrue(r.value))
    if (!isReturn) continue
    const entry = byLocation.get(locationId) ?? { drop_off_option_id: null, carrier: null }
    const data = (option.data ?? {}) as Record<string, unknown>
    if (String(option.provider_id ?? "").startsWith("carrier_") && typeof data.account_id === "string") {
      entry.carrier ??= { option_id: option.id, account_id: data.account_id, service_code: (data.service_code as string | null) ?? null }
    } else {
      entry.drop_off_option_id ??= option.id
    }
    byLocation.set(locationId, entry)
  }
  return byLocation
}

function pointOf(address: any): { lat: number; lng: number } | null {
  const country = String(address?.country_code ?? "").toUpperCase()
  if (!country) return null
  return (
    geocodeAddress({
      country_code: country,
      province: address?.province ?? null,
      city: address?.city ?? null,
      postal_code: address?.postal_code ?? null,
    })?.point ?? null
  )
}

const roundMoney = (n: number) => Math.round(n * 100) / 100

function emptyContext(orderId: string, now: Date): ReturnContext {
  return {
    order: null,
    eligibility_input: {
      order: {
        id: orderId,
        currency_code: "",
        canceled: false,
        region_id: null,
        sales_channel_id: null,
        country_code: null,
        items: [],
        fulfillments: [],
      },
      policies: [],
      now,
    },
    items: {},
    reasons: { by_id: {}, by_value: {} },
    policies: [],
    candidates: [],
    locations: {},
    origin: null,
  }
}
