/**
 * The labels benchmark's inside half, run by `medusa exec` on its own database (see run.ts):
 * a demo store, OMS_BENCH_ORDERS (500) orders written in bulk with one fulfillment each at
 * Newark, one wave holding them all as packed (the benchmark is about buying labels, not about
 * placing or packing orders), an EasyPost account pointing at the local fake EasyPost with
 * 50-200 ms latency and a limit of 20 requests/s (label files, a CDN at EasyPost, are not
 * counted), then `buyWaveLabels`: the same code the wave's "Buy labels" runs (buyLabelWorkflow
 * per order: the order's lock, the ledger, the account's shared pace). Results go to
 * OMS_BENCH_OUT as JSON.
 */
import fs from "fs"
import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { DEMO_CUSTOMER_ADDRESSES } from "../../scripts/seed/geography"
import { seedDemoStore } from "../../scripts/seed/demo-store"
import { startEasyPostFake } from "../../integration-tests/fakes/easypost"
import { PICKING_MODULE } from "../../src/modules/picking"
import { SHIPPING_MODULE } from "../../src/modules/shipping"
import { buyWaveLabels } from "../../src/workflows/shipping/utils/wave-labels"

const ORDERS = Number(process.env.OMS_BENCH_ORDERS || 500)
const LIMIT_RPS = Number(process.env.OMS_BENCH_LIMIT_RPS || 20)
const CONCURRENCY = Number(process.env.OMS_BENCH_CONCURRENCY || 8)
const log = (m: string) => process.stderr.write(`[bench:labels] ${m}\n`)

export type LabelsBenchResult = {
  orders: number
  limit_rps: number
  concurrency: number
  wall_s: number
  labels: number
  failed: number
  api_requests: number
  requests_per_label: number
  labels_per_s: number
  allowed_labels_per_s: number
  share_of_limit: number
  answered_429: number
  share_429: number
  retries: number
  double_purchases: number
}

export default async function bench({ container }: ExecArgs) {
  const store = await seedDemoStore(container, { orders: 0 })
  const newark = store.locations.newark
  const { order_ids, fulfillment_ids } = await writeFulfilledOrders(container, store, newark, ORDERS)
  const waveId = await writePackedWave(container, newark, order_ids, fulfillment_ids)

  const fake = await startEasyPostFake({ knobs: { latency_ms: [50, 200], limit_rps: LIMIT_RPS, limit_paths: /^\/(shipments|addresses)/, retry_after_s: 1 } })
  const shipping = container.resolve(SHIPPING_MODULE) as any
  let retries = 0
  const factory = shipping.adapterFactory
  // The benchmark counts retries through the adapters' hook; everything else is the shop's own path.
  shipping.adapterFactory = (config: any, options: any) => factory(config, { ...options, onRetry: () => void retries++ })
  const account = await shipping.createCarrierAccount({
    carrier: "easypost",
    name: "EasyPost (bench fake)",
    base_url: fake.url,
    settings: { requests_per_second: LIMIT_RPS },
    secrets: { api_key: fake.api_key },
  })

  log(`buying ${ORDERS} labels for wave ${waveId} at concurrency ${CONCURRENCY} under ${LIMIT_RPS} requests/s`)
  const started = Date.now()
  const result = await buyWaveLabels(container as any, {
    wave_id: waveId,
    carrier_account_id: account.id,
    service_code: "GroundAdvantage",
    concurrency: CONCURRENCY,
  })
  const wall = (Date.now() - started) / 1000
  shipping.adapterFactory = factory

  const api = fake.requests.filter((r) => !r.path.startsWith("/files/"))
  const labels = result.bought.length
  const perLabel = api.filter((r) => r.status !== 429).length / Math.max(1, labels)
  const bySale = new Map<string, number>()
  for (const p of fake.purchases) bySale.set(p.shipment_id, (bySale.get(p.shipment_id) ?? 0) + 1)
  const rows = (await shipping.listLabels({ carrier_account_id: account.id, status: "purchased" }, { take: null })) as any[]
  const perFulfillment = new Map<string, number>()
  for (const r of rows) perFulfillment.set(r.fulfillment_id, (perFulfillment.get(r.fulfillment_id) ?? 0) + 1)
  const doubles = [...perFulfillment.values()].filter((n) => n > 1).length + Math.max(0, fake.purchases.length - rows.length)
  const allowed = LIMIT_RPS / perLabel
  const out: LabelsBenchResult = {
    orders: ORDERS,
    limit_rps: LIMIT_RPS,
    concurrency: CONCURRENCY,
    wall_s: round(wall, 1),
    labels,
    failed: result.failed.length,
    api_requests: api.length,
    requests_per_label: round(perLabel, 2),
    labels_per_s: round(labels / wall, 2),
    allowed_labels_per_s: round(allowed, 2),
    share_of_limit: round(labels / wall / allowed, 3),
    answered_429: fake.count(429),
    share_429: round(fake.count(429) / Math.max(1, api.length), 4),
    retries,
    double_purchases: doubles,
  }
  if (result.failed.length) log(`failed: ${result.failed.slice(0, 3).map((f) => f.message).join(" | ")}`)
  await fake.close()
  fs.writeFileSync(process.env.OMS_BENCH_OUT || "/dev/stdout", JSON.stringify(out, null, 2))
}

