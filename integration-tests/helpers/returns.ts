import { createReturnReasonsWorkflow, createShippingOptionsWorkflow } from "@medusajs/core-flows"
import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { DemoStore } from "../../scripts/seed/demo-store"
import { DEMO_LOCATIONS } from "../../scripts/seed/geography"
import { placeRoutedOrder } from "./orders"

/**
 * What the returns tests share: return reasons, a return shipping option per warehouse, a
 * registered customer with a store session, and an order that was really fulfilled, paid,
 * shipped and delivered through Medusa's own routes.
 */

type Headers = { headers: Record<string, string> }

/** Reason values the tests use; `damaged` needs a photo and `other` a note (set in the policy). */
export const RETURN_REASONS = [
  { value: "wrong_size", label: "Wrong size" },
  { value: "changed_mind", label: "Changed my mind" },
  { value: "damaged", label: "Arrived damaged" },
  { value: "other", label: "Other" },
] as const

export type ReturnSetup = {
  /** reason value -> Medusa return reason id */
  reasons: Record<string, string>
  /** location key -> the "Return to <location>" shipping option id (is_return, manual, free) */
  return_options: Record<string, string>
}

/** Return reasons and one free return shipping option per demo warehouse; safe to call twice. */
export async function seedReturnSetup(container: MedusaContainer, store: DemoStore): Promise<ReturnSetup> {
  const orderModule = container.resolve(Modules.ORDER)
  const fulfillment = container.resolve(Modules.FULFILLMENT)

  const existing = await orderModule.listReturnReasons({ value: RETURN_REASONS.map((r) => r.value) })
  const missing = RETURN_REASONS.filter((r) => !existing.some((e) => e.value === r.value))
  const created = missing.length
    ? (await createReturnReasonsWorkflow(container).run({ input: { data: missing.map((r) => ({ ...r })) } })).result
    : []
  const reasons = Object.fromEntries([...existing, ...created].map((r) => [r.value, r.id]))

  const return_options: Record<string, string> = {}
  for (const location of DEMO_LOCATIONS) {
    const name = `Return to ${location.name}`
    const [option] = await fulfillment.listShippingOptions({ name })
    if (option) {
      return_options[location.key] = option.id
      continue
    }
    const [zone] = await fulfillment.listServiceZones({ name: `${location.name} delivery area` })
    const { result } = await createShippingOptionsWorkflow(container).run({
      input: [
        {
          name,
          price_type: "flat",
          provider_id: "manual_manual",
          service_zone_id: zone.id,
          shipping_profile_id: store.shipping_profile_id,
          type: { label: "Return", description: "Return parcel", code: "return" },
          prices: [
            { currency_code: "usd", amount: 0 },
            { currency_code: "eur", amount: 0 },
            { currency_code: "gbp", amount: 0 },
          ],
          rules: [
            { attribute: "enabled_in_store", value: "true", operator: "eq" },
            { attribute: "is_return", value: "true", operator: "eq" },
          ],
        },
      ],
    })
    return_options[location.key] = result[0].id
  }
  return { reasons, return_options }
}

export type Shopper = { customer_id: string; email: string; token: string; headers: Headers }

/**
 * A customer who registered and logged in through Medusa's own auth and store routes. The
 * headers carry the session token and the demo store's publishable key.
 */
export async function registerCustomer(api: any, store: DemoStore, email: string): Promise<Shopper> {
  const password = "return-me-123"
  const key = { "x-publishable-api-key": store.publishable_key }
  const { data: reg } = await api.post("/auth/customer/emailpass/register", { email, password })
  const { data: made } = await api.post(
    "/store/customers",
    { email, first_name: "Ret", last_name: "Urner" },
    { headers: { ...key, authorization: `Bearer ${reg.token}` } }
  )
  const { data: login } = await api.post("/auth/customer/emailpass", { email, password })
  return {
    customer_id: made.customer.id,
    email,
    token: login.token,
    headers: { headers: { ...key, authorization: `Bearer ${login.token}` } },
  }
}

/** Store API headers with only the publishable key (a guest). */
export const guestHeaders = (store: DemoStore, extra: Record<string, string> = {}): Headers => ({
  headers: { "x-publishable-api-key": store.publishable_key, ...extra },
})

export type DeliveredOrder = {
  order_id: string
  display_id: number
  location_id: string
  fulfillment_id: string
  payment_id: string
  /** order line item id by SKU */
  lines: Record<string, string>
}

/**
 * An order placed through cart completion (as `shopper` when given, else a guest with
 * `email`), routed to one warehouse, then fulfilled there, its payment captured, shipped and
 * marked delivered through Medusa's admin routes. `deliveredDaysAgo` moves the delivery date
 * back (for return windows); the order must ship from one location (keep to stocked items).
 */
export async function deliveredOrder(
  container: MedusaContainer,
  api: any,
  admin: Headers,
  store: DemoStore,
  input: { city: string; items: Record<string, number>; shopper?: Shopper; email?: string; deliveredDaysAgo?: number }
): Promise<DeliveredOrder> {
  const email = input.shopper?.email ?? input.email ?? "guest-returner@example.com"
  const { order_id, decision } = await placeRoutedOrder(container, store, input.city, input.items, {
    email,
    customer_id: input.shopper?.customer_id,
  })
  const location_id = decision.location_ids[0]
  if (!location_id || decision.location_ids.length !== 1) {
    throw new Error(`order ${order_id} was not routed to exactly one location (${decision.location_ids.join(", ")})`)
  }
  const fields = "id,display_id,*items,*fulfillments,*payment_collections,*payment_collections.payments"
  const read = async () => (await api.get(`/admin/orders/${order_id}?fields=${fields}`, admin)).data.order

  const placed = await read()
  const items = placed.items.map((i: any) => ({ id: i.id, quantity: i.quantity }))
  await api.post(`/admin/orders/${order_id}/fulfillments`, { location_id, items }, admin)
  const payment_id = placed.payment_collections[0].payments[0].id
  await api.post(`/admin/payments/${payment_id}/capture`, {}, admin)

  const fulfilled = await read()
  const fulfillment_id = fulfilled.fulfillments[0].id
  await api.post(`/admin/orders/${order_id}/fulfillments/${fulfillment_id}/shipments`, { items }, admin)
  await api.post(`/admin/orders/${order_id}/fulfillments/${fulfillment_id}/mark-as-delivered`, {}, admin)

  if (input.deliveredDaysAgo) {
    const at = new Date(Date.now() - input.deliveredDaysAgo * 86_400_000)
    const fulfillmentModule = container.resolve(Modules.FULFILLMENT)
    await fulfillmentModule.updateFulfillment(fulfillment_id, { shipped_at: at, delivered_at: at })
  }

  const lines: Record<string, string> = {}
  for (const item of placed.items) if (item.variant_sku) lines[item.variant_sku] = item.id
  return { order_id, display_id: placed.display_id, location_id, fulfillment_id, payment_id, lines }
}
