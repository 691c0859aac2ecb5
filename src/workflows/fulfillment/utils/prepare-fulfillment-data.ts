import { MedusaError, Modules } from "@medusajs/framework/utils"
import type { FulfillmentInventoryPlan } from "../../../lib/fulfillment"
import type { FulfillmentOrderLine } from "./fulfillment-request"

/**
 * The fields core's `createOrderFulfillmentWorkflow` reads in its `get-order` step
 * (core-flows 2.21.2), so the fulfillment provider receives the same order.
 */
export const orderFulfillmentFields = [
  "id",
  "display_id",
  "custom_display_id",
  "status",
  "customer_id",
  "customer.*",
  "sales_channel_id",
  "sales_channel.*",
  "region_id",
  "region.*",
  "currency_code",
  "items.*",
  "items.variant.manage_inventory",
  "items.variant.allow_backorder",
  "items.variant.product.id",
  "items.variant.product.shipping_profile.id",
  "items.variant.weight",
  "items.variant.length",
  "items.variant.height",
  "items.variant.width",
  "items.variant.material",
  "items.variant_title",
  "items.variant.upc",
  "items.variant.sku",
  "items.variant.barcode",
  "items.variant.hs_code",
  "items.variant.origin_country",
  "items.variant.product.origin_country",
  "items.variant.product.hs_code",
  "items.variant.product.mid_code",
  "items.variant.product.material",
  "items.tax_lines.rate",
  "metadata",
  "subtotal",
  "discount_total",
  "tax_total",
  "item_total",
  "shipping_total",
  "total",
  "created_at",
  "items.variant.inventory_items.required_quantity",
  "items.variant.inventory_items.inventory.id",
  "items.variant.inventory_items.inventory.title",
  "items.variant.inventory_items.inventory.sku",
  "shipping_address.*",
  "shipping_methods.id",
  "shipping_methods.shipping_option_id",
  "shipping_methods.data",
  "shipping_methods.amount",
]

export type FulfillmentShippingOption = {
  id: string
  provider_id: string
  shipping_profile_id?: string | null
  service_zone?: { fulfillment_set?: { location?: { id?: string | null } | null } | null } | null
}

type Line = FulfillmentOrderLine & {
  variant?: FulfillmentOrderLine["variant"] & { product?: { shipping_profile?: { id?: string } | null } | null }
}

/**
 * Medusa's check in `prepareFulfillmentData`, same sentence: a line that ships must belong to
 * the shipping profile of the option it is fulfilled with. Checked in the request's order, first.
 */
export function throwIfShippingProfileMismatch(
  input: { order: { items?: FulfillmentOrderLine[] | null }; items_list?: FulfillmentOrderLine[] | null; items: { id: string }[] },
  shippingOption: FulfillmentShippingOption
): void {
  const lines = new Map(((input.items_list ?? input.order.items ?? []) as Line[]).map((l) => [l.id, l]))
  for (const asked of input.items) {
    const line = lines.get(asked.id)
    if (
      line?.requires_shipping &&
      line.variant?.product &&
      line.variant.product.shipping_profile?.id !== shippingOption.shipping_profile_id
    ) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Shipping profile ${shippingOption.shipping_profile_id} does not match the shipping profile of the order item ${line.id}`
      )
    }
  }
}

/** The location a fulfillment ships from: the one asked for, else the shipping option's (as core). */
export function resolveFulfillmentLocation(
  input: { location_id?: string | null },
  shippingOption: FulfillmentShippingOption
): string {
  const locationId = input.location_id || shippingOption?.service_zone?.fulfillment_set?.location?.id
  if (!locationId) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Cannot create fulfillment without stock location, either provide a location or you should link the shipping option ${shippingOption?.id} to a stock location.`
    )
  }
  return locationId
}

/**
 * Core's `prepareFulfillmentData` (create-fulfillment.js, 2.21.2) with one difference: an
 * inventory-managed line gets one fulfillment item per inventory item it consumes at the
 * fulfilling location (core makes one per reservation, so a split line would get one per location,
 * each with the full quantity).
 */
export function prepareFulfillmentData({
  order,
  input,
  shippingOption,
  shippingMethod,
  plan,
}: {
  order: any
  input: any
  shippingOption: FulfillmentShippingOption
  shippingMethod: { data?: Record<string, unknown> | null }
  plan: FulfillmentInventoryPlan
}) {
  const fulfillable: { id: string; quantity: any }[] = input.items
  const lines = new Map<string, Line>(((input.items_list ?? order.items) as Line[]).map((i) => [i.id, i]))

  // If any of the items require shipping, the fulfillment requires shipping.
  const requiresShipping = fulfillable.length ? fulfillable.some((i) => lines.get(i.id)?.requires_shipping) : true

  type FulfillmentItem = {
    line_item_id: string
    inventory_item_id: string | undefined
    quantity: any
    title: string | null | undefined
    sku: string
    barcode: string
  }
  throwIfShippingProfileMismatch({ order, items_list: input.items_list, items: fulfillable }, shippingOption)
  const items = fulfillable.flatMap((i): FulfillmentItem[] => {
    const line = lines.get(i.id)!
    const consumed = plan.consumed.filter((c) => c.line_item_id === i.id)
    if (!consumed.length) {
      return [
        {
          line_item_id: i.id,
          inventory_item_id: undefined,
          quantity: i.quantity,
          title: line.variant_title ?? line.title,
          sku: line.variant_sku || "",
          barcode: line.variant_barcode || "",
        },
      ]
    }
    return consumed.map((c) => {
      const link = line.variant?.inventory_items?.find((ii) => ii.inventory?.id === c.inventory_item_id)
      return {
        line_item_id: i.id,
        inventory_item_id: c.inventory_item_id,
        quantity: c.quantity,
        title: link?.inventory?.title || line.variant_title || line.title,
        sku: link?.inventory?.sku || line.variant_sku || "",
        barcode: line.variant_barcode || "",
      }
    })
  })

  const shippingAddress = { ...(order.shipping_address ?? {}) }
  delete shippingAddress.id // core deletes it on the order it passes on, too
  // Recipient overrides in the request go over the order's address (the order is not changed).
  const deliveryAddress = { ...shippingAddress, ...(input.delivery_address ?? {}) }

  return {
    input: {
      location_id: plan.location_id,
      provider_id: shippingOption.provider_id,
      shipping_option_id: shippingOption.id,
      order: order.shipping_address ? { ...order, shipping_address: shippingAddress } : order,
      data: shippingMethod.data,
      items,
      requires_shipping: requiresShipping,
      labels: input.labels ?? [],
      delivery_address: deliveryAddress,
      created_by: input.created_by,
      packed_at: new Date(),
      metadata: input.metadata,
      additional_data: input.additional_data,
    },
  }
}

/** Core's `prepareRegisterOrderFulfillmentData`: the order module records what was fulfilled. */
export function prepareRegisterOrderFulfillmentData({
  order,
  fulfillment,
  input,
}: {
  order: any
  fulfillment: { id: string }
  input: any
}) {
  const asked = new Map<string, any>((input.items ?? []).map((i: any) => [i.id, i.quantity]))
  const itemsList: { id: string; quantity: any }[] = input.items ?? input.items_list ?? order.items
  return {
    order_id: order.id,
    reference: Modules.FULFILLMENT,
    reference_id: fulfillment.id,
    created_by: input.created_by,
    items: itemsList.map((i) => ({ id: i.id, quantity: asked.get(i.id) ?? i.quantity })),
  }
}
