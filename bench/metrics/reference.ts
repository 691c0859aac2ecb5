/**
 * What the bulk writer takes from the seeded demo store: warehouses, shipping options, variants
 * stocked at each warehouse, regions, sales channels, carrier accounts, return reasons and the
 * customers' addresses with their distance to every warehouse. Loaded (and the few missing
 * rows added) once, then handed to the SQL as temporary tables.
 */
import type { Client } from "pg"
import { buildCatalog } from "../../scripts/seed/catalog"
import { DEMO_CUSTOMER_ADDRESSES, DEMO_LOCATIONS, DEMO_REGIONS } from "../../scripts/seed/geography"
import type { DemoStore } from "../../scripts/seed/demo-store"
import { geocodeAddress, haversineKm } from "../../src/lib/geo"

export type CarrierService = {
  carrier: "offline" | "easypost" | "shippo" | "shipstation" | "sendcloud"
  provider: string
  service_code: string
  service_name: string
  /** Price in the warehouse's currency for a typical parcel; the writer varies it by weight. */
  amount: number
  days: number
  /** Share of the warehouse's parcels (the shares of one warehouse sum to 1). */
  share: number
}

/** Who carries from where: several carriers per warehouse, their services, prices and promises. */
export const CARRIERS_BY_LOCATION: Record<string, CarrierService[]> = {
  newark: [
    { carrier: "easypost", provider: "USPS", service_code: "GroundAdvantage", service_name: "USPS Ground Advantage", amount: 6.4, days: 3, share: 0.45 },
    { carrier: "easypost", provider: "UPS", service_code: "Ground", service_name: "UPS Ground", amount: 10.9, days: 4, share: 0.2 },
    { carrier: "shippo", provider: "USPS", service_code: "usps_priority", service_name: "USPS Priority Mail", amount: 9.8, days: 2, share: 0.35 },
  ],
  reno: [
    { carrier: "easypost", provider: "USPS", service_code: "GroundAdvantage", service_name: "USPS Ground Advantage", amount: 6.9, days: 4, share: 0.5 },
    { carrier: "shipstation", provider: "FedEx", service_code: "fedex_ground", service_name: "FedEx Ground", amount: 11.5, days: 4, share: 0.3 },
    { carrier: "shippo", provider: "USPS", service_code: "usps_priority", service_name: "USPS Priority Mail", amount: 10.2, days: 3, share: 0.2 },
  ],
  rotterdam: [
    { carrier: "sendcloud", provider: "PostNL", service_code: "postnl:standard", service_name: "PostNL Standard", amount: 6.95, days: 1, share: 0.55 },
    { carrier: "sendcloud", provider: "DHL", service_code: "dhl:europlus", service_name: "DHL Europlus", amount: 9.5, days: 2, share: 0.35 },
    { carrier: "offline", provider: "Offline Post", service_code: "standard", service_name: "Offline Standard", amount: 5.5, days: 3, share: 0.1 },
  ],
  coleshill: [
    { carrier: "offline", provider: "Offline Post", service_code: "standard", service_name: "Offline Standard", amount: 3.9, days: 2, share: 0.6 },
    { carrier: "sendcloud", provider: "Royal Mail", service_code: "royal_mail:tracked48", service_name: "Royal Mail Tracked 48", amount: 3.6, days: 2, share: 0.4 },
  ],
}

/** How each warehouse works: slower or faster to pick (a factor on the hours), how often a scan is refused. */
export const FLOOR_BY_LOCATION: Record<string, { speed: number; wrong_scan_rate: number; short_rate: number; currency: string }> = {
  newark: { speed: 1, wrong_scan_rate: 0.006, short_rate: 0.008, currency: "usd" },
  reno: { speed: 1.6, wrong_scan_rate: 0.011, short_rate: 0.015, currency: "usd" },
  rotterdam: { speed: 0.8, wrong_scan_rate: 0.018, short_rate: 0.006, currency: "eur" },
  coleshill: { speed: 1.2, wrong_scan_rate: 0.004, short_rate: 0.02, currency: "gbp" },
}

