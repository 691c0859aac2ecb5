/**
 * Seeds the demo store: store currencies, a sales channel and publishable key, regions and
 * tax regions, four warehouses with fulfillment sets and shipping options, the catalog with
 * stock per warehouse, routing profiles, and orders placed through real cart completion.
 * Used by `npm run seed`, `npm run dev` and the integration tests. Running it twice does
 * not duplicate anything: a seeded store is recognised by its warehouses.
 */
import {
  createApiKeysWorkflow,
  createInventoryLevelsWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from "@medusajs/core-flows"
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import { ROUTING_MODULE } from "../../src/modules/routing"
import { buildCatalog, prng } from "./catalog"
import { DEMO_CUSTOMER_ADDRESSES, DEMO_LOCATIONS, DEMO_REGIONS } from "./geography"
import { placeOrder } from "./place-order"

export type SeedOptions = {
  /** Orders to place through cart completion (30 for the demo). */
  orders?: number
  log?: (message: string) => void
}

export type DemoStore = {
  already_seeded: boolean
  sales_channel_id: string
  publishable_key: string
  regions: Record<string, string> // currency -> region id
  locations: Record<string, string> // location key -> stock location id
  shipping_profile_id: string
  variants: Record<string, string> // sku -> variant id
  inventory_items: Record<string, string> // sku -> inventory item id
  order_ids: string[]
}

const SALES_CHANNEL = "Webshop"

export async function seedDemoStore(container: MedusaContainer, options: SeedOptions = {}): Promise<DemoStore> {
  const log = options.log ?? (() => {})
  const existing = await readDemoStore(container)
  if (existing) {
    log("demo store already seeded; nothing to do")
    return existing
  }

  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const storeModule = container.resolve(Modules.STORE)
  const salesChannelModule = container.resolve(Modules.SALES_CHANNEL)

  log("store, sales channel and publishable key")
  const [store] = await storeModule.listStores()
  const existingChannels = await salesChannelModule.listSalesChannels({ name: SALES_CHANNEL })
  const salesChannel =
    existingChannels[0] ??
    (
      await createSalesChannelsWorkflow(container).run({
        input: { salesChannelsData: [{ name: SALES_CHANNEL, description: "The demo web shop" }] },
      })
    ).result[0]
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        name: "medusa-oms demo store",
        supported_currencies: [
          { currency_code: "usd", is_default: true },
          { currency_code: "eur" },
          { currency_code: "gbp" },
        ],
        default_sales_channel_id: salesChannel.id,
      },
    },
  })
  const { result: keys } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "Webshop", type: "publishable", created_by: "" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({
    input: { id: keys[0].id, add: [salesChannel.id] },
  })

  log("regions and tax regions")
  const { result: regions } = await createRegionsWorkflow(container).run({
    input: {
      regions: DEMO_REGIONS.map((r) => ({
        name: r.name,
        currency_code: r.currency_code,
        countries: r.countries,
        payment_providers: ["pp_system_default"],
      })),
    },
  })
  await createTaxRegionsWorkflow(container).run({
    input: DEMO_REGIONS.flatMap((r) => r.countries).map((country_code) => ({ country_code, provider_id: "tp_system" })),
  })
  const regionByCurrency = Object.fromEntries(regions.map((r) => [r.currency_code, r.id]))

  log("shipping profile")
  const profiles = await fulfillment.listShippingProfiles({ type: "default" })
  const shippingProfile =
    profiles[0] ??
    (
      await createShippingProfilesWorkflow(container).run({
        input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
      })
    ).result[0]

  log("warehouses, fulfillment sets and shipping options")
  const { result: stockLocations } = await createStockLocationsWorkflow(container).run({
    input: { locations: DEMO_LOCATIONS.map((l) => ({ name: l.name, address: l.address })) },
  })
  const locationIds: Record<string, string> = {}
  for (const [i, location] of DEMO_LOCATIONS.entries()) {
    const stockLocation = stockLocations[i]
    locationIds[location.key] = stockLocation.id
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: stockLocation.id },
      [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
    })
    const fulfillmentSet = await fulfillment.createFulfillmentSets({
      name: `${location.name} shipping`,
      type: "shipping",
      service_zones: [
        {
          name: `${location.name} delivery area`,
          geo_zones: location.ships_to.map((country_code) => ({ country_code, type: "country" as const })),
        },
      ],
    })
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: stockLocation.id },
      [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSet.id },
    })
    await linkSalesChannelsToStockLocationWorkflow(container).run({
      input: { id: stockLocation.id, add: [salesChannel.id] },
    })

    const zoneId = fulfillmentSet.service_zones[0].id
    const servedRegions = regions.filter((r) => (r.countries ?? []).some((c) => location.ships_to.includes(c.iso_2)))
    const option = (name: string, code: string, amounts: { usd: number; eur: number; gbp: number }) => ({
      name: `${name} from ${location.name}`,
      price_type: "flat" as const,
      provider_id: "manual_manual",
      service_zone_id: zoneId,
      shipping_profile_id: shippingProfile.id,
      type: { label: name, description: `${name} delivery`, code },
      prices: [
        { currency_code: "usd", amount: amounts.usd },
        { currency_code: "eur", amount: amounts.eur },
        { currency_code: "gbp", amount: amounts.gbp },
        ...servedRegions.map((r) => ({
          region_id: r.id,
          amount: amounts[r.currency_code as "usd" | "eur" | "gbp"],
        })),
      ],
      rules: [
        { attribute: "enabled_in_store", value: "true", operator: "eq" as const },
        { attribute: "is_return", value: "false", operator: "eq" as const },
      ],
    })
    await createShippingOptionsWorkflow(container).run({
      input: [
        option("Standard", "standard", { usd: 8, eur: 7, gbp: 6 }),
        option("Express", "express", { usd: 20, eur: 18, gbp: 15 }),
      ],
    })
  }

  log("routing profiles")
  const routing = container.resolve(ROUTING_MODULE) as any
  await routing.createLocationProfiles(
    DEMO_LOCATIONS.map((l) => ({
      stock_location_id: locationIds[l.key],
      active: true,
      priority: l.priority,
      markets: l.ships_to.map((c) => c.toUpperCase()),
      daily_capacity: null,
      safety_stock: 0,
      latitude: l.latitude,
      longitude: l.longitude,
    }))
  )

  log("products, variants and stock")
  const catalog = buildCatalog()
  const { result: products } = await createProductsWorkflow(container).run({
    input: {
      products: catalog.map((p) => ({
        title: p.title,
        handle: p.handle,
        description: p.description,
        status: ProductStatus.PUBLISHED,
        shipping_profile_id: shippingProfile.id,
        options: [p.option],
        sales_channels: [{ id: salesChannel.id }],
        variants: p.variants.map((v) => ({
          title: v.title,
          sku: v.sku,
          barcode: v.barcode,
          ean: v.barcode,
          options: v.options,
          weight: v.weight,
          length: v.length,
          width: v.width,
          height: v.height,
          manage_inventory: true,
          prices: [
            { currency_code: "usd", amount: v.prices.usd },
            { currency_code: "eur", amount: v.prices.eur },
            { currency_code: "gbp", amount: v.prices.gbp },
          ],
        })),
      })),
    },
  })
  const variantIds: Record<string, string> = {}
  for (const product of products) for (const v of product.variants ?? []) variantIds[v.sku!] = v.id

  const inventory = container.resolve(Modules.INVENTORY)
  const items = await inventory.listInventoryItems({ sku: Object.keys(variantIds) }, { take: null })
  const itemBySku: Record<string, string> = Object.fromEntries(items.map((i) => [i.sku!, i.id]))
  const stockBySku = new Map(catalog.flatMap((p) => p.variants.map((v) => [v.sku, v] as const)))
  // Weight and size travel with the inventory item too, where packing and labels read them.
  await inventory.updateInventoryItems(
    items.map((i) => {
      const v = stockBySku.get(i.sku!)!
      return { id: i.id, weight: v.weight, length: v.length, width: v.width, height: v.height }
    })
  )
  await createInventoryLevelsWorkflow(container).run({
    input: {
      inventory_levels: catalog.flatMap((p) =>
        p.variants.flatMap((v) =>
          Object.entries(v.stock).map(([key, qty]) => ({
            inventory_item_id: itemBySku[v.sku],
            location_id: locationIds[key],
            stocked_quantity: qty,
          }))
        )
      ),
    },
  })

  const base: DemoStore = {
    already_seeded: false,
    sales_channel_id: salesChannel.id,
    publishable_key: keys[0].token,
    regions: regionByCurrency,
    locations: locationIds,
    shipping_profile_id: shippingProfile.id,
    variants: variantIds,
    inventory_items: itemBySku,
    order_ids: [],
  }

  const count = options.orders ?? 30
  if (count > 0) log(`placing ${count} orders through cart completion`)
  base.order_ids = await placeDemoOrders(container, base, count, log)
  return base
}

