/**
 * The picking benchmark's inside half, run by `medusa exec` on its own database (see run.ts):
 * a demo store, then N orders of 5 lines routed to Newark (written in bulk: the benchmark is
 * about the wave, not about placing orders), bins for every item there, and for each wave
 * size: the wave build through `createWaveWorkflow` (time and the SQL statements it sends),
 * then the pick list PDF (time, size, pages). Results go to OMS_BENCH_OUT as JSON.
 */
import fs from "fs"
import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { buildCatalog, prng } from "../../scripts/seed/catalog"
import { DEMO_CUSTOMER_ADDRESSES } from "../../scripts/seed/geography"
import { seedDemoStore } from "../../scripts/seed/demo-store"
import { renderPickListPdf } from "../../src/lib/documents"
import { binWalkSequence } from "../../src/lib/picking"
import { PICKING_MODULE } from "../../src/modules/picking"
import { ROUTING_MODULE } from "../../src/modules/routing"
import { cancelWaveWorkflow } from "../../src/workflows/picking/workflows/cancel-wave"
import { createWaveWorkflow } from "../../src/workflows/picking/workflows/create-wave"
import { countStatements } from "./statements"

const LINES_PER_ORDER = 5
const sizes = (process.env.OMS_BENCH_SIZES || "100,250,1000").split(",").map(Number).sort((a, b) => a - b)
const repeats = Number(process.env.OMS_BENCH_REPEATS || 3)
const log = (m: string) => process.stderr.write(`[bench:picking] ${m}\n`)

export type PickingBenchRow = {
  orders: number
  lines: number
  units: number
  stops: number
  build_ms: number
  statements: number
  statements_without_tx: number
  pdf_ms: number
  pdf_kb: number
  pdf_pages: number
  total_ms: number
}

export default async function bench({ container }: ExecArgs) {
  const store = await seedDemoStore(container, { orders: 0 })
  const newark = store.locations.newark
  const catalog = buildCatalog().flatMap((p) => p.variants.map((v) => ({ ...v, product_title: p.title })))
  const stocked = catalog.filter((v) => (v.stock as Record<string, number>).newark !== undefined)
  log(`${stocked.length} variants stocked at Newark`)

  await writeBins(container, newark, stocked.map((v) => store.inventory_items[v.sku]))
  const largest = sizes[sizes.length - 1]
  await writeRoutedOrders(container, store, newark, stocked, largest)

  const rows: PickingBenchRow[] = []
  for (const size of sizes) {
    let best: PickingBenchRow | null = null
    for (let i = 0; i < repeats; i++) {
      const row = await measure(container, newark, size)
      if (!best || row.total_ms < best.total_ms) best = row
    }
    rows.push(best!)
    log(`${size} orders: build ${best!.build_ms} ms (${best!.statements} statements), pdf ${best!.pdf_ms} ms`)
  }
  fs.writeFileSync(process.env.OMS_BENCH_OUT || "/dev/stdout", JSON.stringify(rows, null, 2))
}

/** One wave of `size` orders: built, measured, rendered, then cancelled so the next run can take them. */
async function measure(container: ExecArgs["container"], locationId: string, size: number): Promise<PickingBenchRow> {
  const counter = countStatements()
  const started = process.hrtime.bigint()
  const { result: wave } = await createWaveWorkflow(container).run({
    input: { stock_location_id: locationId, filters: { max_orders: size } },
  })
  const build_ms = Number(process.hrtime.bigint() - started) / 1e6
  const counted = counter.stop()

  const picking = container.resolve(PICKING_MODULE) as any
  const [stored] = await picking.listWaves({ id: wave.id }, { select: ["id", "pick_list"] })
  const pdfStarted = process.hrtime.bigint()
  const pdf = await renderPickListPdf(stored.pick_list, { paper: "a4", generated_at: new Date().toISOString() })
  const pdf_ms = Number(process.hrtime.bigint() - pdfStarted) / 1e6
  await cancelWaveWorkflow(container).run({ input: { wave_id: wave.id } })

  const list = stored.pick_list as { stops: { breakdown: unknown[] }[]; units: number }
  return {
    orders: wave.order_count,
    lines: list.stops.reduce((n, s) => n + s.breakdown.length, 0),
    units: list.units,
    stops: list.stops.length,
    build_ms: Math.round(build_ms),
    statements: counted.all,
    statements_without_tx: counted.without_transaction_control,
    pdf_ms: Math.round(pdf_ms),
    pdf_kb: Math.round(pdf.length / 1024),
    pdf_pages: (pdf.toString("latin1").match(/\/Type\s*\/Page\b/g) ?? []).length,
    total_ms: Math.round(build_ms + pdf_ms),
  }
}

/** A quantity as the order module returns it (a number, or a BigNumber with `numeric`). */
function units(q: unknown): number {
  const value = typeof q === "object" && q !== null ? (q as { numeric?: number; value?: string }).numeric ?? (q as { value?: string }).value : q
  const n = Number(value)
  if (!Number.isFinite(n)) throw new Error(`unreadable quantity ${JSON.stringify(q)}`)
  return n
}

