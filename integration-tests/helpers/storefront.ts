import { DemoAddress } from "../../scripts/seed/geography"

export type StorefrontOrderInput = {
  publishableKey: string
  regionId: string
  email?: string
  address: DemoAddress
  items: { variant_id: string; quantity: number }[]
  /** Shipping option name prefix to prefer. */
  shipping?: string
}

/**
 * A shopper's checkout over the store API, request by request, ending in
 * POST /store/carts/:id/complete. Returns the completion response.
 */
export async function checkoutViaStoreApi(api: any, input: StorefrontOrderInput) {
  const headers = { headers: { "x-publishable-api-key": input.publishableKey } }
  const { data: created } = await api.post(
    "/store/carts",
    {
      region_id: input.regionId,
      email: input.email ?? "shopper@example.com",
      shipping_address: input.address,
      billing_address: input.address,
      items: input.items,
    },
    headers
  )
  const cartId = created.cart.id
  const { data: options } = await api.get(`/store/shipping-options?cart_id=${cartId}`, headers)
  const wanted = input.shipping ?? "Standard"
  const option =
    options.shipping_options.find((o: { name: string }) => o.name.startsWith(wanted)) ?? options.shipping_options[0]
  if (!option) throw new Error(`no shipping option for ${input.address.city}`)
  await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: option.id }, headers)
  const { data: pc } = await api.post("/store/payment-collections", { cart_id: cartId }, headers)
  await api.post(
    `/store/payment-collections/${pc.payment_collection.id}/payment-sessions`,
    { provider_id: "pp_system_default" },
    headers
  )
  const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, headers)
  return { cartId, shippingOption: option, ...data }
}