export const RETURN_REASONS = [
  { value: "too_small", label: "Too small", share: 0.24 },
  { value: "too_large", label: "Too large", share: 0.19 },
  { value: "changed_mind", label: "Changed my mind", share: 0.22 },
  { value: "not_as_described", label: "Not as described", share: 0.15 },
  { value: "damaged", label: "Arrived damaged", share: 0.12 },
  { value: "wrong_item", label: "Wrong item sent", share: 0.08 },
]

export const SECOND_CHANNEL = "Marketplace"

/** Writes the reference rows into temporary tables of the writer's session. */
export async function loadReference(client: Client, store: DemoStore) {
  const { rows: locations } = await client.query(
    `select sl.id, sl.name, so.id as so_id
       from stock_location sl
       left join lateral (select id from shipping_option where name = 'Standard from ' || sl.name and deleted_at is null limit 1) so on true
      where sl.deleted_at is null`
  )
  const byName = new Map(locations.map((l: any) => [l.name, l]))
  const { rows: variantRows } = await client.query(`select id, product_id from product_variant where deleted_at is null`)
  const productOf = new Map(variantRows.map((v: any) => [v.id, v.product_id]))
  const { rows: regions } = await client.query(`select id, currency_code from region where deleted_at is null`)
  const regionOf = new Map(regions.map((r: any) => [r.currency_code, r.id]))

  // A second sales channel, so the channel filter has something to tell apart.
  await client.query(
    `insert into sales_channel (id, name, description)
     select 'sc_BENCHMARKETPLACE0000000001', $1::text, 'Orders from a marketplace (benchmark)'
      where not exists (select 1 from sales_channel where name = $1::text and deleted_at is null)`,
    [SECOND_CHANNEL]
  )
  const { rows: channels } = await client.query(`select id, name from sales_channel where name in ('Webshop', $1) and deleted_at is null`, [SECOND_CHANNEL])

  // Carrier accounts, one per carrier and warehouse currency (secrets left out: nothing is called).
  const accounts = new Map<string, string>()
  for (const [key, services] of Object.entries(CARRIERS_BY_LOCATION)) {
    const currency = FLOOR_BY_LOCATION[key].currency
    for (const s of services) {
      const name = `${s.carrier} (benchmark, ${currency.toUpperCase()})`
      if (accounts.has(name)) continue
      const id = `ocarr_BENCH${s.carrier.toUpperCase().padEnd(11, "0")}${currency.toUpperCase()}`
      await client.query(
        `insert into oms_carrier_account (id, carrier, name, settings, services)
         values ($1, $2, $3, $4, '[]') on conflict (id) do nothing`,
        [id, s.carrier, name, JSON.stringify({ account_id: `bench-${currency}`, currency_code: currency.toUpperCase() })]
      )
      accounts.set(name, id)
    }
  }

  // Medusa's return reasons (the returns form lists them; the lines keep id and value).
  for (const [k, r] of RETURN_REASONS.entries()) {
    await client.query(
      `insert into return_reason (id, value, label) select $1::text, $2::text, $3::text
        where not exists (select 1 from return_reason where value = $2::text and deleted_at is null)`,
      [`rr_BENCH${String(k).padStart(18, "0")}`, r.value, r.label]
    )
  }
  const { rows: reasons } = await client.query(`select id, value, label from return_reason where deleted_at is null`)

  const sql: string[] = []
  const lit = (v: unknown) => (v === null || v === undefined ? "null" : typeof v === "number" ? String(v) : `'${String(v).replace(/'/g, "''")}'`)
  const values = (rows: unknown[][]) => rows.map((r) => `(${r.map(lit).join(", ")})`).join(",\n")

  const locRows = DEMO_LOCATIONS.map((l, k) => {
    const found = byName.get(l.name) as any
    if (!found) throw new Error(`the demo store has no stock location "${l.name}"`)
    const floor = FLOOR_BY_LOCATION[l.key]
    return [k, found.id, l.key, l.name, l.address.country_code, floor.currency, l.latitude, l.longitude, found.so_id, floor.speed, floor.wrong_scan_rate, floor.short_rate, l.address.city, l.address.postal_code, l.address.address_1]
  })
  sql.push(`create temp table ref_location (k int, id text, key text, name text, country text, currency text, lat float8, lng float8, so_id text, speed float8, wrong_rate float8, short_rate float8, city text, postal_code text, address_1 text)`)
  sql.push(`insert into ref_location values ${values(locRows)}`)

  const carrierRows: unknown[][] = []
  DEMO_LOCATIONS.forEach((l, k) => {
    let cum = 0
    const currency = FLOOR_BY_LOCATION[l.key].currency
    for (const s of CARRIERS_BY_LOCATION[l.key]) {
      const lo = cum
      cum += s.share
      carrierRows.push([k, accounts.get(`${s.carrier} (benchmark, ${currency.toUpperCase()})`), s.carrier, s.provider, s.service_code, s.service_name, s.amount, s.days, currency, lo, cum])
    }
  })
  sql.push(`create temp table ref_carrier (loc_k int, account_id text, carrier text, provider text, service_code text, service_name text, amount float8, days int, currency text, lo float8, hi float8)`)
  sql.push(`insert into ref_carrier values ${values(carrierRows)}`)

  const addrRows = DEMO_CUSTOMER_ADDRESSES.map((a, k) => {
    const region = DEMO_REGIONS.find((r) => r.countries.includes(a.country_code))!
    return [k, a.country_code === "us" ? "us" : a.country_code === "gb" ? "gb" : "eu", a.first_name, a.last_name, a.address_1, a.city, a.province ?? null, a.postal_code, a.country_code, regionOf.get(region.currency_code), region.currency_code]
  })
  sql.push(`create temp table ref_address (k int, market text, first_name text, last_name text, address_1 text, city text, province text, postal_code text, country_code text, region_id text, currency text)`)
  sql.push(`insert into ref_address values ${values(addrRows)}`)

  const distRows: unknown[][] = []
  DEMO_CUSTOMER_ADDRESSES.forEach((a, ak) => {
    const placed = geocodeAddress({ country_code: a.country_code, city: a.city, province: a.province, postal_code: a.postal_code })
    DEMO_LOCATIONS.forEach((l, lk) => {
      const km = placed ? Math.round(haversineKm(placed.point, { lat: l.latitude, lng: l.longitude }) * 10) / 10 : null
      distRows.push([ak, lk, km])
    })
  })
  sql.push(`create temp table ref_distance (address_k int, loc_k int, km float8)`)
  sql.push(`insert into ref_distance values ${values(distRows)}`)

  const stockRows: unknown[][] = []
  const catalog = buildCatalog().flatMap((p) => p.variants.map((v) => ({ ...v, product_title: p.title, handle: p.handle })))
  DEMO_LOCATIONS.forEach((l, lk) => {
    const here = catalog.filter((v) => (v.stock[l.key] ?? 0) > 3)
    here.forEach((v, idx) => {
      const variantId = store.variants[v.sku]
      stockRows.push([lk, idx, here.length, variantId, productOf.get(variantId), store.inventory_items[v.sku], v.sku, v.barcode, v.title, v.product_title, v.handle, v.prices.usd, v.prices.eur, v.prices.gbp, v.weight])
    })
  })
  sql.push(`create temp table ref_stock (loc_k int, idx int, n int, variant_id text, product_id text, inventory_item_id text, sku text, barcode text, title text, product_title text, handle text, price_usd float8, price_eur float8, price_gbp float8, weight int)`)
  sql.push(`insert into ref_stock values ${values(stockRows)}`)

  let cum = 0
  const reasonRows = RETURN_REASONS.map((r, k) => {
    const lo = cum
    cum += r.share
    const row = (reasons as any[]).find((x) => x.value === r.value)
    return [k, row.id, r.value, lo, cum]
  })
  sql.push(`create temp table ref_reason (k int, id text, value text, lo float8, hi float8)`)
  sql.push(`insert into ref_reason values ${values(reasonRows)}`)

  const webshop = (channels as any[]).find((c) => c.name === "Webshop")
  const second = (channels as any[]).find((c) => c.name === SECOND_CHANNEL)
  sql.push(`create temp table ref_channel (k int, id text)`)
  sql.push(`insert into ref_channel values (0, ${lit(webshop.id)}), (1, ${lit(second.id)})`)

  for (const s of sql) await client.query(s)
  return { locations: locRows.length, variants: stockRows.length, channels: { webshop: webshop.id as string, marketplace: second.id as string } }
}
