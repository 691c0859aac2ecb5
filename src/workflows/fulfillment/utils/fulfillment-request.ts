import { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import type { FulfillmentRequest } from "../../../lib/fulfillment"

/** A reservation as Medusa's fulfillment reads it (the `get-reservations` query). */
export type FulfillmentReservation = {
  id: string
  line_item_id: string | null
  inventory_item_id: string
  location_id: string
  quantity: BigNumberInput
}

/** The order line fields fulfilment reads (Medusa's `get-order` query returns them). */
export type FulfillmentOrderLine = {
  id: string
  title?: string | null
  variant_title?: string | null
  variant_sku?: string | null
  variant_barcode?: string | null
  quantity: BigNumberInput
  requires_shipping?: boolean | null
  variant?: {
    manage_inventory?: boolean | null
    inventory_items?: {
      required_quantity?: BigNumberInput | null
      inventory?: { id: string; title?: string | null; sku?: string | null }
    }[]
  } | null
}

const num = (n: BigNumberInput) => MathBN.convert(n).toNumber()

/**
 * Medusa's shapes (big numbers, nested variant links) as the pure core's fulfilment request.
 * Lines come from `items_list` when given (claims, exchanges), else the order, as in Medusa.
 */
export function toFulfillmentRequest(input: {
  order: { id: string; display_id?: number | string | null; items?: FulfillmentOrderLine[] | null }
  items: { id: string; quantity: BigNumberInput }[]
  items_list?: FulfillmentOrderLine[] | null
  reservations: FulfillmentReservation[]
  location_id: string
  location_names: Record<string, string>
}): FulfillmentRequest {
  const lines = (input.items_list ?? input.order.items ?? []).filter(Boolean)
  return {
    order: { id: input.order.id, display_id: input.order.display_id },
    lines: lines.map((line) => ({
      id: line.id,
      title: line.title,
      variant_title: line.variant_title,
      variant_sku: line.variant_sku,
      manage_inventory: !!line.variant?.manage_inventory,
      parts: (line.variant?.inventory_items ?? [])
        .filter((link) => link.inventory?.id)
        .map((link) => ({
          inventory_item_id: link.inventory!.id,
          required_quantity: num(link.required_quantity ?? 1),
          sku: link.inventory!.sku,
          title: link.inventory!.title,
        })),
    })),
    asked: input.items.map((i) => ({ id: i.id, quantity: num(i.quantity) })),
    reservations: input.reservations.map((r) => ({
      id: r.id,
      line_item_id: r.line_item_id,
      inventory_item_id: r.inventory_item_id,
      location_id: r.location_id,
      quantity: num(r.quantity),
    })),
    location_id: input.location_id,
    location_names: input.location_names,
  }
}