/**
 * Orders across the markets. Medusa's own completion reserves each line at one location
 * that holds all of it, so lines are kept to items with stock in the customer's market;
 * an order it still refuses is replaced by the next candidate (the count stays exact).
 */
export async function placeDemoOrders(
  container: MedusaContainer,
  store: DemoStore,
  count: number,
  log: (m: string) => void = () => {}
): Promise<string[]> {
  const rand = prng(4242)
  const catalog = buildCatalog()
  const variants = catalog.flatMap((p) => p.variants)
  const ids: string[] = []
  let attempts = 0
  while (ids.length < count && attempts < count * 4) {
    attempts++
    const address = DEMO_CUSTOMER_ADDRESSES[ids.length % DEMO_CUSTOMER_ADDRESSES.length]
    const market = DEMO_LOCATIONS.filter((l) => l.ships_to.includes(address.country_code)).map((l) => l.key)
    const sellable = variants.filter((v) => market.some((k) => (v.stock[k] ?? 0) >= 4))
    const lines = 1 + Math.floor(rand() * 3)
    const picked = new Map<string, number>()
    for (let i = 0; i < lines; i++) {
      const v = sellable[Math.floor(rand() * sellable.length)]
      picked.set(v.sku, 1 + Math.floor(rand() * 2))
    }
    const region = DEMO_REGIONS.find((r) => r.countries.includes(address.country_code))!
    try {
      const { order_id } = await placeOrder(container, {
        region_id: store.regions[region.currency_code],
        sales_channel_id: store.sales_channel_id,
        email: `${address.first_name}.${address.last_name}`.toLowerCase().replace(/[^a-z.]/g, "") + "@example.com",
        address,
        items: [...picked.entries()].map(([sku, quantity]) => ({ variant_id: store.variants[sku], quantity })),
      })
      ids.push(order_id)
    } catch (e) {
      log(`an order to ${address.city} was refused by checkout (${(e as Error).message}); trying another`)
    }
  }
  if (ids.length < count) throw new Error(`placed only ${ids.length} of ${count} demo orders`)
  return ids
}

