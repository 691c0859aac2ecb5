/**
 * The demo store's past weeks, so the Performance page has something to chart: orders placed
 * over the last six weeks, each taken through the plugin's real paths one after the other
 * (cart completion with the offline carrier's option, routing, a wave picked scan by scan, packing
 * with its label bought from the offline carrier, tracking that ships and delivers it, and for
 * some a return requested, received, inspected and refunded). Everything then happened just now,
 * so the history is moved back in time afterwards: each order's steps ran in their own slices of
 * wall-clock time, and every timestamp written in a slice is mapped onto that step's day and hour
 * (scripts/seed/history-clock.ts). Orders too recent for a step stop before it (placed yesterday:
 * not yet delivered). Idempotent: a store with history orders is left alone.
 */
import {
  createReturnReasonsWorkflow,
  createShippingOptionsWorkflow,
} from "@medusajs/core-flows"
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { getWaveDetail } from "../../src/api/admin/oms/waves/helpers"
import { ROUTING_MODULE } from "../../src/modules/routing"
import { RETURNS_MODULE } from "../../src/modules/returns"
import {
  createReturnPolicyWorkflow,
  createWaveWorkflow,
  inspectReturnWorkflow,
  packOrderWorkflow,
  receiveReturnParcelWorkflow,
  requestReturnWorkflow,
  resolveReturnWorkflow,
  routeOrderWorkflow,
  scanWaveWorkflow,
  startWaveWorkflow,
} from "../../src/workflows"
import { recordTrackingWorkflow } from "../../src/workflows/shipping/workflows/record-tracking"
import { defaultPolicyDefinition } from "../../src/lib/returns/defaults"
import { buildCatalog, prng } from "./catalog"
import type { DemoStore } from "./demo-store"
import { DEMO_CUSTOMER_ADDRESSES, DEMO_LOCATIONS, DEMO_REGIONS } from "./geography"
import { HistoryClock } from "./history-clock"
import { HISTORY_DAYS, planOrderTimeline } from "./history-plan"
import { placeOrder } from "./place-order"

/** History orders are told apart by their customers' address domain. */
export const HISTORY_EMAIL_DOMAIN = "history.example.com"
const REASONS = [
  { value: "wrong_size", label: "Wrong size" },
  { value: "damaged", label: "Arrived damaged" },
  { value: "changed_mind", label: "Changed my mind" },
]

export type HistoryResult = { created: boolean; orders: number; returns: number; ms: number }

/**
 * History is there once it has been moved back in time (orders placed days ago). A run stopped
 * half-way leaves its orders as today's; the next run seeds the history afresh beside them.
 */
async function historyExists(container: MedusaContainer): Promise<boolean> {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const row = await pg.raw(`SELECT 1 FROM "order" WHERE email LIKE ? AND created_at < now() - interval '1 day' LIMIT 1`, [
    `%@${HISTORY_EMAIL_DOMAIN}`,
  ])
  return row.rows.length > 0
}

