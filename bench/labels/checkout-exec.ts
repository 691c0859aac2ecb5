/**
 * The checkout half of bench:labels, run by `medusa exec` once with the provider's quote cache
 * (quote_cache_seconds 600) and once without (0): a calculated "Carrier" shipping option at
 * Newark priced live by a fake EasyPost answering in 50-200 ms, then for OMS_BENCH_CARTS (30)
 * carts of different contents: Medusa's addShippingMethodToCartWorkflow (what
 * `POST /store/carts/:id/shipping-methods` runs) and three refreshCartItemsWorkflow runs (what
 * every cart change runs, pricing the method again). Times in ms to OMS_BENCH_OUT as JSON.
 */
import fs from "fs"
import { addShippingMethodToCartWorkflow, createCartWorkflow, createShippingOptionsWorkflow, refreshCartItemsWorkflow } from "@medusajs/core-flows"
import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { startEasyPostFake } from "../../integration-tests/fakes/easypost"
import { DEMO_CUSTOMER_ADDRESSES } from "../../scripts/seed/geography"
import { seedDemoStore } from "../../scripts/seed/demo-store"
import { SHIPPING_MODULE } from "../../src/modules/shipping"

const CARTS = Number(process.env.OMS_BENCH_CARTS || 30)
const REFRESHES = 3

export type CheckoutBenchResult = { cache: boolean; carts: number; add_ms: number[]; refresh_ms: number[]; carrier_rate_requests: number }

export default async function checkoutBench({ container }: ExecArgs) {
  const store = await seedDemoStore(container, { orders: 0 })
  const fake = await startEasyPostFake({ knobs: { latency_ms: [50, 200] } })
  const shipping = container.resolve(SHIPPING_MODULE) as any
  const account = await shipping.createCarrierAccount({ carrier: "easypost", name: "EasyPost (bench fake)", base_url: fake.url, secrets: { api_key: fake.api_key } })

  const link = container.resolve(ContainerRegistrationKeys.LINK)
  await link.create({ [Modules.STOCK_LOCATION]: { stock_location_id: store.locations.newark }, [Modules.FULFILLMENT]: { fulfillment_provider_id: "carrier_oms" } })
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const [zone] = await fulfillment.listServiceZones({ name: "Newark DC delivery area" })
  const { result: [option] } = await createShippingOptionsWorkflow(container).run({
    input: [
      {
        name: "Carrier (bench)",
        price_type: "calculated",
        provider_id: "carrier_oms",
        service_zone_id: zone.id,
        shipping_profile_id: store.shipping_profile_id,
        type: { label: "Carrier", description: "EasyPost GroundAdvantage", code: "carrier-bench" },
        data: { id: `${account.id}:GroundAdvantage`, account_id: account.id, service_code: "GroundAdvantage", fallback_amount: 8 },
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" },
          { attribute: "is_return", value: "false", operator: "eq" },
        ],
      } as any,
    ],
  })

  const address = DEMO_CUSTOMER_ADDRESSES.find((a) => a.city === "Boston")!
  const skus = ["TEE-L", "TEE-M", "HOOD-L", "CAP-BLU"].filter((s) => store.variants[s])
  const add_ms: number[] = []
  const refresh_ms: number[] = []
  for (let i = 0; i < CARTS; i++) {
    const { result: cart } = await createCartWorkflow(container).run({
      input: {
        region_id: store.regions.usd,
        sales_channel_id: store.sales_channel_id,
        email: `bench-cart${i}@example.com`,
        shipping_address: { ...address, first_name: "Bench", last_name: "Shopper" } as any,
        items: [{ variant_id: store.variants[skus[i % skus.length]], quantity: 1 + (i % 3) }],
      },
    })
    let t = performance.now()
    await addShippingMethodToCartWorkflow(container).run({ input: { cart_id: cart.id, options: [{ id: option.id }] } })
    add_ms.push(performance.now() - t)
    for (let r = 0; r < REFRESHES; r++) {
      t = performance.now()
      await refreshCartItemsWorkflow(container).run({ input: { cart_id: cart.id } })
      refresh_ms.push(performance.now() - t)
    }
  }
  const out: CheckoutBenchResult = {
    cache: Number(process.env.OMS_QUOTE_CACHE_SECONDS ?? 600) > 0,
    carts: CARTS,
    add_ms,
    refresh_ms,
    carrier_rate_requests: fake.requests.filter((r) => r.method === "POST" && r.path === "/shipments").length,
  }
  await fake.close()
  fs.writeFileSync(process.env.OMS_BENCH_OUT || "/dev/stdout", JSON.stringify(out))
}
