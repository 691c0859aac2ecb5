import { Modules } from "@medusajs/framework/utils"
import { DemoStore, seedDemoStore } from "../../scripts/seed/demo-store"
import { ReturnEvents } from "../../src/workflows/returns/events"
import { adminHeaders } from "../helpers/admin"
import { recordEvents } from "../helpers/events"
import { call } from "../helpers/picking"
import { stockedAt, storePolicy } from "../helpers/return-requests"
import { orderBooks, waitForResolution } from "../helpers/returns-resolution"
import { deliveredOrder, registerCustomer, seedReturnSetup } from "../helpers/returns"
import { omsIntegrationTestRunner } from "../helpers/runner"

jest.setTimeout(300_000)

// One return through every real part, as a customer and the warehouse live it: requested over
// the store API, received and inspected at the station's routes twice at once, resolved by the
// subscriber: restocked once at the chosen warehouse, refunded once by the policy's amount.
omsIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore

    beforeAll(async () => {
      store = await seedDemoStore(getContainer(), { orders: 0 })
    })

    it("restocks once and refunds once when the inspection is sent twice at once and its event arrives again", async () => {
      const container = getContainer()
      const admin = await adminHeaders(container, api)
      const setup = await seedReturnSetup(container, store)
      await storePolicy(container, { restocking_fee_percent: 10, refund_damaged: false, destination: { strategy: "nearest" } })
      const shopper = await registerCustomer(api, store, "end-to-end-returner@example.com")
      const order = await deliveredOrder(container, api, admin, store, { city: "Boston", items: { "TEE-L": 3 }, shopper })
      const inspected = recordEvents(container, ReturnEvents.INSPECTED)
      const resolved = recordEvents(container, ReturnEvents.RESOLVED)

      const { data: requested } = await api.post(
        "/store/oms/returns",
        {
          order_id: order.order_id,
          items: [{ line_item_id: order.lines["TEE-L"], quantity: 3, reason_id: setup.reasons.wrong_size }],
          method: "drop_off",
          resolution: "refund",
        },
        shopper.headers
      )
      const caseId = requested.return.id
      const { data: found } = await api.get(`/admin/oms/returns/lookup?code=${requested.return.rma_code}`, admin)
      const line = found.return.lines[0]
      expect(line.destination_location_id).toBe(store.locations.newark)
      const before = await stockedAt(container, store.inventory_items["TEE-L"], store.locations.newark)

      await api.post(`/admin/oms/returns/${caseId}/receive`, {}, admin)
      const body = {
        entries: [
          { return_line_id: line.id, grade: "new", quantity: 2 },
          { return_line_id: line.id, grade: "damaged", quantity: 1 },
        ],
      }
      const answers = await Promise.all([1, 2].map(() => call(api.post(`/admin/oms/returns/${caseId}/inspect`, body, admin))))
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409])

      const row = await waitForResolution(container, caseId, 60_000)
      expect(row.resolution_status).toBe("done")
      // A redelivered inspected event finds the case resolved and pays nothing more.
      await container.resolve(Modules.EVENT_BUS).emit({
        name: ReturnEvents.INSPECTED,
        data: { id: caseId, order_id: order.order_id, return_id: row.return_id },
      })
      await new Promise((r) => setTimeout(r, 2_000))

      expect(await stockedAt(container, store.inventory_items["TEE-L"], store.locations.newark)).toBe(before + 2)
      const expected = Math.round(2 * Number(line.unit_refund) * 0.9 * 100) / 100
      const books = await orderBooks(container, order.order_id)
      expect(books.refunds.map((r) => r.amount)).toEqual([expected])
      expect(books.pending_difference).toBe(0)
      expect(inspected.events.filter((e: any) => e.data.id === caseId)).toHaveLength(2) // one real, one redelivered
      expect(resolved.events.filter((e: any) => e.data.id === caseId)).toHaveLength(1)

      inspected.stop()
      resolved.stop()

      const { data: story } = await api.get(`/store/oms/returns/${caseId}`, shopper.headers)
      expect(story.return).toMatchObject({ status: "resolved", resolution: "refund" })
    })
  },
})
