import { MedusaContainer } from "@medusajs/framework/types"
import { DemoStore } from "../../scripts/seed/demo-store"
import { DEMO_CUSTOMER_ADDRESSES } from "../../scripts/seed/geography"
import { placeOrder } from "../../scripts/seed/place-order"
import { waitForDecisions } from "./routing"

/** A demo shopper's address in `city` (see scripts/seed/geography.ts). */
export const demoAddress = (city: string) => {
  const address = DEMO_CUSTOMER_ADDRESSES.find((a) => a.city === city)
  if (!address) throw new Error(`no demo customer lives in ${city}`)
  return address
}

/** The demo region that sells to `city`: USD for the US, GBP for the UK, EUR elsewhere. */
export const demoRegion = (store: DemoStore, city: string) => {
  const country = demoAddress(city).country_code
  return country === "us" ? store.regions.usd : country === "gb" ? store.regions.gbp : store.regions.eur
}

/** `{ sku: quantity }` as cart items of the demo store's variants. */
export const demoItems = (store: DemoStore, items: Record<string, number>) =>
  Object.entries(items).map(([sku, quantity]) => ({ variant_id: store.variants[sku], quantity }))

/** A shopper's order to a demo city through Medusa's cart completion, waited for until routing decided it. */
export async function placeRoutedOrder(
  container: MedusaContainer,
  store: DemoStore,
  city: string,
  items: Record<string, number>,
  options: { email?: string; shipping?: string; customer_id?: string } = {}
) {
  const { order_id } = await placeOrder(container, {
    region_id: demoRegion(store, city),
    sales_channel_id: store.sales_channel_id,
    email: options.email ?? "shopper@example.com",
    customer_id: options.customer_id,
    address: demoAddress(city),
    shipping: options.shipping,
    items: demoItems(store, items),
  })
  const [decision] = await waitForDecisions(container, [order_id])
  return { order_id, decision }
}
