import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { DemoStore, seedDemoStore } from "../../scripts/seed/demo-store"
import { RETURNS_MODULE, ReturnsModuleService } from "../../src/modules/returns"
import { ReturnEvents } from "../../src/workflows/returns/events"
import { resolveReturnWorkflow } from "../../src/workflows/returns/workflows/resolve-return"
import { adminHeaders } from "../helpers/admin"
import { recordEvents } from "../helpers/events"
import { deliveredOrder, registerCustomer, ReturnSetup, seedReturnSetup } from "../helpers/returns"
import { inspectedCase, orderBooks, waitForResolution } from "../helpers/returns-resolution"
import { omsIntegrationTestRunner } from "../helpers/runner"

jest.setTimeout(300_000)

const cents = (n: number) => Math.round(n * 100) / 100

/** Delivers the inspected event the way Medusa's event bus does, `times` times at once. */
async function emitInspected(container: MedusaContainer, made: { case_id: string; return_id: string }, orderId: string, times: number) {
  const bus = container.resolve(Modules.EVENT_BUS)
  await Promise.all(
    Array.from({ length: times }, () =>
      bus.emit({ name: ReturnEvents.INSPECTED, data: { id: made.case_id, order_id: orderId, return_id: made.return_id } })
    )
  )
}

omsIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let setup: ReturnSetup
    let admin: { headers: Record<string, string> }

    beforeAll(async () => {
      store = await seedDemoStore(getContainer(), { orders: 0 })
    })
    beforeEach(async () => {
      admin = await adminHeaders(getContainer(), api)
      setup = await seedReturnSetup(getContainer(), store)
    })

    it("refunds an inspected return once however often the event arrives, the policy's amount, and leaves nothing pending", async () => {
      const container = getContainer()
      const shopper = await registerCustomer(api, store, "refund-once@example.com")
      const order = await deliveredOrder(container, api, admin, store, { city: "Boston", items: { "TEE-L": 3 }, shopper })
      const made = await inspectedCase(container, {
        api,
        admin,
        order,
        setup,
        location_key: "newark",
        resolution: "refund",
        units: { "TEE-L": ["new", "new", "damaged"] },
        terms: { restocking_fee_percent: 10 },
      })
      const resolved = recordEvents(container, ReturnEvents.RESOLVED)

      await emitInspected(container, made, order.order_id, 3)
      const row = await waitForResolution(container, made.case_id)
      // The other deliveries wait for the order lock and then find the case claimed.
      const late = await resolveReturnWorkflow(container).run({ input: { return_case_id: made.case_id } })
      expect(late.result).toMatchObject({ claimed: false, done: false })

      // Two good units refunded less 10%; the damaged one is withheld (refund_damaged false).
      const expected = cents(2 * made.unit_refund["TEE-L"] * 0.9)
      expect(row).toMatchObject({ status: "resolved", resolution_status: "done", resolution_error: null })
      expect(row.resolved_at).toBeTruthy()
      expect(row.breakdown).toMatchObject({ total: expected, withheld: made.unit_refund["TEE-L"] })

      const books = await orderBooks(container, order.order_id)
      expect(books.refunds).toHaveLength(1)
      expect(books.refunds[0]).toMatchObject({ payment_id: order.payment_id, amount: expected })
      expect(books.pending_difference).toBe(0)
      // What the customer does not get back (fee + damaged unit) is a negative credit line.
      expect(books.credit_lines).toEqual([
        expect.objectContaining({ amount: -cents(3 * made.unit_refund["TEE-L"] - expected), reference_id: made.case_id }),
      ])
      expect(row.resolution_result).toMatchObject({ kind: "refund", refunded: expected, refunds: [{ id: books.refunds[0].id, amount: expected }] })

      const { data: payment } = await api.get(`/admin/payments/${order.payment_id}?fields=id,*refunds`, admin)
      expect(payment.payment.refunds.map((r: any) => Number(r.amount))).toEqual([expected])

      await new Promise((r) => setTimeout(r, 500))
      const mine = resolved.events.filter((e) => e.data?.id === made.case_id)
      expect(mine.map((e) => e.data)).toEqual([
        { id: made.case_id, order_id: order.order_id, return_id: made.return_id, resolution: "refund", amount: expected },
      ])
      resolved.stop()
    })

    it("retries a failed resolution from the admin without refunding twice", async () => {
      const container = getContainer()
      const shopper = await registerCustomer(api, store, "refund-retry@example.com")
      const order = await deliveredOrder(container, api, admin, store, { city: "Boston", items: { "TEE-M": 2 }, shopper })
      const made = await inspectedCase(container, {
        api,
        admin,
        order,
        setup,
        location_key: "newark",
        resolution: "refund",
        units: { "TEE-M": ["new", "opened"] },
        terms: { restocking_fee_percent: 20 },
      })
      const expected = cents(2 * made.unit_refund["TEE-M"] * 0.8)

      // An order edit someone left open blocks the credit line after the card refund went out.
      const { data: edit } = await api.post("/admin/order-edits", { order_id: order.order_id }, admin)
      const first = await resolveReturnWorkflow(container).run({ input: { return_case_id: made.case_id } })
      expect(first.result.done).toBe(false)
      const failed: any = await container.resolve<ReturnsModuleService>(RETURNS_MODULE).retrieveReturnCase(made.case_id)
      expect(failed).toMatchObject({ status: "inspected", resolution_status: "failed" })
      expect(failed.resolution_error).toMatch(new RegExp(`^Resolving return ${made.rma_code} failed: .*active order change`))
      expect((await orderBooks(container, order.order_id)).refunds.map((r) => r.amount)).toEqual([expected])

      // Still blocked: the retry fails again (409 with the sentence) and pays nothing more.
      const blocked = await api.post(`/admin/oms/returns/${made.case_id}/resolve`, {}, admin).catch((e: any) => e.response)
      expect(blocked.status).toBe(409)
      expect(blocked.data.message).toMatch(/active order change/)
      expect((await orderBooks(container, order.order_id)).refunds).toHaveLength(1)

      await api.delete(`/admin/order-edits/${edit.order_change.order_id}`, admin)
      const { data } = await api.post(`/admin/oms/returns/${made.case_id}/resolve`, {}, admin)
      expect(data.return).toMatchObject({ status: "resolved", resolution_status: "done", resolution_error: null })

      const books = await orderBooks(container, order.order_id)
      expect(books.refunds.map((r) => r.amount)).toEqual([expected])
      expect(books.pending_difference).toBe(0)

      const again = await api.post(`/admin/oms/returns/${made.case_id}/resolve`, {}, admin).catch((e: any) => e.response)
      expect(again.status).toBe(409)
      expect(again.data.message).toMatch(/resolved/)
      expect((await orderBooks(container, order.order_id)).refunds).toHaveLength(1)
    })

    it("takes over a resolution whose run died while pending only through the admin's retry", async () => {
      const container = getContainer()
      const service = container.resolve<ReturnsModuleService>(RETURNS_MODULE)
      const shopper = await registerCustomer(api, store, "refund-stalled@example.com")
      const order = await deliveredOrder(container, api, admin, store, { city: "Boston", items: { "TEE-S": 1 }, shopper })
      const made = await inspectedCase(container, { api, admin, order, setup, location_key: "newark", resolution: "refund", units: { "TEE-S": ["new"] } })

      // A run claimed the case and its process died before paying anything.
      expect(await service.claimResolution(made.case_id)).toBe(true)
      await emitInspected(container, made, order.order_id, 1)
      const repeat = await resolveReturnWorkflow(container).run({ input: { return_case_id: made.case_id } })
      expect(repeat.result).toMatchObject({ claimed: false, done: false })
      expect((await orderBooks(container, order.order_id)).refunds).toEqual([])

      const { data } = await api.post(`/admin/oms/returns/${made.case_id}/resolve`, {}, admin)
      expect(data.return).toMatchObject({ status: "resolved", resolution_status: "done" })
      expect((await orderBooks(container, order.order_id)).refunds.map((r) => r.amount)).toEqual([made.unit_refund["TEE-S"]])
    })

    it("issues store credit once, readable by the customer and the admin, with the order's books balanced", async () => {
      const container = getContainer()
      const shopper = await registerCustomer(api, store, "credit-once@example.com")
      const order = await deliveredOrder(container, api, admin, store, { city: "Boston", items: { "TEE-S": 2 }, shopper })
      const made = await inspectedCase(container, {
        api,
        admin,
        order,
        setup,
        location_key: "newark",
        resolution: "store_credit",
        units: { "TEE-S": ["new", "opened"] },
      })
      const runs = await Promise.all(
        [1, 2].map(() => resolveReturnWorkflow(container).run({ input: { return_case_id: made.case_id } }))
      )
      expect(runs.map((r) => r.result.claimed).sort()).toEqual([false, true])

      const total = cents(2 * made.unit_refund["TEE-S"])
      const service = container.resolve<ReturnsModuleService>(RETURNS_MODULE)
      const entries = await service.listStoreCreditEntries({ customer_id: shopper.customer_id })
      expect(entries.map((e: any) => ({ kind: e.kind, amount: Number(e.amount), key: e.idempotency_key, currency: e.currency_code }))).toEqual([
        { kind: "issue", amount: total, key: `return:${made.case_id}`, currency: "usd" },
      ])

      const { data: mine } = await api.get("/store/oms/store-credit?currency_code=USD", shopper.headers)
      expect(mine).toEqual({ customer_id: shopper.customer_id, currency_code: "usd", balance: total })
      const { data: seen } = await api.get(`/admin/oms/customers/${shopper.customer_id}/store-credit`, admin)
      expect(seen.balances).toEqual([{ currency_code: "usd", balance: total }])
      expect(seen.entries).toEqual([expect.objectContaining({ kind: "issue", amount: total, reference_type: "return_case", reference_id: made.case_id })])

      const books = await orderBooks(container, order.order_id)
      expect(books.refunds).toEqual([])
      expect(books.pending_difference).toBe(0)
      const row: any = await service.retrieveReturnCase(made.case_id)
      expect(row).toMatchObject({ status: "resolved", resolution_status: "done" })
      expect(row.resolution_result).toMatchObject({ kind: "store_credit", amount: total, entry_id: entries[0].id })

      const bad = await api.get("/store/oms/store-credit", shopper.headers).catch((e: any) => e.response)
      expect(bad.status).toBe(400)
      expect(bad.data.message).toMatch(/currency_code/)
      const nobody = await api.get("/admin/oms/customers/cus_nobody/store-credit", admin).catch((e: any) => e.response)
      expect(nobody.status).toBe(404)
    })

    it("refuses store credit for a guest order with a sentence and leaves the case failed", async () => {
      const container = getContainer()
      const order = await deliveredOrder(container, api, admin, store, { city: "Boston", items: { "TEE-L": 1 }, email: "guest-credit@example.com" })
      const made = await inspectedCase(container, { api, admin, order, setup, location_key: "newark", resolution: "store_credit", units: { "TEE-L": ["new"] } })
      const { result } = await resolveReturnWorkflow(container).run({ input: { return_case_id: made.case_id } })
      expect(result).toMatchObject({ claimed: true, done: false })
      const row: any = await container.resolve<ReturnsModuleService>(RETURNS_MODULE).retrieveReturnCase(made.case_id)
      expect(row).toMatchObject({ status: "inspected", resolution_status: "failed" })
      expect(row.resolution_error).toMatch(/guest order .* cannot be paid as store credit/)
      const entries = await container.resolve<ReturnsModuleService>(RETURNS_MODULE).listStoreCreditEntries({ reference_id: made.case_id })
      expect(entries).toEqual([])
    })

    it("exchanges through Medusa: the new item is reserved only after inspection, where routing plans, and the price difference refunded", async () => {
      const container = getContainer()
      const inventory = container.resolve(Modules.INVENTORY)
      const shopper = await registerCustomer(api, store, "exchange-me@example.com")
      const order = await deliveredOrder(container, api, admin, store, { city: "Boston", items: { "TEE-L": 1 }, shopper })
      const made = await inspectedCase(container, {
        api,
        admin,
        order,
        setup,
        location_key: "newark",
        resolution: "exchange",
        units: { "TEE-L": ["new"] },
        exchange_items: [{ variant_id: store.variants["TEE-M"], quantity: 1 }],
      })
      const orderLines = async () => {
        const { data } = await api.get(`/admin/orders/${order.order_id}?fields=id,*items`, admin)
        return data.order.items as any[]
      }
      const reservationsOf = async () =>
        inventory.listReservationItems({ line_item_id: (await orderLines()).map((i) => i.id) }, { take: null })

      // Inspected, not yet resolved: nothing is held for the replacement.
      expect(await reservationsOf()).toEqual([])

      const { result } = await resolveReturnWorkflow(container).run({ input: { return_case_id: made.case_id } })
      expect(result).toMatchObject({ claimed: true, done: true, error: null })

      const row: any = await container.resolve<ReturnsModuleService>(RETURNS_MODULE).retrieveReturnCase(made.case_id)
      expect(row).toMatchObject({ status: "resolved", resolution_status: "done" })
      expect(row.exchange_id).toBeTruthy()
      const newLine = (await orderLines()).find((i) => i.variant_sku === "TEE-M")
      expect(newLine).toBeTruthy()

      const held = await reservationsOf()
      expect(held.map((r: any) => ({ line: r.line_item_id, item: r.inventory_item_id, quantity: Number(r.quantity) }))).toEqual([
        { line: newLine.id, item: store.inventory_items["TEE-M"], quantity: 1 },
      ])
      const [decision] = await (container.resolve("oms_routing") as any).listRoutingDecisions({ order_id: order.order_id })
      expect(decision.location_ids).toEqual([held[0].location_id])

      // The returned tee (30) pays for the new one (28): 2 back on the card, nothing pending.
      const books = await orderBooks(container, order.order_id)
      const difference = cents(made.unit_refund["TEE-L"] - Number(newLine.unit_price))
      expect(books.refunds.map((r) => r.amount)).toEqual([difference])
      expect(books.pending_difference).toBe(0)
      expect(row.resolution_result).toMatchObject({ kind: "exchange", exchange_id: row.exchange_id, difference })
    })

    it("leaves a dearer exchange's difference owed by the customer, as Medusa computes it", async () => {
      const container = getContainer()
      const shopper = await registerCustomer(api, store, "exchange-up@example.com")
      const order = await deliveredOrder(container, api, admin, store, { city: "Boston", items: { "TEE-S": 1 }, shopper })
      const made = await inspectedCase(container, {
        api,
        admin,
        order,
        setup,
        location_key: "newark",
        resolution: "exchange",
        units: { "TEE-S": ["new"] },
        exchange_items: [{ variant_id: store.variants["TEE-L"], quantity: 1 }],
      })
      const { result } = await resolveReturnWorkflow(container).run({ input: { return_case_id: made.case_id } })
      expect(result).toMatchObject({ done: true })
      const { data } = await api.get(`/admin/orders/${order.order_id}?fields=id,*items,*payment_collections`, admin)
      const newLine = data.order.items.find((i: any) => i.variant_sku === "TEE-L")
      const owed = cents(Number(newLine.unit_price) - made.unit_refund["TEE-S"])
      expect(owed).toBeGreaterThan(0)
      const books = await orderBooks(container, order.order_id)
      expect(books.refunds).toEqual([])
      expect(books.pending_difference).toBe(owed)
      const open = data.order.payment_collections.filter((c: any) => c.status === "not_paid")
      expect(open.map((c: any) => Number(c.amount))).toEqual([owed])
    })

    it("answers 404 for a return that does not exist and 400 for a body it does not take", async () => {
      const missing = await api.post("/admin/oms/returns/orma_missing/resolve", {}, admin).catch((e: any) => e.response)
      expect(missing.status).toBe(404)
      const extra = await api.post("/admin/oms/returns/orma_missing/resolve", { amount: 5 }, admin).catch((e: any) => e.response)
      expect(extra.status).toBe(400)
      expect(extra.data.message).toMatch(/amount/)
    })
  },
})
