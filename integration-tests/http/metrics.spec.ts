import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { DemoStore, seedDemoStore } from "../../scripts/seed/demo-store"
import { addDays, localDay, localMidnight } from "../../src/lib/metrics/range"
import { RETURNS_MODULE } from "../../src/modules/returns"
import { ROUTING_MODULE } from "../../src/modules/routing"
import { adminHeaders } from "../helpers/admin"
import { call, placeRoutedOrder, scanThrough, setBins } from "../helpers/picking"
import { deliveredOrder, DeliveredOrder } from "../helpers/returns"
import { omsIntegrationTestRunner } from "../helpers/runner"

jest.setTimeout(400_000)

const HOUR = 3_600_000
const TERMS = { restocking_fee_percent: 0, shipping: { mode: "free" }, refund_damaged: false, resolutions: ["refund"], label_amount: null }
const round2 = (n: number) => Math.round(n * 100) / 100

type Admin = { headers: Record<string, string> }

// The dashboard's numbers on real orders: placed through cart completion, routed, one picked in
// a wave (with a wrong scan) and packed, fulfilled, shipped and delivered through Medusa's admin
// routes, labels bought through the ledger from the offline carrier, one part return. Then the
// times are moved with SQL to known hours after a day D (ten days ago, store time zone), and
// each number is worked out by hand below.
omsIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: Admin
    let D: string // the range's first day
    let from: string
    let to: string
    const o: Record<string, { order_id: string; fulfillment_id?: string; location_id: string }> = {}
    const labels: Record<string, any> = {}
    let tz: string

    const pg = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
    const shipping = () => getContainer().resolve("oms_shipping") as any
    const at = (hours: number) => new Date(localMidnight(D, tz).getTime() + hours * HOUR)

    async function buyLabel(order: { order_id: string; fulfillment_id?: string; location_id: string }, account: any) {
      return shipping().purchase({
        idempotency_key: `metrics:${order.fulfillment_id}`,
        order_id: order.order_id,
        fulfillment_id: order.fulfillment_id,
        location_id: order.location_id,
        carrier_account_id: account.id,
        shipment: {
          from: { name: "Newark DC", line1: "1 Dock St", city: "Newark", postal_code: "07102", province: "NJ", country_code: "US" },
          to: { name: "Shopper", line1: "2 Main St", city: "Boston", postal_code: "02108", province: "MA", country_code: "US" },
          parcels: [{ weight_g: 400, length_cm: 30, width_cm: 20, height_cm: 5 }],
        },
        service_code: "offline_economy",
      })
    }

    /**
     * Moves an order's times: placed, routed, and its fulfillments' created/shipped/delivered.
     * Each UPDATE stamps updated_at as any write does: the dashboard's facts table (refreshed by
     * the page and by a job every minute, maybe already during this setup) finds changes by it.
     */
    async function backdate(orderId: string, t: { placed: number; routed: number; shipped?: number; delivered?: number }) {
      const db = pg()
      await db.raw(`UPDATE "order" SET created_at = ?, updated_at = now() WHERE id = ?`, [at(t.placed), orderId])
      await db.raw(`UPDATE oms_routing_decision SET created_at = ?, updated_at = now() WHERE order_id = ?`, [at(t.routed), orderId])
      if (t.shipped !== undefined) {
        await db.raw(
          `UPDATE fulfillment SET created_at = ?, shipped_at = ?, delivered_at = ?, updated_at = now()
            WHERE id IN (SELECT fulfillment_id FROM order_fulfillment WHERE order_id = ?)`,
          [at(t.shipped), at(t.shipped), t.delivered === undefined ? null : at(t.delivered), orderId]
        )
      }
    }

    beforeAll(async () => {
      const container = getContainer()
      store = await seedDemoStore(container, { orders: 0 })
      admin = await adminHeaders(container, api)
      tz = (container.resolve(ROUTING_MODULE) as any).getOmsOptions().timezone
      D = addDays(localDay(new Date(), tz), -20)
      from = D
      to = addDays(D, 13)

      // O1: picked in a wave at Newark (one wrong bin scan on the way), packed, shipped, delivered.
      const first = await placeRoutedOrder(container, store, "Boston", { "TEE-L": 1 })
      o.o1 = { order_id: first.order_id, location_id: first.decision.location_ids[0] }
      await setBins(api, admin, store, "newark", { "TEE-L": "A-01-1-A" })
      const { data: made } = await api.post("/admin/oms/waves", { stock_location_id: store.locations.newark }, admin)
      const waveId = made.wave.id
      await api.post(`/admin/oms/waves/${waveId}/start`, {}, admin)
      const wrong = await call(api.post(`/admin/oms/waves/${waveId}/scan`, { type: "bin", code: "Z-99-9-Z" }, admin))
      expect(wrong.status).toBe(400)
      await scanThrough(api, admin, waveId)
      const packed = await call(api.post(`/admin/oms/waves/${waveId}/orders/${o.o1.order_id}/pack`, {}, admin))
      expect(packed.status).toBe(200)
      o.o1.fulfillment_id = packed.data.pack.fulfillment_id
      const { data: o1 } = await api.get(`/admin/orders/${o.o1.order_id}?fields=*items`, admin)
      const items = o1.order.items.map((i: any) => ({ id: i.id, quantity: i.quantity }))
      await api.post(`/admin/orders/${o.o1.order_id}/fulfillments/${o.o1.fulfillment_id}/shipments`, { items }, admin)
      await api.post(`/admin/orders/${o.o1.order_id}/fulfillments/${o.o1.fulfillment_id}/mark-as-delivered`, {}, admin)

      // O2 (Newark, 4 units) and O3 (Reno, 2 units): fulfilled, shipped, delivered through Medusa's routes.
      const o2: DeliveredOrder = await deliveredOrder(container, api, admin, store, { city: "Boston", items: { "TEE-L": 2, "HOOD-L": 1 } })
      const o3: DeliveredOrder = await deliveredOrder(container, api, admin, store, { city: "Seattle", items: { "TEE-L": 2 } })
      o.o2 = o2
      o.o3 = o3
      // O4: two tees, only one fulfilled and shipped (a partial shipment: not shipped yet). O5:
      // placed in the previous period.
      const o4 = await placeRoutedOrder(container, store, "Boston", { "TEE-L": 2 })
      const o5 = await placeRoutedOrder(container, store, "Boston", { "TEE-L": 1 })
      o.o4 = { order_id: o4.order_id, location_id: o4.decision.location_ids[0] }
      o.o5 = { order_id: o5.order_id, location_id: o5.decision.location_ids[0] }
      const { data: four } = await api.get(`/admin/orders/${o.o4.order_id}?fields=*items`, admin)
      const half = [{ id: four.order.items[0].id, quantity: 1 }]
      const { data: part } = await api.post(
        `/admin/orders/${o.o4.order_id}/fulfillments?fields=*fulfillments`,
        { location_id: o.o4.location_id, items: half },
        admin
      )
      o.o4.fulfillment_id = part.order.fulfillments[0].id
      await api.post(`/admin/orders/${o.o4.order_id}/fulfillments/${o.o4.fulfillment_id}/shipments`, { items: half }, admin)

      // Labels from the offline carrier for O1 and O2.
      const account = await shipping().createCarrierAccount({
        carrier: "offline",
        name: "Offline",
        settings: { account_id: "acct-metrics" },
        secrets: {},
        webhook_secret: null,
      })
      labels.o1 = await buyLabel(o.o1, account)
      labels.o2 = await buyLabel(o.o2, account)

      // A part return of O3: one of its two tees, resolved 24 h after the request.
      const returns = container.resolve(RETURNS_MODULE) as any
      const [made3] = await returns.createReturnCases([
        {
          rma_code: returns.newRmaCode(),
          order_id: o3.order_id,
          order_display_id: o3.display_id,
          currency_code: "usd",
          status: "resolved",
          method: "drop_off",
          resolution: "refund",
          terms: TERMS,
          requested_at: at(100),
          resolved_at: at(124),
        },
      ])
      await returns.createReturnLines([
        {
          return_case_id: made3.id,
          order_line_item_id: o3.lines["TEE-L"],
          sku: "TEE-L",
          title: "Classic Tee L",
          quantity: 1,
          unit_refund: 25,
          reason_value: "wrong_size",
          destination_location_id: o3.location_id,
        },
      ])

      // The times, in hours after D 00:00 local.
      await backdate(o.o1.order_id, { placed: 10, routed: 11, shipped: 20, delivered: 58 })
      await backdate(o.o2.order_id, { placed: 12, routed: 14, shipped: 36, delivered: 72 })
      await backdate(o.o3.order_id, { placed: 33, routed: 36, shipped: 45, delivered: 69 })
      await backdate(o.o4.order_id, { placed: 44, routed: 45, shipped: 50 })
      await backdate(o.o5.order_id, { placed: -72, routed: -67 })
      const db = pg()
      await db.raw(`UPDATE oms_wave SET picked_at = ?, updated_at = now() WHERE id = ?`, [at(14), waveId])
      await db.raw(`UPDATE oms_pack SET created_at = ?, updated_at = now() WHERE wave_id = ?`, [at(15), waveId])
      // O1's label bought on D, delivered on its last promised day; O2's bought on D+1, a day late.
      const days = labels.o1.rate.days as number
      await db.raw(`UPDATE oms_label SET purchased_at = ?, updated_at = now() WHERE id = ?`, [at(15), labels.o1.id])
      await db.raw(`UPDATE oms_label SET purchased_at = ?, updated_at = now() WHERE id = ?`, [at(30), labels.o2.id])
      await shipping().createTrackingEvents([
        { label_id: labels.o1.id, tracking_number: "T1", status: "delivered", occurred_at: at(days * 24 + 20), event_key: "m1" },
        { label_id: labels.o2.id, tracking_number: "T2", status: "delivered", occurred_at: at((days + 2) * 24 + 1), event_key: "m2" },
      ])
    })

    beforeEach(async () => {
      admin = await adminHeaders(getContainer(), api)
    })

    const report = async (query: string) => (await api.get(`/admin/oms/metrics?${query}`, admin)).data

    it("computes every metric over the range as worked out by hand, one statement per metric", async () => {
      const data = await report(`from=${from}&to=${to}`)
      const m = data.metrics
      expect(data.filters).toMatchObject({ from, to, timezone: tz, bucket: "day", compare: false })
      // The page first brings the facts table up to date (built, or the orders changed since the
      // job's last run), then one statement per metric and one for the names.
      expect(["rebuilt", "refreshed"]).toContain(data.facts.outcome)
      expect(data.facts).toMatchObject({ orders: 5, live: false })
      expect(data.statements).toBe(data.facts.statements + 16)
      expect(data.definitions).toHaveLength(15)
      expect(m.placed_to_routed.previous).toBeUndefined()

      // Routed after 1, 2, 3 and 1 h: median 1.5, p90 at rank 2.7 of [1, 1, 2, 3] = 2.7.
      expect(m.placed_to_routed.current).toEqual({ value: 1.5, p50: 1.5, p90: 2.7, count: 4 })
      // Only O1 went through a wave: picked after 4 h, packed after 5 h.
      expect(m.placed_to_picked.current).toEqual({ value: 4, p50: 4, p90: 4, count: 1 })
      expect(m.placed_to_packed.current).toEqual({ value: 5, p50: 5, p90: 5, count: 1 })
      // Shipped after 10, 24, 12 h (O4 shipped one of two units: not shipped yet, not counted): [10, 12, 24] -> 12, 12 + 0.8 x 12.
      expect(m.placed_to_shipped.current).toEqual({ value: 12, p50: 12, p90: 21.6, count: 3 })
      // Delivered after 48, 60, 36 h.
      expect(m.placed_to_delivered.current).toEqual({ value: 48, p50: 48, p90: 57.6, count: 3 })
      expect(m.split_rate.current).toEqual({ value: 0, count: 4 })
      expect(m.parcels_per_order.current).toEqual({ value: 1, count: 3 })
      // One wrong scan over the wave's one line; no short pick.
      expect(m.wrong_scans_per_100_lines.current).toEqual({ value: 100, count: 1 })
      expect(m.short_picks_per_100_lines.current).toEqual({ value: 0, count: 1 })

      // Distance: the planner's stored km per shipment, over the four routed orders.
      const decisions = await (getContainer().resolve(ROUTING_MODULE) as any).listRoutingDecisions({
        order_id: [o.o1, o.o2, o.o3, o.o4].map((x) => x.order_id),
      })
      const km = decisions.reduce(
        (s: number, d: any) => s + d.plan.shipments.reduce((t: number, sh: any) => t + (sh.distance_km ?? 0), 0),
        0
      )
      expect(m.distance_per_order.current).toEqual({ value: round2(km / 4), count: 4 })

      // Labels: O1's and O2's amounts over two orders; one of the two delivered on time.
      expect(m.label_cost_per_order.current).toEqual({ value: round2((labels.o1.amount + labels.o2.amount) / 2), count: 2 })
      expect(m.on_time_delivery.current).toEqual({ value: 50, count: 2 })
      // 7 units fulfilled (1 + 3 + 2 + O4's 1), 1 asked back.
      expect(m.return_rate.current).toEqual({ value: round2(100 / 7), count: 7 })
      expect(m.return_to_resolution.current).toEqual({ value: 24, p50: 24, p90: 24, count: 1 })

      // Stock cover: every unit on hand now over 7 units shipped in 14 days.
      const { rows } = await pg().raw(`SELECT COALESCE(SUM(stocked_quantity), 0)::float AS s FROM inventory_level WHERE deleted_at IS NULL`)
      expect(m.stock_cover_days.current).toEqual({ value: round2(rows[0].s / (7 / 14)), count: 7 })

      // Series: a point per day of the range; O1 and O2 placed on D, O3 and O4 on D+1.
      expect(m.placed_to_routed.series).toHaveLength(14)
      expect(m.placed_to_routed.series[0]).toEqual({ bucket: D, value: 1.5, p50: 1.5, p90: 1.9, count: 2 })
      expect(m.placed_to_routed.series[1]).toEqual({ bucket: addDays(D, 1), value: 2, p50: 2, p90: 2.8, count: 2 })
      expect(m.placed_to_routed.series[2]).toEqual({ bucket: addDays(D, 2), value: null, p50: null, p90: null, count: 0 })

      // Per location: Newark shipped O1 and O2, Reno O3.
      const row = (id: string) => data.by_location.find((r: any) => r.location_id === id)
      expect(row(store.locations.newark).values.placed_to_shipped).toEqual({ value: 17, p50: 17, p90: 22.6, count: 2 })
      expect(row(store.locations.reno).values.placed_to_shipped).toEqual({ value: 12, p50: 12, p90: 12, count: 1 })
      expect(row(store.locations.newark).name).toBeTruthy()

      // Per carrier and the returns breakdowns.
      expect(data.by_carrier).toEqual([
        {
          carrier: "offline",
          labels: 2,
          total_cost: round2(labels.o1.amount + labels.o2.amount),
          currency_code: labels.o1.currency_code,
          cost_per_order: round2((labels.o1.amount + labels.o2.amount) / 2),
          on_time: { value: 50, count: 2 },
        },
      ])
      expect(data.returns.by_reason).toEqual([{ key: "wrong_size", label: "wrong_size", units: 1, rate: round2(100 / 7) }])
      expect(data.returns.by_location).toEqual([expect.objectContaining({ key: store.locations.reno, units: 1, rate: 50 })])
      // 6 tees fulfilled (1 + 2 + 2 + 1), one back.
      expect(data.returns.by_product).toEqual([expect.objectContaining({ units: 1, rate: round2(100 / 6) })])
    })

    it("narrows by location, range, sales channel and carrier, and compares with the previous period", async () => {
      const west = await report(`from=${from}&to=${to}&location_id=${store.locations.reno}`)
      expect(west.metrics.placed_to_shipped.current).toEqual({ value: 12, p50: 12, p90: 12, count: 1 })
      expect(west.metrics.placed_to_routed.current).toEqual({ value: 3, p50: 3, p90: 3, count: 1 })
      expect(west.metrics.return_rate.current).toEqual({ value: 50, count: 2 })
      expect(west.by_location.map((r: any) => r.location_id)).toEqual([store.locations.reno])

      // From D+1 on, O1 and O2 (placed on D) are out: routed after 3 and 1 h.
      const later = await report(`from=${addDays(D, 1)}&to=${to}`)
      expect(later.metrics.placed_to_routed.current).toEqual({ value: 2, p50: 2, p90: 2.8, count: 2 })

      const channel = await report(`from=${from}&to=${to}&sales_channel_id=sc_nobody`)
      expect(channel.metrics.placed_to_routed.current).toEqual({ value: null, p50: null, p90: null, count: 0 })
      expect((await report(`from=${from}&to=${to}&sales_channel_id=${store.sales_channel_id}`)).metrics.placed_to_routed.current.count).toBe(4)

      const ups = await report(`from=${from}&to=${to}&carrier=ups`)
      expect(ups.metrics.label_cost_per_order.current).toEqual({ value: null, count: 0 })
      expect(ups.metrics.placed_to_shipped.current.count).toBe(0)
      expect(ups.metrics.placed_to_routed.current.count).toBe(4) // routing has no carrier
      const offline = await report(`from=${from}&to=${to}&carrier=offline`)
      expect(offline.metrics.on_time_delivery.current).toEqual({ value: 50, count: 2 })
      expect(offline.metrics.placed_to_shipped.current.count).toBe(2) // O3 has no label

      // Compared: the 14 days before D hold O5, routed after 5 h.
      const compared = await report(`from=${from}&to=${to}&compare=true&bucket=week`)
      expect(compared.previous_range).toEqual({ from: addDays(D, -14), to: addDays(D, -1) })
      expect(compared.metrics.placed_to_routed.previous).toEqual({ value: 5, p50: 5, p90: 5, count: 1 })
      expect(compared.metrics.placed_to_routed.current.count).toBe(4)
      expect(compared.metrics.placed_to_shipped.previous).toEqual({ value: null, p50: null, p90: null, count: 0 })
      expect(compared.metrics.placed_to_routed.series.reduce((s: number, p: any) => s + p.count, 0)).toBe(4)
    })

    it("lists the orders behind a number, slowest first, and exports the report as CSV", async () => {
      const { data } = await api.get(`/admin/oms/metrics/placed_to_shipped/orders?from=${from}&to=${to}`, admin)
      expect(data).toMatchObject({ key: "placed_to_shipped", count: 3, limit: 20, offset: 0 })
      expect(data.orders.map((r: any) => [r.order_id, r.value])).toEqual([
        [o.o2.order_id, 24],
        [o.o3.order_id, 12],
        [o.o1.order_id, 10],
      ])
      expect(data.orders[1]).toMatchObject({ location_ids: [store.locations.reno], placed_at: at(33).toISOString() })
      const page = (await api.get(`/admin/oms/metrics/placed_to_shipped/orders?from=${from}&to=${to}&limit=1&offset=1`, admin)).data
      expect([page.count, page.orders.map((r: any) => r.order_id)]).toEqual([3, [o.o3.order_id]])
      const day = (await api.get(`/admin/oms/metrics/placed_to_routed/orders?from=${from}&to=${to}&bucket_start=${addDays(D, 1)}`, admin)).data
      expect(day.orders.map((r: any) => r.order_id).sort()).toEqual([o.o3.order_id, o.o4.order_id].sort())

      const csv = await api.get(`/admin/oms/metrics/export.csv?from=${from}&to=${to}&compare=true`, admin)
      expect(csv.headers["content-type"]).toMatch(/text\/csv/)
      const lines = (csv.data as string).trim().split("\n")
      expect(lines[0]).toBe("metric,label,unit,period,bucket,value,p50,p90,count")
      expect(lines).toContain(`placed_to_routed,Placed to routed,hours,current,${from}..${to},1.5,1.5,2.7,4`)
      expect(lines).toContain(`placed_to_routed,Placed to routed,hours,previous,${addDays(D, -14)}..${addDays(D, -1)},5,5,5,1`)
      expect(lines).toContain(`placed_to_routed,Placed to routed,hours,bucket,${D},1.5,1.5,1.9,2`)
      // 15 metrics x (current + previous + 14 days) + the header.
      expect(lines).toHaveLength(1 + 15 * 16)
    })

    it("answers only admins, and names the field of a bad range", async () => {
      for (const path of ["/admin/oms/metrics", "/admin/oms/metrics/export.csv", "/admin/oms/metrics/placed_to_shipped/orders"]) {
        expect((await call(api.get(path))).status).toBe(401)
      }
      const bad = async (query: string) => {
        const res = await call(api.get(`/admin/oms/metrics?${query}`, admin))
        return [res.status, res.data.message]
      }
      expect(await bad("from=2026-13-01&to=2026-12-01")).toEqual([400, expect.stringContaining("'from' must be a calendar day written YYYY-MM-DD")])
      expect(await bad("from=2026-11-01&to=1.12.2026")).toEqual([400, expect.stringContaining("'to' must be a calendar day")])
      expect(await bad("from=2026-11-10&to=2026-11-01")).toEqual([400, expect.stringContaining("'from' (2026-11-10) must not be after 'to' (2026-11-01)")])
      expect(await bad("from=2025-01-01&to=2026-11-01")).toEqual([400, expect.stringContaining("'to' must be at most 366 days after 'from'")])
      expect(await bad("from=2026-11-01&to=2026-11-02&bucket=hour")).toEqual([400, expect.stringContaining("'bucket' must be one of: day, week, month")])
      expect(await bad("from=2026-11-01&to=2026-11-02&compare=yes")).toEqual([400, expect.stringContaining("'compare' must be one of: true, false")])
      const unknown = await call(api.get(`/admin/oms/metrics/speed/orders?from=${from}&to=${to}`, admin))
      expect([unknown.status, unknown.data.message]).toEqual([404, expect.stringContaining("Metric 'speed' was not found")])
      const none = await call(api.get(`/admin/oms/metrics/stock_cover_days/orders?from=${from}&to=${to}`, admin))
      expect([none.status, none.data.message]).toEqual([400, expect.stringContaining("Metric 'stock_cover_days' has no orders behind it")])
    })

    // The numbers come from the facts table (src/modules/metrics): these check that it holds
    // what the modules' own statements compute, and that it follows the orders as they change.
    const metricsModule = () => getContainer().resolve("oms_metrics") as any
    const factRows = async () => Number((await pg().raw(`SELECT COUNT(*)::int AS n FROM oms_metric_fact`)).rows[0].n)
    const inputOf = (key: string, filters: Record<string, string> = {}) => {
      const start = localMidnight(addDays(D, -14), tz)
      return {
        key,
        timezone: tz,
        bucket: "day",
        current_start: localMidnight(D, tz),
        window: { start, end: localMidnight(addDays(to, 1), tz), timezone: tz },
        filters,
      }
    }
    const sorted = (rows: any[]) =>
      rows
        .map((r) => JSON.stringify([r.period, r.dim, r.key, r.label, r.n, r.num, r.den, r.units, r.p50, r.p90]))
        .sort()

    it("reads from the facts table exactly what each metric's own statement computes", async () => {
      expect((await metricsModule().refreshFacts()).outcome).not.toBe("busy")
      const { METRIC_KEYS } = await import("../../src/lib/metrics/types")
      const filters = [{}, { location_id: store.locations.reno }, { location_id: store.locations.newark }, { sales_channel_id: store.sales_channel_id }, { carrier: "offline" }]
      for (const key of METRIC_KEYS) {
        for (const f of filters) {
          const stored = await metricsModule().metricRows(inputOf(key, f))
          const live = await metricsModule().metricRows({ ...inputOf(key, f), live: true })
          expect([key, f, sorted(stored)]).toEqual([key, f, sorted(live)])
        }
      }
      // Not a vacuous comparison: the table holds the test's orders.
      expect(await factRows()).toBeGreaterThan(20)
    })

    it("takes in an order changed through Medusa's own routes on the next page", async () => {
      // O4's second tee fulfilled and shipped now: O4 is shipped, at its last parcel.
      const before = (await report(`from=${from}&to=${to}`)).metrics.placed_to_shipped.current
      expect(before.count).toBe(3)
      const { data: four } = await api.get(`/admin/orders/${o.o4.order_id}?fields=*items`, admin)
      const rest = [{ id: four.order.items[0].id, quantity: 1 }]
      const { data: made } = await api.post(
        `/admin/orders/${o.o4.order_id}/fulfillments?fields=*fulfillments`,
        { location_id: o.o4.location_id, items: rest },
        admin
      )
      const second = made.order.fulfillments.find((f: any) => f.id !== o.o4.fulfillment_id)
      await api.post(`/admin/orders/${o.o4.order_id}/fulfillments/${second.id}/shipments`, { items: rest }, admin)

      const after = await report(`from=${from}&to=${to}`)
      expect(after.facts).toMatchObject({ outcome: "refreshed", live: false })
      expect(after.facts.orders).toBeGreaterThanOrEqual(1)
      // Shipped after 10, 12, 24 h and O4's (placed at 44 h, shipped just now: hundreds of hours): median 18.
      expect(after.metrics.placed_to_shipped.current).toMatchObject({ value: 18, count: 4 })
      expect(after.metrics.parcels_per_order.current).toEqual({ value: round2(5 / 4), count: 4 })
      const { data } = await api.get(`/admin/oms/metrics/placed_to_shipped/orders?from=${from}&to=${to}`, admin)
      expect(data.orders[0].order_id).toBe(o.o4.order_id)
    })

    it("keeps one set of rows per order when refreshes race or repeat, and rebuilds for new definitions", async () => {
      await metricsModule().refreshFacts()
      const rows = await factRows()
      const live = sorted(await metricsModule().metricRows({ ...inputOf("placed_to_shipped"), live: true }))
      // Every order touched, then four refreshes at once: whichever take the lock write each order's rows once.
      await pg().raw(`UPDATE "order" SET updated_at = now()`)
      // (Each waits for the one before it: all four refresh, one after another.)
      const raced = await Promise.all([1, 2, 3, 4].map(() => metricsModule().refreshFacts()))
      expect(raced.map((r: any) => [r.outcome, r.orders])).toEqual(Array(4).fill(["refreshed", 5]))
      expect(await factRows()).toBe(rows)
      // While another refresh holds the table past the wait (a build from scratch), a refresh answers busy and writes nothing.
      await pg().transaction(async (trx: any) => {
        await trx.raw(`SELECT pg_advisory_xact_lock(hashtext('oms_metric_fact'))`)
        expect(await metricsModule().refreshFacts()).toMatchObject({ outcome: "busy", stored: true, orders: 0 })
      })
      expect(await factRows()).toBe(rows)
      // Again (the orders are still inside the overlap): the same rows, not twice.
      expect((await metricsModule().refreshFacts()).orders).toBe(5)
      expect(await factRows()).toBe(rows)
      expect(sorted(await metricsModule().metricRows(inputOf("placed_to_shipped")))).toEqual(live)

      // A plugin version with other definitions: the state row names another fingerprint.
      await pg().raw(`UPDATE oms_metric_facts_state SET version = 'older-definitions'`)
      await pg().raw(`DELETE FROM oms_metric_fact WHERE metric = 'placed_to_shipped'`)
      const rebuilt = await metricsModule().refreshFacts()
      expect(rebuilt).toMatchObject({ outcome: "rebuilt", orders: 5 })
      expect(await factRows()).toBe(rows)
      expect(sorted(await metricsModule().metricRows(inputOf("placed_to_shipped")))).toEqual(live)
    })
  },
})
