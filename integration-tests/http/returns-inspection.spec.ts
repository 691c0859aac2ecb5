import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { DemoStore, seedDemoStore } from "../../scripts/seed/demo-store"
import { RETURNS_MODULE } from "../../src/modules/returns"
import type ReturnsModuleService from "../../src/modules/returns/service"
import { SHIPPING_MODULE } from "../../src/modules/shipping"
import type ShippingModuleService from "../../src/modules/shipping/service"
import { ReturnEvents } from "../../src/workflows/returns/events"
import { adminHeaders } from "../helpers/admin"
import { recordEvents } from "../helpers/events"
import { requestedReturnCase } from "../helpers/return-cases"
import { deliveredOrder, ReturnSetup, seedReturnSetup } from "../helpers/returns"
import { omsIntegrationTestRunner } from "../helpers/runner"

jest.setTimeout(300_000)

type Headers = { headers: Record<string, string> }

// Receiving and inspection on the real app: the parcel scanned in, items scanned against the
// return, every unit graded, restock through Medusa's receive flow at the chosen location(s),
// the rest dismissed, all under the order's lock.
omsIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let setup: ReturnSetup
    let admin: Headers

    beforeAll(async () => {
      store = await seedDemoStore(getContainer(), { orders: 0 })
    })

    beforeEach(async () => {
      admin = await adminHeaders(getContainer(), api)
      setup = await seedReturnSetup(getContainer(), store)
    })

    const answer = (p: Promise<any>) => p.then((r) => r, (e) => e.response ?? Promise.reject(e))
    const post = (path: string, body: unknown, headers: Headers | {} = admin) => answer(api.post(path, body, headers))
    const get = (path: string, headers: Headers | {} = admin) => answer(api.get(path, headers))

    /** Stocked units of a SKU at a location, or null when the location has no level for it. */
    const stocked = async (sku: string, key: string) => {
      const [level] = await getContainer()
        .resolve(Modules.INVENTORY)
        .listInventoryLevels({ inventory_item_id: store.inventory_items[sku], location_id: store.locations[key] })
      return level ? Number(level.stocked_quantity) : null
    }

    const medusaReturn = async (returnId: string) => {
      const { data } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({
          entity: "return",
          fields: ["id", "status", "location_id", "canceled_at", "items.item_id", "items.quantity", "items.received_quantity", "items.damaged_quantity"],
          filters: { id: returnId },
        })
      return data[0] as any
    }

    const orderLine = async (orderId: string, lineId: string) => {
      const { data } = await api.get(`/admin/orders/${orderId}?fields=id,*items,*items.detail`, admin)
      const item = data.order.items.find((i: any) => i.id === lineId)
      return {
        received: Number(item.detail.return_received_quantity),
        dismissed: Number(item.detail.return_dismissed_quantity),
        written_off: Number(item.detail.written_off_quantity),
        requested: Number(item.detail.return_requested_quantity),
      }
    }

    const settle = () => new Promise((r) => setTimeout(r, 1500))

    it("inspecting twice at once restocks once and emits oms.return.inspected once", async () => {
      const c = getContainer()
      const order = await deliveredOrder(c, api, admin, store, { city: "Boston", items: { "TEE-L": 2 } })
      expect(order.location_id).toBe(store.locations.newark)
      const rc = await requestedReturnCase(c, store, setup, order, { items: { "TEE-L": 2 } })
      const before = await stocked("TEE-L", "newark")
      const inspected = recordEvents(c, ReturnEvents.INSPECTED)

      const body = { entries: [{ return_line_id: rc.lines["TEE-L"], grade: "new", quantity: 2 }] }
      const answers = await Promise.all([1, 2].map(() => post(`/admin/oms/returns/${rc.case_id}/inspect`, body)))

      expect(answers.map((a) => a.status).sort()).toEqual([200, 409])
      const refused = answers.find((a) => a.status === 409)!
      // The inspected event resolves the case off the request (subscriber), so the loser may
      // find it inspected or already resolved; either way it changed nothing.
      expect(refused.data.message).toMatch(
        new RegExp(`^Return ${rc.rma_code} was already inspected( and resolved)?, so it cannot be inspected again: nothing was changed$`)
      )
      const done = answers.find((a) => a.status === 200)!
      expect(done.data.return).toMatchObject({ status: "inspected", rma_code: rc.rma_code })
      expect(done.data.return.inspections).toEqual([
        expect.objectContaining({ return_line_id: rc.lines["TEE-L"], grade: "new", quantity: 2, disposition: "restock", location_id: store.locations.newark }),
      ])
      expect(await stocked("TEE-L", "newark")).toBe(before! + 2)
      expect(await orderLine(order.order_id, order.lines["TEE-L"])).toMatchObject({ received: 2, dismissed: 0 })

      // a third, later, call is refused the same way and changes nothing
      const again = await post(`/admin/oms/returns/${rc.case_id}/inspect`, body)
      expect(again.status).toBe(409)
      await settle()
      expect(await stocked("TEE-L", "newark")).toBe(before! + 2)
      const mine = inspected.events.filter((e) => e.data?.id === rc.case_id)
      expect(mine.map((e) => e.data)).toEqual([{ id: rc.case_id, order_id: order.order_id, return_id: rc.return_id }])
      inspected.stop()
    })

    it("restocks at the chosen location (Reno for an order shipped from Newark) and does not restock damaged units", async () => {
      const c = getContainer()
      const order = await deliveredOrder(c, api, admin, store, { city: "Boston", items: { "TEE-L": 3 } })
      const rc = await requestedReturnCase(c, store, setup, order, { items: { "TEE-L": 3 }, return_to: "reno" })
      const newark = await stocked("TEE-L", "newark")
      const reno = await stocked("TEE-L", "reno")

      const { status, data } = await post(`/admin/oms/returns/${rc.case_id}/inspect`, {
        entries: [
          { return_line_id: rc.lines["TEE-L"], grade: "new", quantity: 2 },
          { return_line_id: rc.lines["TEE-L"], grade: "damaged", quantity: 1, note: "torn seam" },
        ],
      })
      expect(status).toBe(200)
      expect(await stocked("TEE-L", "reno")).toBe(reno! + 2)
      expect(await stocked("TEE-L", "newark")).toBe(newark)

      const returned = await medusaReturn(rc.return_id)
      expect(returned.status).toBe("received")
      expect(returned.items).toEqual([expect.objectContaining({ item_id: order.lines["TEE-L"], quantity: 3, received_quantity: 3, damaged_quantity: 1 })])
      expect(await orderLine(order.order_id, order.lines["TEE-L"])).toEqual({ received: 2, dismissed: 1, written_off: 1, requested: 0 })

      const dispositions = data.return.inspections.map((i: any) => [i.grade, i.quantity, i.disposition, i.location_id]).sort()
      expect(dispositions).toEqual([
        ["damaged", 1, "write_off", null],
        ["new", 2, "restock", store.locations.reno],
      ])
      expect(data.return.status).toBe("inspected")
      expect(data.return.inspected_at).toBeTruthy()
      expect(data.return.received_at).toBeTruthy()
    })

    it("restocks each line at its own location, and gives a location without a level for the item one", async () => {
      const c = getContainer()
      const order = await deliveredOrder(c, api, admin, store, { city: "Boston", items: { "TEE-L": 1, "TEE-S": 3 } })
      const rc = await requestedReturnCase(c, store, setup, order, {
        items: { "TEE-L": 1, "TEE-S": 3 },
        destinations: { "TEE-L": "reno", "TEE-S": "newark" },
      })
      expect(await stocked("TEE-L", "coleshill")).toBeNull() // TEE-L is never stocked in the UK
      const before = {
        lNewark: await stocked("TEE-L", "newark"),
        lReno: await stocked("TEE-L", "reno"),
        sNewark: await stocked("TEE-S", "newark"),
        sReno: await stocked("TEE-S", "reno"),
        sColeshill: await stocked("TEE-S", "coleshill"),
      }

      // three restock locations (three receive sessions), one TEE-S unit written off
      const { status, data } = await post(`/admin/oms/returns/${rc.case_id}/inspect`, {
        entries: [
          { return_line_id: rc.lines["TEE-L"], grade: "new", quantity: 1, location_id: store.locations.coleshill },
          { return_line_id: rc.lines["TEE-S"], grade: "new", quantity: 1 },
          { return_line_id: rc.lines["TEE-S"], grade: "opened", quantity: 1, location_id: store.locations.reno },
          { return_line_id: rc.lines["TEE-S"], grade: "damaged", quantity: 1 },
        ],
      })
      expect(status).toBe(200)
      expect(await stocked("TEE-L", "coleshill")).toBe(1)
      expect(await stocked("TEE-L", "newark")).toBe(before.lNewark)
      expect(await stocked("TEE-L", "reno")).toBe(before.lReno)
      expect(await stocked("TEE-S", "newark")).toBe(before.sNewark! + 1)
      expect(await stocked("TEE-S", "reno")).toBe(before.sReno! + 1)
      expect(await stocked("TEE-S", "coleshill")).toBe(before.sColeshill)

      // Medusa's books: every unit received, the damaged one dismissed, across the sessions
      const returned = await medusaReturn(rc.return_id)
      expect(returned.status).toBe("received")
      const item = (sku: string) => returned.items.find((i: any) => i.item_id === order.lines[sku])
      expect(item("TEE-L")).toMatchObject({ quantity: 1, received_quantity: 1, damaged_quantity: 0 })
      expect(item("TEE-S")).toMatchObject({ quantity: 3, received_quantity: 3, damaged_quantity: 1 })
      expect(await orderLine(order.order_id, order.lines["TEE-S"])).toEqual({ received: 2, dismissed: 1, written_off: 1, requested: 0 })
      expect(await orderLine(order.order_id, order.lines["TEE-L"])).toEqual({ received: 1, dismissed: 0, written_off: 0, requested: 0 })

      const where = data.return.inspections.map((i: any) => [i.return_line_id, i.grade, i.disposition, i.location_id]).sort()
      expect(where).toEqual(
        [
          [rc.lines["TEE-L"], "new", "restock", store.locations.coleshill],
          [rc.lines["TEE-S"], "new", "restock", store.locations.newark],
          [rc.lines["TEE-S"], "opened", "restock", store.locations.reno],
          [rc.lines["TEE-S"], "damaged", "write_off", null],
        ].sort()
      )
    })

    it("refuses a wrong item at the scan in a sentence and writes nothing; the return's own items match by SKU or barcode", async () => {
      const c = getContainer()
      const order = await deliveredOrder(c, api, admin, store, { city: "Boston", items: { "TEE-L": 1 } })
      const rc = await requestedReturnCase(c, store, setup, order, { items: { "TEE-L": 1 } })
      const before = await get(`/admin/oms/returns/${rc.case_id}`)

      const wrong = await post(`/admin/oms/returns/${rc.case_id}/scan`, { code: "TEE-M" })
      expect(wrong.status).toBe(200)
      expect(wrong.data).toEqual({ match: false, return_line_id: null, message: `TEE-M is not in return ${rc.rma_code}: set it aside as a wrong item` })

      const bySku = await post(`/admin/oms/returns/${rc.case_id}/scan`, { code: "tee-l" })
      expect(bySku.data).toMatchObject({ match: true, return_line_id: rc.lines["TEE-L"], sku: "TEE-L", remaining: 1 })
      const barcode = before.data.return.lines[0].barcode
      expect(barcode).toMatch(/^\d{13}$/)
      const byBarcode = await post(`/admin/oms/returns/${rc.case_id}/scan`, { code: barcode })
      expect(byBarcode.data).toMatchObject({ match: true, return_line_id: rc.lines["TEE-L"] })

      const after = await get(`/admin/oms/returns/${rc.case_id}`)
      expect({ ...after.data.return, age_hours: 0 }).toEqual({ ...before.data.return, age_hours: 0 })
      expect(after.data.return).toMatchObject({ status: "requested", inspections: [] })
      expect((await medusaReturn(rc.return_id)).items[0].received_quantity).toBe(0)

      const empty = await post(`/admin/oms/returns/${rc.case_id}/scan`, { code: "" })
      expect(empty.status).toBe(400)
      expect(empty.data.message).toContain("code")
    })

    it("grades missing units and a wrong item: only what came back is restocked, the rest dismissed in Medusa", async () => {
      const c = getContainer()
      const order = await deliveredOrder(c, api, admin, store, { city: "Boston", items: { "TEE-L": 2 } })
      const rc = await requestedReturnCase(c, store, setup, order, { items: { "TEE-L": 2 } })
      const before = await stocked("TEE-L", "newark")
      const medium = await stocked("TEE-M", "reno")

      const { status, data } = await post(`/admin/oms/returns/${rc.case_id}/inspect`, {
        entries: [
          { return_line_id: rc.lines["TEE-L"], grade: "new", quantity: 1 },
          { return_line_id: rc.lines["TEE-L"], grade: "missing", quantity: 1 },
          { return_line_id: null, scanned_code: "TEE-M", grade: "wrong_item", quantity: 1, note: "a medium instead" },
        ],
      })
      expect(status).toBe(200)
      expect(await stocked("TEE-L", "newark")).toBe(before! + 1)
      expect(await stocked("TEE-M", "reno")).toBe(medium) // the wrong item is recorded, not stocked
      const returned = await medusaReturn(rc.return_id)
      expect(returned.items[0]).toMatchObject({ received_quantity: 2, damaged_quantity: 1 })
      expect(await orderLine(order.order_id, order.lines["TEE-L"])).toMatchObject({ received: 1, dismissed: 1 })
      const rows = data.return.inspections.map((i: any) => [i.grade, i.return_line_id, i.disposition, i.scanned_code]).sort()
      expect(rows).toEqual([
        ["missing", rc.lines["TEE-L"], "none", null],
        ["new", rc.lines["TEE-L"], "restock", null],
        ["wrong_item", null, "none", "TEE-M"],
      ])
    })

    it("finds a return by its RMA code (any case) or its parcel's tracking number, and names an unknown code", async () => {
      const c = getContainer()
      const order = await deliveredOrder(c, api, admin, store, { city: "Boston", items: { "TEE-L": 1 } })
      const rc = await requestedReturnCase(c, store, setup, order, { items: { "TEE-L": 1 }, tracking_number: "1Z999AA10123456784" })

      const byCode = await get(`/admin/oms/returns/lookup?code=${rc.rma_code.toLowerCase()}`)
      expect(byCode.status).toBe(200)
      expect(byCode.data.return).toMatchObject({ id: rc.case_id, rma_code: rc.rma_code, order_id: order.order_id })
      const typed = await get(`/admin/oms/returns/lookup?code=${rc.rma_code.slice(2).toLowerCase()}`)
      expect(typed.data.return.id).toBe(rc.case_id)
      const byTracking = await get(`/admin/oms/returns/lookup?code=1z999aa10123456784`)
      expect(byTracking.data.return.id).toBe(rc.case_id)

      const unknown = await get(`/admin/oms/returns/lookup?code=R-NOPE2345`)
      expect(unknown.status).toBe(404)
      expect(unknown.data.message).toBe("No return has the RMA code or tracking number 'R-NOPE2345'")
      const missing = await get(`/admin/oms/returns/lookup`)
      expect(missing.status).toBe(400)
      expect(missing.data.message).toContain("code")
    })

    it("lists the queue oldest first with its age, filtered by one or several statuses and by RMA code, order number or e-mail", async () => {
      const c = getContainer()
      const order = await deliveredOrder(c, api, admin, store, { city: "Boston", items: { "TEE-L": 3 } })
      const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000)
      const first = await requestedReturnCase(c, store, setup, order, { items: { "TEE-L": 1 }, requested_at: hoursAgo(30), email: "first@example.com" })
      const second = await requestedReturnCase(c, store, setup, order, { items: { "TEE-L": 1 }, requested_at: hoursAgo(20), email: "second@example.com" })
      const third = await requestedReturnCase(c, store, setup, order, { items: { "TEE-L": 1 }, requested_at: hoursAgo(10), email: "second@example.com" })
      expect((await post(`/admin/oms/returns/${second.case_id}/receive`, {})).status).toBe(200)
      const ids = (data: any) => data.returns.map((r: any) => r.id)

      const all = await get(`/admin/oms/returns`)
      expect(ids(all.data)).toEqual([first.case_id, second.case_id, third.case_id])
      expect(all.data).toMatchObject({ count: 3, limit: 50, offset: 0 })
      expect(all.data.returns[0].age_hours).toBeGreaterThanOrEqual(29.9)
      expect(all.data.returns[0].age_hours).toBeLessThan(31)

      expect(ids((await get(`/admin/oms/returns?status=receiving`)).data)).toEqual([second.case_id])
      expect(ids((await get(`/admin/oms/returns?status=requested`)).data)).toEqual([first.case_id, third.case_id])
      expect(ids((await get(`/admin/oms/returns?status[]=requested&status[]=receiving`)).data)).toHaveLength(3)
      expect(ids((await get(`/admin/oms/returns?status=inspected,canceled`)).data)).toEqual([])
      expect(ids((await get(`/admin/oms/returns?order=-requested_at`)).data)).toEqual([third.case_id, second.case_id, first.case_id])

      expect(ids((await get(`/admin/oms/returns?q=SECOND@example`)).data)).toEqual([second.case_id, third.case_id])
      expect(ids((await get(`/admin/oms/returns?q=${first.rma_code.toLowerCase()}`)).data)).toEqual([first.case_id])
      expect(ids((await get(`/admin/oms/returns?q=${order.display_id}`)).data)).toHaveLength(3)
      expect(ids((await get(`/admin/oms/returns?q=${order.display_id}&status=requested`)).data)).toEqual([first.case_id, third.case_id])

      const page = await get(`/admin/oms/returns?limit=1&offset=1`)
      expect(page.data).toMatchObject({ count: 3, limit: 1, offset: 1 })
      expect(ids(page.data)).toEqual([second.case_id])

      const bad = await get(`/admin/oms/returns?status=lost`)
      expect(bad.status).toBe(400)
      expect(bad.data.message).toContain("'status")
      expect(bad.data.message).toContain("requested")
    })

    it("receives a parcel once however often it is scanned in, and emits oms.return.received once", async () => {
      const c = getContainer()
      const order = await deliveredOrder(c, api, admin, store, { city: "Boston", items: { "TEE-L": 1 } })
      const rc = await requestedReturnCase(c, store, setup, order, { items: { "TEE-L": 1 } })
      const received = recordEvents(c, ReturnEvents.RECEIVED)
      const answers = await Promise.all([1, 2, 3].map(() => post(`/admin/oms/returns/${rc.case_id}/receive`, {})))
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200])
      expect(new Set(answers.map((a) => a.data.return.received_at)).size).toBe(1)
      expect(answers[0].data.return.status).toBe("receiving")
      await settle()
      expect(received.events.filter((e) => e.data?.id === rc.case_id)).toHaveLength(1)
      received.stop()
    })

    it("cancels a return before its parcel arrived (Medusa's return too), and refuses once it was received", async () => {
      const c = getContainer()
      const order = await deliveredOrder(c, api, admin, store, { city: "Boston", items: { "TEE-L": 2 } })
      const open = await requestedReturnCase(c, store, setup, order, { items: { "TEE-L": 1 } })
      const canceledEvents = recordEvents(c, ReturnEvents.CANCELED)

      const done = await post(`/admin/oms/returns/${open.case_id}/cancel`, { reason: "customer changed their mind" })
      expect(done.status).toBe(200)
      expect(done.data.return).toMatchObject({ id: open.case_id, status: "canceled" })
      expect(done.data.return.canceled_at).toBeTruthy()
      expect((await medusaReturn(open.return_id)).status).toBe("canceled")
      expect(await orderLine(order.order_id, order.lines["TEE-L"])).toMatchObject({ requested: 0 })

      const twice = await post(`/admin/oms/returns/${open.case_id}/cancel`, {})
      expect(twice.status).toBe(409)
      expect(twice.data.message).toBe(`Return ${open.rma_code} was canceled, so it cannot be canceled: nothing was changed`)
      await settle()
      expect(canceledEvents.events.filter((e) => e.data?.id === open.case_id)).toHaveLength(1)
      canceledEvents.stop()

      const arrived = await requestedReturnCase(c, store, setup, order, { items: { "TEE-L": 1 } })
      await post(`/admin/oms/returns/${arrived.case_id}/receive`, {})
      const late = await post(`/admin/oms/returns/${arrived.case_id}/cancel`, {})
      expect(late.status).toBe(409)
      expect(late.data.message).toBe(`Return ${arrived.rma_code} was already received, so it cannot be canceled: nothing was changed`)
      expect((await medusaReturn(arrived.return_id)).status).toBe("requested")
      expect((await get(`/admin/oms/returns/${arrived.case_id}`)).data.return.status).toBe("receiving")
    })

    it("lets an inspection and a cancel racing on one return take turns: exactly one wins, and the books agree with it", async () => {
      const c = getContainer()
      const order = await deliveredOrder(c, api, admin, store, { city: "Boston", items: { "TEE-L": 1 } })
      const rc = await requestedReturnCase(c, store, setup, order, { items: { "TEE-L": 1 } })
      const before = await stocked("TEE-L", "newark")

      const [inspect, cancel] = await Promise.all([
        post(`/admin/oms/returns/${rc.case_id}/inspect`, { entries: [{ return_line_id: rc.lines["TEE-L"], grade: "new", quantity: 1 }] }),
        post(`/admin/oms/returns/${rc.case_id}/cancel`, {}),
      ])
      expect([inspect.status, cancel.status].sort()).toEqual([200, 409])
      const final = (await get(`/admin/oms/returns/${rc.case_id}`)).data.return
      const returned = await medusaReturn(rc.return_id)
      if (inspect.status === 200) {
        // Resolution runs off the inspected event, so the case may already be resolved.
        expect(["inspected", "resolved"]).toContain(final.status)
        expect([returned.status, await stocked("TEE-L", "newark")]).toEqual(["received", before! + 1])
        expect(cancel.data.message).toMatch(
          new RegExp(`^Return ${rc.rma_code} was already inspected( and resolved)?, so it cannot be canceled: nothing was changed$`)
        )
      } else {
        expect([final.status, returned.status, await stocked("TEE-L", "newark")]).toEqual(["canceled", "canceled", before])
        expect(inspect.data.message).toBe(`Return ${rc.rma_code} was canceled, so it cannot be inspected: nothing was changed`)
      }
    })

    it("voids the return label when a labelled return is canceled, and finds it by the label's tracking number before", async () => {
      const c = getContainer()
      const order = await deliveredOrder(c, api, admin, store, { city: "Boston", items: { "TEE-L": 1 } })
      const created = await api.post(
        "/admin/oms/carrier-accounts",
        {
          name: "Returns carrier",
          carrier: "offline",
          settings: { account_id: `returns-spec-${Date.now()}`, currency_code: "USD" },
          services: [{ code: "offline_standard", name: "Standard" }],
          secrets: { api_key: "OFFLINE-KEY-returns-spec" },
        },
        admin
      )
      const shipping = c.resolve<ShippingModuleService>(SHIPPING_MODULE)
      const address = (city: string, postal_code: string, line1: string) => ({ name: city, line1, city, postal_code, country_code: "US" })
      const label = await shipping.purchase({
        idempotency_key: `returns-spec:${order.order_id}`,
        kind: "return",
        order_id: order.order_id,
        location_id: order.location_id,
        carrier_account_id: created.data.carrier_account.id,
        service_code: "offline_standard",
        shipment: {
          from: address("Boston", "02110", "1 Federal St"),
          to: address("Newark", "07105", "900 Raymond Blvd"),
          parcels: [{ weight_g: 800, length_cm: 30, width_cm: 20, height_cm: 10 }],
        },
      })
      expect(label.status).toBe("purchased")
      const tracking = label.tracking_numbers[0]
      const rc = await requestedReturnCase(c, store, setup, order, { items: { "TEE-L": 1 }, tracking_number: tracking })
      await c.resolve<ReturnsModuleService>(RETURNS_MODULE).updateReturnCases({ id: rc.case_id, method: "label", label_id: label.id })

      expect((await get(`/admin/oms/returns/lookup?code=${encodeURIComponent(tracking)}`)).data.return.id).toBe(rc.case_id)
      const done = await post(`/admin/oms/returns/${rc.case_id}/cancel`, {})
      expect(done.status).toBe(200)
      expect(done.data.return).toMatchObject({ status: "canceled", label_id: label.id })
      expect((await shipping.retrieveLabelRow(label.id)).status).toBe("voided")
      expect((await medusaReturn(rc.return_id)).status).toBe("canceled")
    })

    it("answers bad inspections with a 400 naming the field, and changes nothing", async () => {
      const c = getContainer()
      const order = await deliveredOrder(c, api, admin, store, { city: "Boston", items: { "TEE-L": 2, "TEE-S": 1 } })
      const rc = await requestedReturnCase(c, store, setup, order, { items: { "TEE-L": 2, "TEE-S": 1 } })
      const before = await stocked("TEE-L", "newark")
      const L = rc.lines["TEE-L"]
      const S = rc.lines["TEE-S"]
      const inspect = (entries: unknown) => post(`/admin/oms/returns/${rc.case_id}/inspect`, { entries })

      const cases: [unknown, string][] = [
        [[{ return_line_id: L, grade: "new", quantity: 1 }, { return_line_id: S, grade: "new", quantity: 1 }], "entries.0.quantity"],
        [[{ return_line_id: L, grade: "new", quantity: 3 }, { return_line_id: S, grade: "new", quantity: 1 }], "entries.0.quantity"],
        [[{ return_line_id: L, grade: "new", quantity: 2 }], "Field 'entries': TEE-S"],
        [[{ return_line_id: L, grade: "shiny", quantity: 2 }], "entries.0.grade"],
        [[{ return_line_id: L, grade: "new", quantity: 0 }], "entries.0.quantity"],
        [[{ return_line_id: L, grade: "damaged", quantity: 2, disposition: "restock" }, { return_line_id: S, grade: "new", quantity: 1 }], "entries.0.disposition"],
        [[{ return_line_id: L, grade: "new", quantity: 2 }, { return_line_id: "orline_nope", grade: "new", quantity: 1 }], "entries.1.return_line_id"],
        [[{ return_line_id: L, grade: "new", quantity: 2 }, { return_line_id: S, grade: "wrong_item", quantity: 1 }], "entries.1.return_line_id"],
        [[{ return_line_id: L, grade: "new", quantity: 2, location_id: "sloc_nope" }, { return_line_id: S, grade: "new", quantity: 1 }], "entries.0.location_id"],
        [[], "entries"],
      ]
      for (const [entries, field] of cases) {
        const res = await inspect(entries)
        expect([res.status, res.data.type]).toEqual([400, "invalid_data"])
        expect(res.data.message).toContain(field)
      }
      const bad = await post(`/admin/oms/returns/${rc.case_id}/inspect`, { entries: [{ return_line_id: L, grade: "new", quantity: 2 }], extra: 1 })
      expect(bad.status).toBe(400)

      const after = (await get(`/admin/oms/returns/${rc.case_id}`)).data.return
      expect(after).toMatchObject({ status: "requested", inspections: [] })
      expect(await stocked("TEE-L", "newark")).toBe(before)
      expect((await medusaReturn(rc.return_id)).items.every((i: any) => Number(i.received_quantity) === 0)).toBe(true)
    })

    it("answers 404 for an unknown return and 401 without an admin", async () => {
      const c = getContainer()
      for (const [method, path] of [
        ["get", "/admin/oms/returns/orma_nope"],
        ["post", "/admin/oms/returns/orma_nope/receive"],
        ["post", "/admin/oms/returns/orma_nope/scan"],
        ["post", "/admin/oms/returns/orma_nope/inspect"],
        ["post", "/admin/oms/returns/orma_nope/cancel"],
      ] as const) {
        const body =
          path.endsWith("scan") ? { code: "TEE-L" } : path.endsWith("inspect") ? { entries: [{ return_line_id: null, grade: "wrong_item", quantity: 1 }] } : {}
        const res = method === "get" ? await get(path) : await post(path, body)
        expect([path, res.status]).toEqual([path, 404])
        expect(res.data.message).toContain("orma_nope")
      }

      const order = await deliveredOrder(c, api, admin, store, { city: "Boston", items: { "TEE-L": 1 } })
      const rc = await requestedReturnCase(c, store, setup, order, { items: { "TEE-L": 1 } })
      for (const res of [
        await get(`/admin/oms/returns`, {}),
        await get(`/admin/oms/returns/${rc.case_id}`, {}),
        await get(`/admin/oms/returns/lookup?code=${rc.rma_code}`, {}),
        await post(`/admin/oms/returns/${rc.case_id}/receive`, {}, {}),
        await post(`/admin/oms/returns/${rc.case_id}/scan`, { code: "TEE-L" }, {}),
        await post(`/admin/oms/returns/${rc.case_id}/inspect`, { entries: [{ return_line_id: rc.lines["TEE-L"], grade: "new", quantity: 1 }] }, {}),
        await post(`/admin/oms/returns/${rc.case_id}/cancel`, {}, {}),
      ]) {
        expect(res.status).toBe(401)
      }
      expect((await get(`/admin/oms/returns/${rc.case_id}`)).data.return.status).toBe("requested")
    })
  },
})
