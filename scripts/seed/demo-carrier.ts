/**
 * The offline carrier in the demo store, so a newcomer can pack an order and print a real label
 * without any carrier contract: one offline account per currency the warehouses sell in, each
 * warehouse linked to the carrier provider (carrier_oms), and a calculated "Carrier" shipping
 * option per warehouse that rate-shops the offline services (the cheapest wins) and falls back
 * to the Standard price when the carrier cannot quote. Idempotent: a store that has the demo
 * accounts is left alone. Called by `npm run seed` only, so the HTTP tests keep the store they
 * assert on.
 */
import { createShippingOptionsWorkflow } from "@medusajs/core-flows"
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { SHIPPING_MODULE } from "../../src/modules/shipping"
import type ShippingModuleService from "../../src/modules/shipping/service"
import type { DemoStore } from "./demo-store"
import { DEMO_LOCATIONS } from "./geography"

const CURRENCY_OF: Record<string, "usd" | "eur" | "gbp"> = { newark: "usd", reno: "usd", rotterdam: "eur", coleshill: "gbp" }
const FALLBACK: Record<"usd" | "eur" | "gbp", number> = { usd: 8, eur: 7, gbp: 6 }

export async function seedDemoCarrier(container: MedusaContainer, store: DemoStore): Promise<{ created: boolean }> {
  const shipping = container.resolve<ShippingModuleService>(SHIPPING_MODULE)
  const [existing] = await shipping.listPublicCarrierAccounts({ name: "Offline carrier (demo, USD)" })
  if (existing.length) return { created: false }

  const accounts: Record<string, string> = {}
  for (const currency of ["usd", "eur", "gbp"] as const) {
    const account = await shipping.createCarrierAccount({
      carrier: "offline",
      name: `Offline carrier (demo, ${currency.toUpperCase()})`,
      settings: { account_id: `demo-${currency}`, currency_code: currency.toUpperCase() },
      services: [],
    })
    accounts[currency] = account.id
  }

  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  for (const location of DEMO_LOCATIONS) {
    const currency = CURRENCY_OF[location.key]
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: store.locations[location.key] },
      [Modules.FULFILLMENT]: { fulfillment_provider_id: "carrier_oms" },
    })
    const [zone] = await fulfillment.listServiceZones({ name: `${location.name} delivery area` })
    await createShippingOptionsWorkflow(container).run({
      input: [
        {
          name: `Carrier from ${location.name}`,
          price_type: "calculated",
          provider_id: "carrier_oms",
          service_zone_id: zone.id,
          shipping_profile_id: store.shipping_profile_id,
          type: { label: "Carrier", description: "Offline carrier, cheapest service", code: "carrier" },
          data: {
            id: `${accounts[currency]}:rate-shop`,
            account_id: accounts[currency],
            service_code: null,
            fallback_amounts: FALLBACK,
          },
          rules: [
            { attribute: "enabled_in_store", value: "true", operator: "eq" },
            { attribute: "is_return", value: "false", operator: "eq" },
          ],
        } as any,
      ],
    })
  }
  return { created: true }
}
