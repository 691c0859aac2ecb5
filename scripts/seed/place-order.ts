import {
  addShippingMethodToCartWorkflow,
  completeCartWorkflow,
  createCartWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
  listShippingOptionsForCartWorkflow,
} from "@medusajs/core-flows"
import { MedusaContainer } from "@medusajs/framework/types"
import { DemoAddress } from "./geography"

export type PlaceOrderInput = {
  region_id: string
  sales_channel_id: string
  email: string
  /** A registered customer (guest checkout when left out). */
  customer_id?: string
  address: DemoAddress
  items: { variant_id: string; quantity: number }[]
  /** Shipping option name to prefer ("Standard" by default); the first available otherwise. */
  shipping?: string
}

/**
 * Places an order the way a shopper does: cart, address, shipping method, payment session,
 * completion. Completion is Medusa's own workflow, so `order.placed` fires as in production.
 */
export async function placeOrder(container: MedusaContainer, input: PlaceOrderInput) {
  const { result: cart } = await createCartWorkflow(container).run({
    input: {
      region_id: input.region_id,
      sales_channel_id: input.sales_channel_id,
      email: input.email,
      customer_id: input.customer_id,
      currency_code: undefined,
      shipping_address: input.address,
      billing_address: input.address,
      items: input.items,
    },
  })

  const { result: options } = await listShippingOptionsForCartWorkflow(container).run({
    input: { cart_id: cart.id, is_return: false },
  })
  const wanted = input.shipping ?? "Standard"
  const option =
    options.find((o: { name: string }) => o.name.startsWith(wanted)) ?? (options[0] as { id: string } | undefined)
  if (!option) throw new Error(`no shipping option serves ${input.address.city} (${input.address.country_code})`)

  await addShippingMethodToCartWorkflow(container).run({
    input: { cart_id: cart.id, options: [{ id: option.id }] },
  })
  const { result: collection } = await createPaymentCollectionForCartWorkflow(container).run({
    input: { cart_id: cart.id },
  })
  await createPaymentSessionsWorkflow(container).run({
    input: { payment_collection_id: collection.id, provider_id: "pp_system_default" },
  })
  const { result } = await completeCartWorkflow(container).run({ input: { id: cart.id } })
  return { cart_id: cart.id, order_id: result.id }
}