/** The seeded store's ids, or null when the store has not been seeded. */
export async function readDemoStore(container: MedusaContainer): Promise<DemoStore | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: locations } = await query.graph({
    entity: "stock_location",
    fields: ["id", "name"],
    filters: { name: DEMO_LOCATIONS.map((l) => l.name) },
  })
  if (locations.length < DEMO_LOCATIONS.length) return null

  const [{ data: channels }, { data: keys }, { data: regions }, { data: variants }, { data: items }, { data: orders }] =
    await Promise.all([
      query.graph({ entity: "sales_channel", fields: ["id"], filters: { name: SALES_CHANNEL } }),
      query.graph({ entity: "api_key", fields: ["id", "token"], filters: { type: "publishable", title: "Webshop" } }),
      query.graph({ entity: "region", fields: ["id", "currency_code"] }),
      query.graph({ entity: "product_variant", fields: ["id", "sku"] }),
      query.graph({ entity: "inventory_item", fields: ["id", "sku"] }),
      query.graph({ entity: "order", fields: ["id"] }),
    ])
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const [profile] = await fulfillment.listShippingProfiles({ type: "default" })
  return {
    already_seeded: true,
    sales_channel_id: channels[0]?.id,
    publishable_key: keys[0]?.token,
    regions: Object.fromEntries(regions.map((r) => [r.currency_code, r.id])),
    locations: Object.fromEntries(
      DEMO_LOCATIONS.map((l) => [l.key, locations.find((s) => s.name === l.name)!.id])
    ),
    shipping_profile_id: profile?.id,
    variants: Object.fromEntries(variants.map((v) => [v.sku, v.id])),
    inventory_items: Object.fromEntries(items.map((i) => [i.sku, i.id])),
    order_ids: orders.map((o) => o.id),
  }
}
