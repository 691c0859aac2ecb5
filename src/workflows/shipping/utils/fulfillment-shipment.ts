import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { shipmentOf, toShippingAddress } from "../../../providers/carrier/shipment"

/**
 * What a label for an existing fulfillment ships: from its stock location's address to its
 * delivery address (else the order's), its items with the variants' weights, sizes and customs
 * facts. Three queries whatever the order's size.
 */
export async function loadFulfillmentShipment(container: MedusaContainer, orderId: string, fulfillmentId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "display_id",
      "email",
      "currency_code",
      "shipping_address.*",
      "items.*",
      "items.variant.weight",
      "items.variant.length",
      "items.variant.width",
      "items.variant.height",
      "items.variant.hs_code",
      "items.variant.origin_country",
      "fulfillments.id",
    ],
    filters: { id: orderId },
  })
  if (!order) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${orderId} was not found`)
  if (!(order.fulfillments ?? []).some((f: any) => f?.id === fulfillmentId)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Fulfillment ${fulfillmentId} is not one of order #${order.display_id}'s fulfillments`)
  }
  const {
    data: [fulfillment],
  } = await query.graph({
    entity: "fulfillment",
    fields: ["id", "location_id", "canceled_at", "shipped_at", "data", "metadata", "items.*", "delivery_address.*", "labels.*"],
    filters: { id: fulfillmentId },
  })
  if (fulfillment.canceled_at) {
    throw new MedusaError(MedusaError.Types.CONFLICT, `Fulfillment ${fulfillmentId} of order #${order.display_id} is canceled; it needs no label`)
  }
  const {
    data: [location],
  } = await query.graph({ entity: "stock_location", fields: ["id", "name", "address.*"], filters: { id: fulfillment.location_id } })
  const lines = new Map<string, any>((order.items ?? []).map((l: any) => [l.id, l]))
  const items = (fulfillment.items ?? []).map((i: any) => {
    const line = lines.get(i.line_item_id)
    return { quantity: Number(i.quantity), title: line?.title, unit_price: line?.unit_price, variant: line?.variant }
  })
  const to = fulfillment.delivery_address?.address_1 ? fulfillment.delivery_address : order.shipping_address
  return {
    order,
    fulfillment,
    shipment: shipmentOf({
      from: toShippingAddress(location?.address as any, location?.name),
      to: toShippingAddress(to as any, null, order.email),
      items,
      currency_code: String(order.currency_code),
      parcel: (fulfillment.metadata?.oms_parcel as any) ?? null,
    }),
  }
}
