import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MessageData, MessageKind } from "../../../lib/documents/messages/events"
import { formatMoney } from "../../../lib/documents/messages/render"
import { invoiceTotals } from "../../../lib/documents/invoice/totals"
import { RETURNS_MODULE } from "../../../modules/returns"
import type ReturnsModuleService from "../../../modules/returns/service"
import { SHIPPING_MODULE } from "../../../modules/shipping"
import type ShippingModuleService from "../../../modules/shipping/service"
import type { SettingsRow } from "../../../modules/documents/types"
import type { OrderFacts } from "./order-facts"

const CARRIER_NAMES: Record<string, string> = {
  easypost: "EasyPost", shippo: "Shippo", shipstation: "ShipStation", sendcloud: "Sendcloud", offline: "Offline carrier",
}

/**
 * What a message says, read for its kind: the order (number, total, items), the parcel
 * (carrier, tracking, the items in THAT fulfillment, from the label ledger or Medusa's labels)
 * or the return case (RMA code, slip link, resolution and amount).
 */
export async function messageFacts(
  container: MedusaContainer,
  kind: MessageKind,
  entityId: string,
  order: OrderFacts,
  settings: SettingsRow,
  locale: string,
  extra: { amount?: number; tracking_number?: string } = {}
): Promise<MessageData> {
  const money = (n: number) => formatMoney(n, order.invoice_input.currency_code, locale)
  const base: MessageData = {
    customer_name: order.customer_name,
    order_number: `#${order.display_id}`,
    store_name: settings.seller.name || order.store.name,
  }
  if (kind === "order.confirmed") {
    return { ...base, total: money(invoiceTotals(order.invoice_input).total), items: order.items.map(({ quantity, title }) => ({ quantity, title })) }
  }
  if (kind === "order.shipped" || kind === "order.delivered") return { ...base, ...(await parcelFacts(container, entityId, order, extra.tracking_number)) }
  const returns = container.resolve<ReturnsModuleService>(RETURNS_MODULE)
  const [rma] = await returns.listReturnCases({ id: entityId }, { relations: ["lines"], take: 1 })
  if (!rma) return base
  const titles = new Map(order.items.map((i) => [i.id, i.title]))
  const amount = extra.amount ?? rma.expected_refund ?? null
  return {
    ...base,
    rma_code: rma.rma_code,
    slip_url: rma.method === "label" || rma.method === "drop_off" ? `${settings.public_url ?? ""}/store/oms/returns/${rma.id}/slip` : undefined,
    items: (rma.lines ?? []).map((l: any) => ({ quantity: l.quantity, title: titles.get(l.order_line_item_id) ?? l.sku ?? "item" })),
    resolution: rma.resolution === "store_credit" ? "store credit" : rma.resolution,
    amount: amount === null ? undefined : money(Number(amount)),
  }
}

async function parcelFacts(container: MedusaContainer, fulfillmentId: string, order: OrderFacts, trackingNumber?: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [fulfillment] } = await query.graph({
    entity: "fulfillment",
    fields: ["id", "items.*", "labels.*", "provider_id"],
    filters: { id: fulfillmentId },
  })
  const labels = await container.resolve<ShippingModuleService>(SHIPPING_MODULE).listLabels(
    { fulfillment_id: fulfillmentId, kind: "outbound", status: ["purchased"] },
    { take: 1 }
  )
  const ours = labels[0] as any
  const parcel = ours?.parcels?.[0]
  const theirs = (fulfillment as any)?.labels?.[0]
  const titles = new Map(order.items.map((i) => [i.id, i.title]))
  return {
    carrier: ours ? CARRIER_NAMES[ours.carrier] ?? ours.carrier : String((fulfillment as any)?.provider_id ?? "").replace(/_.*$/, ""),
    tracking_number: trackingNumber ?? parcel?.tracking_number ?? theirs?.tracking_number ?? undefined,
    tracking_url: parcel?.tracking_url ?? theirs?.tracking_url ?? undefined,
    items: ((fulfillment as any)?.items ?? []).map((i: any) => ({ quantity: Number(i.quantity), title: titles.get(i.line_item_id) ?? i.title })),
  }
}