/** A bin for every item at the location, on a four-zone, twenty-aisle layout (fixed seed). */
async function writeBins(container: ExecArgs["container"], locationId: string, inventoryItemIds: string[]) {
  const picking = container.resolve(PICKING_MODULE) as any
  const existing = await picking.listBins({ stock_location_id: locationId }, { select: ["id"], take: null })
  if (existing.length) return
  const rand = prng(7)
  const bins = inventoryItemIds.map((inventory_item_id, i) => {
    const code = `${"ABCD"[i % 4]}-${String(1 + Math.floor(rand() * 20)).padStart(2, "0")}-${1 + Math.floor(rand() * 5)}-${"ABCD"[Math.floor(rand() * 4)]}`
    return { stock_location_id: locationId, inventory_item_id, code, walk_sequence: binWalkSequence(code), walk_sequence_source: "code" }
  })
  await picking.createBins(bins)
}

/**
 * `count` orders of five lines each, every line reserved at Newark and a routing decision that
 * ships it all from there: what `routeOrderWorkflow` leaves behind, written in bulk.
 */
async function writeRoutedOrders(
  container: ExecArgs["container"],
  store: Awaited<ReturnType<typeof seedDemoStore>>,
  locationId: string,
  variants: { sku: string; title: string; product_title: string; barcode?: string; price?: number }[],
  count: number
) {
  const orderModule = container.resolve(Modules.ORDER)
  const inventory = container.resolve(Modules.INVENTORY)
  const routing = container.resolve(ROUTING_MODULE) as any
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const already = await routing.listRoutingDecisions({ location_ids: { $contains: [locationId] } }, { select: ["id"], take: null })
  if (already.length >= count) return

  // Plenty of stock, so the reservations below are honest.
  const itemIds = variants.map((v) => store.inventory_items[v.sku])
  const levels = await inventory.listInventoryLevels({ inventory_item_id: itemIds, location_id: locationId }, { take: null })
  await inventory.updateInventoryLevels(levels.map((l) => ({ inventory_item_id: l.inventory_item_id, location_id: locationId, stocked_quantity: 1_000_000 })))

  const { data: regions } = await query.graph({ entity: "region", fields: ["id", "currency_code"], filters: { id: store.regions.usd } })
  const address = DEMO_CUSTOMER_ADDRESSES.find((a) => a.country_code === "us")!
  const rand = prng(20261122)
  const started = Date.now()
  for (let done = 0; done < count; done += 100) {
    const batch = Array.from({ length: Math.min(100, count - done) }, (_, i) => {
      const picked = new Set<number>()
      while (picked.size < LINES_PER_ORDER) picked.add(Math.floor(rand() * variants.length))
      return {
        region_id: store.regions.usd,
        currency_code: regions[0].currency_code,
        sales_channel_id: store.sales_channel_id,
        email: `bench${done + i}@example.com`,
        status: "pending" as const,
        shipping_address: { ...address },
        items: [...picked].map((k) => ({
          title: variants[k].title,
          product_title: variants[k].product_title,
          variant_id: store.variants[variants[k].sku],
          variant_sku: variants[k].sku,
          variant_barcode: variants[k].barcode ?? null,
          quantity: 1 + Math.floor(rand() * 2),
          unit_price: 20,
        })),
      }
    })
    const orders = await orderModule.createOrders(batch as any)
    const created = Array.isArray(orders) ? orders : [orders]
    const { data: withItems } = await query.graph({
      entity: "order",
      fields: ["id", "items.*"],
      filters: { id: created.map((o: any) => o.id) },
    })
    const reservations: any[] = []
    const decisions: any[] = []
    for (const order of withItems as any[]) {
      const lines = (order.items as any[]).map((item) => ({
        line_id: `${item.id}|${store.inventory_items[item.variant_sku]}`,
        line_item_id: item.id,
        inventory_item_id: store.inventory_items[item.variant_sku],
        quantity: units(item.quantity),
      }))
      for (const l of lines) {
        reservations.push({ line_item_id: l.line_item_id, inventory_item_id: l.inventory_item_id, location_id: locationId, quantity: l.quantity })
      }
      decisions.push({
        order_id: order.id,
        status: "routed",
        method: "exact",
        rule_set: "default",
        location_ids: [locationId],
        plan: {
          status: "routed",
          shipments: [{
            location_id: locationId,
            location_name: "Newark DC",
            lines: lines.map(({ line_id, inventory_item_id, quantity }) => ({ line_id, inventory_item_id, quantity })),
            value: 0,
            distance_km: null,
          }],
          unallocated: [],
        },
        trace: {},
        history: { entries: [] },
      })
    }
    await inventory.createReservationItems(reservations)
    await routing.createRoutingDecisions(decisions)
  }
  log(`wrote ${count} routed orders in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}