const round = (n: number, d: number) => Math.round(n * 10 ** d) / 10 ** d

/** Orders of one unit each, with a fulfillment at the location linked to them, in batches of 100. */
async function writeFulfilledOrders(container: ExecArgs["container"], store: any, locationId: string, count: number) {
  const orderModule = container.resolve(Modules.ORDER)
  const fulfillments = container.resolve(Modules.FULFILLMENT)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const address = DEMO_CUSTOMER_ADDRESSES.find((a) => a.country_code === "us")!
  const sku = "TEE-L"
  const order_ids: string[] = []
  const fulfillment_ids: string[] = []
  const started = Date.now()
  for (let done = 0; done < count; done += 100) {
    const n = Math.min(100, count - done)
    const created = (await orderModule.createOrders(
      Array.from({ length: n }, (_, i) => ({
        region_id: store.regions.usd,
        currency_code: "usd",
        sales_channel_id: store.sales_channel_id,
        email: `labels${done + i}@example.com`,
        status: "pending",
        shipping_address: { ...address },
        items: [{ title: "Tee L", product_title: "Tee", variant_id: store.variants[sku], variant_sku: sku, quantity: 1, unit_price: 20 }],
      })) as any
    )) as any[]
    const { data: withItems } = await query.graph({ entity: "order", fields: ["id", "items.*"], filters: { id: created.map((o) => o.id) } })
    // One call per fulfillment: the module's createFulfillment takes one at a time.
    const made: any[] = []
    for (const o of withItems as any[]) {
      made.push(
        await fulfillments.createFulfillment({
          location_id: locationId,
          provider_id: "manual_manual",
          delivery_address: { ...address },
          items: o.items.map((i: any) => ({ title: i.title, sku, quantity: 1, barcode: "", line_item_id: i.id })),
          labels: [],
          order: {},
        } as any)
      )
    }
    await link.create(made.map((f, k) => ({ [Modules.ORDER]: { order_id: (withItems as any[])[k].id }, [Modules.FULFILLMENT]: { fulfillment_id: f.id } })))
    order_ids.push(...(withItems as any[]).map((o) => o.id))
    fulfillment_ids.push(...made.map((f) => f.id))
  }
  log(`wrote ${count} fulfilled orders in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return { order_ids, fulfillment_ids }
}

/** One wave at the location with every order packed (a tote each, in order). */
async function writePackedWave(container: ExecArgs["container"], locationId: string, orderIds: string[], fulfillmentIds: string[]) {
  const picking = container.resolve(PICKING_MODULE) as any
  const wave = await picking.createWaves({
    stock_location_id: locationId,
    status: "packed",
    filters: {},
    pick_list: { stops: [] },
    order_count: orderIds.length,
    packed_orders: orderIds.length,
  })
  await picking.createPacks(
    orderIds.map((order_id, i) => ({ wave_id: wave.id, order_id, status: "packed", fulfillment_id: fulfillmentIds[i], parcel: {}, items: [] }))
  )
  return wave.id as string
}
