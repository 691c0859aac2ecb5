import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { DemoStore, seedDemoStore } from "../../scripts/seed/demo-store"
import { RETURNS_MODULE } from "../../src/modules/returns"
import { adminHeaders } from "../helpers/admin"
import { DeliveredOrder, deliveredOrder, registerCustomer } from "../helpers/returns"
import { omsIntegrationTestRunner } from "../helpers/runner"

jest.setTimeout(300_000)

const HOUR = 3_600_000
const hoursAgo = (hours: number) => new Date(Date.now() - hours * HOUR)
const TERMS = { restocking_fee_percent: 0, shipping: { mode: "free" }, refund_damaged: false, resolutions: ["refund"], label_amount: null }

type CaseLine = { sku: string; quantity: number; reason: string | null; destination: string }

// The Returns page's numbers on real delivered orders: cases and lines written through the
// module's CRUD (as the request and resolution workflows write them), the rates worked out by
// hand from what was ordered, fulfilled and shipped through Medusa's own routes.
omsIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: { headers: Record<string, string> }
    let boston2: DeliveredOrder // TEE-L x2 + HOOD-L x1 from the east warehouse
    let boston1: DeliveredOrder // TEE-L x1 from the east warehouse
    let seattle: DeliveredOrder // TEE-L x2 from the west warehouse
    const product: Record<string, string> = {}

    const returns = () => getContainer().resolve(RETURNS_MODULE) as any

    /** A case on `order` with its lines, as the request workflow writes one. */
    const writeCase = async (
      order: DeliveredOrder,
      input: { status: string; requested_at: Date; resolved_at?: Date; canceled_at?: Date; lines: CaseLine[] }
    ) => {
      const svc = returns()
      const [made] = await svc.createReturnCases([
        {
          rma_code: svc.newRmaCode(),
          order_id: order.order_id,
          order_display_id: order.display_id,
          currency_code: "usd",
          status: input.status,
          method: "drop_off",
          resolution: "refund",
          terms: TERMS,
          requested_at: input.requested_at,
          resolved_at: input.resolved_at ?? null,
          canceled_at: input.canceled_at ?? null,
        },
      ])
      await svc.createReturnLines(
        input.lines.map((l) => ({
          return_case_id: made.id,
          order_line_item_id: order.lines[l.sku],
          product_id: product[l.sku],
          sku: l.sku,
          title: l.sku === "HOOD-L" ? "Heavy Hoodie L" : "Classic Tee L",
          quantity: l.quantity,
          unit_refund: 25,
          reason_value: l.reason,
          destination_location_id: l.destination,
        }))
      )
      return made
    }

    beforeAll(async () => {
      const container = getContainer()
      store = await seedDemoStore(container, { orders: 0 })
      admin = await adminHeaders(container, api)
      const shopper = await registerCustomer(api, store, "stats-returner@example.com")
      boston2 = await deliveredOrder(container, api, admin, store, { city: "Boston", items: { "TEE-L": 2, "HOOD-L": 1 }, shopper })
      boston1 = await deliveredOrder(container, api, admin, store, { city: "Boston", items: { "TEE-L": 1 }, shopper })
      seattle = await deliveredOrder(container, api, admin, store, { city: "Seattle", items: { "TEE-L": 2 }, shopper })

      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: variants } = await query.graph({ entity: "product_variant", fields: ["sku", "product_id"], filters: { sku: ["TEE-L", "HOOD-L"] } })
      for (const v of variants) product[v.sku!] = v.product_id!

      const east = boston2.location_id
      const west = seattle.location_id
      // Resolved 48 h after the request: a wrong size and a hoodie that came damaged.
      await writeCase(boston2, {
        status: "resolved",
        requested_at: hoursAgo(50),
        resolved_at: hoursAgo(2),
        lines: [
          { sku: "TEE-L", quantity: 1, reason: "wrong_size", destination: east },
          { sku: "HOOD-L", quantity: 1, reason: "damaged", destination: east },
        ],
      })
      // Resolved 24 h after the request.
      await writeCase(seattle, {
        status: "resolved",
        requested_at: hoursAgo(30),
        resolved_at: hoursAgo(6),
        lines: [{ sku: "TEE-L", quantity: 2, reason: "wrong_size", destination: west }],
      })
      // Canceled: counts nowhere.
      await writeCase(boston1, {
        status: "canceled",
        requested_at: hoursAgo(5),
        canceled_at: hoursAgo(4),
        lines: [{ sku: "TEE-L", quantity: 1, reason: "changed_mind", destination: east }],
      })
      // Still on its way, sent to the west warehouse though it shipped from the east one.
      await writeCase(boston1, {
        status: "requested",
        requested_at: hoursAgo(1),
        lines: [{ sku: "TEE-L", quantity: 1, reason: "changed_mind", destination: west }],
      })
      // Sixty days ago, resolved in 12 h: outside the default 30 days.
      await writeCase(boston2, {
        status: "resolved",
        requested_at: hoursAgo(60 * 24 + 12),
        resolved_at: hoursAgo(60 * 24),
        lines: [{ sku: "TEE-L", quantity: 1, reason: "wrong_size", destination: east }],
      })
    })

    it("gives the rates of the last 30 days by reason, product and location, and the resolution time", async () => {
      expect(boston1.location_id).toBe(boston2.location_id)
      expect(seattle.location_id).not.toBe(boston2.location_id)
      const east = boston2.location_id
      const west = seattle.location_id

      const before = Date.now()
      const { data } = await api.get("/admin/oms/returns/stats", admin)
      expect(Date.parse(data.to)).toBeGreaterThanOrEqual(before - 1000)
      expect(Date.parse(data.to) - Date.parse(data.from)).toBe(30 * 24 * HOUR)

      // 6 units fulfilled (3 + 1 + 2); 3 wrong size (2 cases), 1 damaged, 1 changed mind (the canceled case not counted).
      expect(data.by_reason).toEqual([
        { reason_value: "wrong_size", returns: 2, units: 3, rate: 0.5 },
        { reason_value: "changed_mind", returns: 1, units: 1, rate: 0.1667 },
        { reason_value: "damaged", returns: 1, units: 1, rate: 0.1667 },
      ])
      // Sold: 5 TEE-L, 1 HOOD-L; returned: 4 TEE-L (1 + 2 + 1), 1 HOOD-L.
      expect(data.by_product).toEqual([
        { product_id: product["TEE-L"], sku: "TEE-L", title: "Classic Tee L", units: 4, sold_units: 5, rate: 0.8 },
        { product_id: product["HOOD-L"], sku: "HOOD-L", title: "Heavy Hoodie L", units: 1, sold_units: 1, rate: 1 },
      ])
      // East shipped 4 and gets 2 back; west shipped 2 and gets 3 back (one from an east order).
      expect(data.by_location).toEqual([
        { location_id: west, units: 3, shipped_units: 2, rate: 1.5 },
        { location_id: east, units: 2, shipped_units: 4, rate: 0.5 },
      ])
      // 48 h and 24 h: the median is 36 h, the 90th percentile 24 + 0.9 x 24 = 45.6 h.
      expect(data.resolution_hours).toEqual({ count: 2, p50: 36, p90: 45.6 })
    })

    it("reaches back to older returns when the range does", async () => {
      const from = new Date(Date.now() - 70 * 24 * HOUR).toISOString()
      const { data } = await api.get(`/admin/oms/returns/stats?from=${encodeURIComponent(from)}`, admin)
      expect(data.from).toBe(from)
      expect(data.by_reason[0]).toEqual({ reason_value: "wrong_size", returns: 3, units: 4, rate: 0.6667 })
      expect(data.by_product[0]).toMatchObject({ sku: "TEE-L", units: 5, sold_units: 5, rate: 1 })
      // 12 h, 24 h, 48 h: median 24 h, 90th percentile 24 + 0.8 x 24 = 43.2 h.
      expect(data.resolution_hours).toEqual({ count: 3, p50: 24, p90: 43.2 })
    })

    it("is empty, not failing, for a range without orders or returns", async () => {
      const { data } = await api.get("/admin/oms/returns/stats?from=2020-01-01&to=2020-01-31", admin)
      expect(data).toEqual({
        from: "2020-01-01T00:00:00.000Z",
        to: "2020-01-31T23:59:59.999Z",
        by_reason: [],
        by_product: [],
        by_location: [],
        resolution_hours: { count: 0, p50: null, p90: null },
      })
    })

    it.each([
      ["from=yesterday", "from"],
      ["to=2026-13-45", "to"],
      ["from=2026-11-30&to=2026-11-01", "from"],
      ["since=2026-11-01", "since"],
    ])("answers 400 naming the field for ?%s", async (params, field) => {
      const res = await api.get(`/admin/oms/returns/stats?${params}`, admin).catch((e: any) => e.response)
      expect(res.status).toBe(400)
      expect(res.data.type).toBe("invalid_data")
      expect(res.data.message).toContain(`'${field}'`)
    })

    it("needs an admin: no session and a customer's session are 401", async () => {
      const anonymous = await api.get("/admin/oms/returns/stats").catch((e: any) => e.response)
      expect(anonymous.status).toBe(401)
      const shopper = await registerCustomer(api, store, "stats-nosy@example.com")
      const customer = await api
        .get("/admin/oms/returns/stats", { headers: { authorization: shopper.headers.headers.authorization } })
        .catch((e: any) => e.response)
      expect(customer.status).toBe(401)
    })
  },
})
