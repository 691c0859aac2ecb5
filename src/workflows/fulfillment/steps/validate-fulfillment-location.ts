import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const validateFulfillmentLocationStepId = "oms-validate-fulfillment-location"

export type FulfillmentRequest = {
  order_id: string
  items: { id: string; quantity: number }[]
  location_id?: string | null
  shipping_option_id?: string
}

/**
 * Refuses a fulfillment that would take units from a location the order is not reserved at.
 * Medusa's own workflow would move the reservations there without checking stock
 * (medusajs/medusa #16338), or, for a line reserved at two locations, apply the quantity to
 * both. Returns the location so the caller can pass it on explicitly.
 */
export const validateFulfillmentLocationStep = createStep(
  validateFulfillmentLocationStepId,
  async (input: FulfillmentRequest, { container }) => {
    return new StepResponse(await validateFulfillmentLocation(container, input))
  }
)

export async function validateFulfillmentLocation(container: MedusaContainer, input: FulfillmentRequest) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({
    entity: "order",
    fields: ["id", "display_id", "items.*", "shipping_methods.shipping_option_id"],
    filters: { id: input.order_id },
  })
  if (!order) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${input.order_id} was not found`)

  let locationId = input.location_id ?? null
  if (!locationId) {
    const optionId = input.shipping_option_id ?? order.shipping_methods?.[0]?.shipping_option_id
    if (optionId) {
      const {
        data: [option],
      } = await query.graph({
        entity: "shipping_option",
        fields: ["id", "service_zone.fulfillment_set.location.id"],
        filters: { id: optionId },
      })
      locationId = (option as any)?.service_zone?.fulfillment_set?.location?.id ?? null
    }
  }
  if (!locationId) return { location_id: null } // Medusa's workflow gives its own error

  const items = (order.items ?? []).filter(Boolean) as any[]
  const byId = new Map(items.map((i) => [i.id, i]))
  const inventory = container.resolve(Modules.INVENTORY)
  const reservations = await inventory.listReservationItems(
    { line_item_id: input.items.map((i) => i.id) },
    { take: null }
  )
  const locationIds = [locationId, ...reservations.map((r) => r.location_id)]
  const { data: locations } = await query.graph({
    entity: "stock_location",
    fields: ["id", "name"],
    filters: { id: [...new Set(locationIds)] },
  })
  const name = (id: string) => locations.find((l: any) => l.id === id)?.name ?? id

  for (const requested of input.items) {
    const mine = reservations.filter((r) => r.line_item_id === requested.id)
    if (!mine.length) continue // not inventory-managed, or Medusa will refuse it itself
    const item = byId.get(requested.id)
    const label = `"${item?.title ?? requested.id}"${item?.variant_sku ? ` (${item.variant_sku})` : ""}`
    const here = mine.filter((r) => r.location_id === locationId)
    const elsewhere = mine.filter((r) => r.location_id !== locationId)
    if (!here.length) {
      const where = [...new Set(elsewhere.map((r) => name(r.location_id)))].join(" and ")
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Order #${order.display_id}: ${label} is reserved at ${where}, not at ${name(locationId)}. ` +
          `Fulfil it from ${where}, or re-route the order first.`
      )
    }
    if (elsewhere.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Order #${order.display_id}: ${label} is reserved at ${[...new Set(mine.map((r) => name(r.location_id)))].join(" and ")}. ` +
          `Medusa's fulfillment would take the quantity from every location; fulfil this line through medusa-oms packing instead.`
      )
    }
  }
  return { location_id: locationId }
}