/** Return reasons, a free return option per warehouse and a policy for every market. */
async function setUpReturns(container: MedusaContainer, store: DemoStore) {
  const orderModule = container.resolve(Modules.ORDER)
  const have = await orderModule.listReturnReasons({ value: REASONS.map((r) => r.value) })
  const missing = REASONS.filter((r) => !have.some((h: { value: string }) => h.value === r.value))
  if (missing.length) await createReturnReasonsWorkflow(container).run({ input: { data: missing } })
  const reasons = await orderModule.listReturnReasons({ value: REASONS.map((r) => r.value) })

  const fulfillment = container.resolve(Modules.FULFILLMENT)
  for (const location of DEMO_LOCATIONS) {
    const name = `Return to ${location.name}`
    if ((await fulfillment.listShippingOptions({ name })).length) continue
    const [zone] = await fulfillment.listServiceZones({ name: `${location.name} delivery area` })
    await createShippingOptionsWorkflow(container).run({
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
  }
  const returns = container.resolve(RETURNS_MODULE) as any
  if (!(await returns.listReturnPolicies({})).length) {
    await createReturnPolicyWorkflow(container).run({
      input: { name: "Demo store returns", active: true, priority: 100, market: null, definition: defaultPolicyDefinition() } as any,
    })
  }
  return Object.fromEntries(reasons.map((r: { value: string; id: string }) => [r.value, r.id]))
}

async function routedLocations(container: MedusaContainer, orderId: string): Promise<string[]> {
  const routing = container.resolve(ROUTING_MODULE) as any
  const until = Date.now() + 30_000
  for (;;) {
    const [decision] = await routing.listRoutingDecisions({ order_id: orderId })
    if (decision?.location_ids?.length) return decision.location_ids as string[]
    if (Date.now() > until) return []
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** Picks a started wave stop by stop as a scanner does; every fourth wave starts with a wrong item. */
async function pickWave(container: MedusaContainer, waveId: string, wrongFirst: boolean) {
  let wrong = wrongFirst
  for (;;) {
    const detail: any = await getWaveDetail(container, waveId)
    const stop = detail.scan.current_stop
    if (!stop) return
    const scan = (event: any) => scanWaveWorkflow(container).run({ input: { wave_id: waveId, event, actor: "seed" } })
    if (stop.bin_code) await scan({ type: "bin", code: stop.bin_code })
    if (wrong) {
      // Refused (the wave counts it as a wrong scan), as a picker's slip would be.
      await scan({ type: "item", code: "0000000000000" }).catch(() => undefined)
      wrong = false
    }
    await scan({ type: "item", code: stop.sku ?? stop.barcode })
    await scan({ type: "quantity", quantity: stop.quantity })
  }
}

async function labelOf(container: MedusaContainer, fulfillmentId: string) {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = await pg.raw(
    `SELECT id, tracking_numbers FROM oms_label WHERE fulfillment_id = ? AND status = 'purchased' AND deleted_at IS NULL LIMIT 1`,
    [fulfillmentId]
  )
  return rows[0] as { id: string; tracking_numbers: string[] } | undefined
}

async function track(container: MedusaContainer, orderId: string, fulfillmentId: string, status: "in_transit" | "delivered") {
  const label = await labelOf(container, fulfillmentId)
  if (!label) return false
  const tracking_number = label.tracking_numbers[0] ?? label.id
  await recordTrackingWorkflow(container).run({
    input: {
      label_id: label.id,
      order_id: orderId,
      fulfillment_id: fulfillmentId,
      update: {
        carrier: "offline",
        tracking_number,
        status,
        events: [{ status, occurred_at: new Date().toISOString(), description: status === "delivered" ? "Delivered" : "In transit", location: null }],
      },
    } as any,
  })
  return true
}

export async function seedDemoHistory(
  container: MedusaContainer,
  store: DemoStore,
  options: { orders?: number; log?: (m: string) => void } = {}
): Promise<HistoryResult> {
  const started = Date.now()
  const log = options.log ?? (() => {})
  if (await historyExists(container)) return { created: false, orders: 0, returns: 0, ms: Date.now() - started }
  const total = options.orders ?? 24
  const reasons = await setUpReturns(container, store)
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const carrierOptions = (await fulfillment.listShippingOptions({ provider_id: "carrier_oms" } as any)).map((o: { id: string }) => o.id)
  const returns = container.resolve(RETURNS_MODULE) as any
  const query = container.resolve(ContainerRegistrationKeys.QUERY)

  const rand = prng(1313)
  const variants = buildCatalog().flatMap((p) => p.variants)
  const now = new Date()
  const clock = new HistoryClock()
  let placedCount = 0
  let returnCount = 0
  log(`history: ${total} orders over the past ${HISTORY_DAYS} days`)

  for (let k = 0; k < total; k++) {
    const plan = planOrderTimeline(k, total, now, rand)
    const address = DEMO_CUSTOMER_ADDRESSES[(k * 7) % DEMO_CUSTOMER_ADDRESSES.length]
    const market = DEMO_LOCATIONS.filter((l) => l.ships_to.includes(address.country_code)).map((l) => l.key)
    const sellable = variants.filter((v) => market.some((key) => (v.stock[key] ?? 0) >= 6))
    const lines = new Map<string, number>()
    for (let i = 0, n = 1 + Math.floor(rand() * 2); i < n; i++) lines.set(sellable[Math.floor(rand() * sellable.length)].sku, 1 + Math.floor(rand() * 2))
    const region = DEMO_REGIONS.find((r) => r.countries.includes(address.country_code))!

    const order = clock.order(plan)
    let orderId: string
    try {
      const placed = await placeOrder(container, {
        region_id: store.regions[region.currency_code],
        sales_channel_id: store.sales_channel_id,
        email: `${address.first_name}.${address.last_name}.${k + 1}`.toLowerCase().replace(/[^a-z0-9.]/g, "") + `@${HISTORY_EMAIL_DOMAIN}`,
        address,
        items: [...lines].map(([sku, quantity]) => ({ variant_id: store.variants[sku], quantity })),
        shipping: "Carrier",
      })
      orderId = placed.order_id
    } catch (e) {
      log(`history: an order to ${address.city} was refused by checkout (${(e as Error).message}); skipped`)
      order.abandon()
      continue
    }
    placedCount++
    order.reached("placed")
    if (placedCount % 6 === 0) log(`history: ${placedCount} of ${total} orders placed`)

    if (!plan.routed) continue
    await routeOrderWorkflow(container).run({ input: { order_id: orderId } })
    const locations = await routedLocations(container, orderId)
    order.reached("routed")

    if (!plan.picked || !locations.length) continue
    const waves: string[] = []
    for (const location of locations) {
      const { result: wave } = await createWaveWorkflow(container).run({
        input: { stock_location_id: location, filters: { shipping_option_ids: carrierOptions }, created_by: "seed" },
      })
      if (!wave?.id || !wave.order_count) continue
      await startWaveWorkflow(container).run({ input: { wave_id: wave.id } })
      await pickWave(container, wave.id, k % 4 === 1)
      waves.push(wave.id)
    }
    order.reached("picked")

    if (!plan.packed) continue
    const fulfillments: string[] = []
    for (const waveId of waves) {
      const { result } = await packOrderWorkflow(container).run({ input: { wave_id: waveId, order_id: orderId, actor: "seed" } })
      if (result.pack.fulfillment_id) fulfillments.push(result.pack.fulfillment_id)
    }
    order.reached("packed")

    if (!plan.shipped) continue
    for (const f of fulfillments) await track(container, orderId, f, "in_transit")
    order.reached("shipped")

    if (!plan.delivered) continue
    for (const f of fulfillments) await track(container, orderId, f, "delivered")
    order.reached("delivered")

    // About one order in three comes back, one line of it.
    if (!plan.return_requested || rand() > 0.35) continue
    const { data } = await query.graph({ entity: "order", fields: ["id", "items.id", "items.quantity"], filters: { id: orderId } })
    const item = (data[0] as any).items[0]
    const reason = REASONS[returnCount % REASONS.length].value
    try {
      const { result: requested } = await requestReturnWorkflow(container).run({
        input: {
          order_id: orderId,
          source: "admin",
          request: {
            items: [{ line_item_id: item.id, quantity: 1, reason_id: reasons[reason] }],
            method: "drop_off",
            resolution: "refund",
          },
        } as any,
      })
      const caseId: string = (requested as { id: string }).id
      returnCount++
      order.reached("return_requested")
      if (!plan.return_received) continue
      await receiveReturnParcelWorkflow(container).run({ input: { return_case_id: caseId, received_by: "seed" } })
      order.reached("return_received")
      if (!plan.return_resolved) continue
      const [line] = await returns.listReturnLines({ return_case_id: caseId })
      const grade = reason === "damaged" ? "damaged" : "new"
      await inspectReturnWorkflow(container).run({
        input: { return_case_id: caseId, inspected_by: "seed", entries: [{ return_line_id: line.id, grade, quantity: 1 }] },
      })
      // The resolution also runs off the inspected event; whichever comes first pays, once.
      await resolveReturnWorkflow(container).run({ input: { return_case_id: caseId } }).catch(() => undefined)
      await waitForResolution(returns, caseId)
      order.reached("return_resolved")
    } catch (e) {
      log(`history: the return of order ${orderId} stopped (${(e as Error).message})`)
    }
  }

  // Subscribers of the last steps (invoices, messages) finish in the last order's slice.
  await new Promise((r) => setTimeout(r, 1500))
  const moved = await clock.rewrite(container.resolve(ContainerRegistrationKeys.PG_CONNECTION))
  log(`history: ${placedCount} orders, ${returnCount} returns; ${moved} timestamps moved back`)
  return { created: true, orders: placedCount, returns: returnCount, ms: Date.now() - started }
}

async function waitForResolution(returns: any, caseId: string) {
  const until = Date.now() + 20_000
  for (;;) {
    const row = await returns.retrieveReturnCase(caseId)
    if (row.resolution_status === "done" || row.resolution_status === "failed") return
    if (Date.now() > until) return
    await new Promise((r) => setTimeout(r, 50))
  }
}
