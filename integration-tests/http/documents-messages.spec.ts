import { Modules } from "@medusajs/framework/utils"
import { DemoStore, seedDemoStore } from "../../scripts/seed/demo-store"
import { adminHeaders } from "../helpers/admin"
import { emitRepeatedly, notificationsTo } from "../helpers/documents"
import { placeRoutedOrder } from "../helpers/orders"
import { omsIntegrationTestRunner } from "../helpers/runner"

jest.setTimeout(300_000)

const call = (p: Promise<any>) => p.catch((e: any) => e.response)

/** Waits until the notification module holds `count` records of the message for `to`. */
async function waitForNotifications(container: any, to: string, template: string, count = 1, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs
  for (;;) {
    const found = await notificationsTo(container, to, template)
    if (found.length >= count) return found
    if (Date.now() > until) throw new Error(`${found.length} "${template}" notification(s) to ${to}, expected ${count}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

omsIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: { headers: Record<string, string> }

    beforeAll(async () => {
      store = await seedDemoStore(getContainer(), { orders: 0 })
    })
    beforeEach(async () => {
      admin = await adminHeaders(getContainer(), api)
    })

    /** An order of two lines at one warehouse; each line fulfilled as its own parcel. */
    async function twoParcelOrder(email: string) {
      const { order_id, decision } = await placeRoutedOrder(getContainer(), store, "Boston", { "TEE-L": 2, "TEE-M": 1 }, { email })
      const location_id = decision.location_ids[0]
      const { data } = await api.get(`/admin/orders/${order_id}?fields=id,display_id,*items`, admin)
      const bySku = Object.fromEntries(data.order.items.map((i: any) => [i.variant_sku, i]))
      const parcels: string[] = []
      for (const sku of ["TEE-L", "TEE-M"]) {
        const item = bySku[sku]
        const { data: f } = await api.post(
          `/admin/orders/${order_id}/fulfillments?fields=*fulfillments`,
          { location_id, items: [{ id: item.id, quantity: item.quantity }] },
          admin
        )
        parcels.push(f.order.fulfillments.at(-1).id)
      }
      return { order_id, display_id: data.order.display_id as number, items: bySku, parcels }
    }

    it("sends the order confirmation once, though order.placed arrives three more times", async () => {
      const email = "confirm-once@example.com"
      const { order_id } = await placeRoutedOrder(getContainer(), store, "Boston", { "TEE-L": 2 }, { email })
      const [sent] = await waitForNotifications(getContainer(), email, "order.confirmed")
      await emitRepeatedly(getContainer(), "order.placed", { id: order_id })
      const all = await notificationsTo(getContainer(), email, "order.confirmed")
      expect(all).toHaveLength(1)
      const { data } = await api.get(`/admin/orders/${order_id}?fields=display_id`, admin)
      expect(sent).toMatchObject({ channel: "email", provider_id: "local", resource_id: order_id, trigger_type: "order.placed" })
      expect(sent.data).toMatchObject({ subject: `Order #${data.order.display_id} confirmed` })
      expect(sent.data!.body).toContain("2 × Classic Tee (L)")
      expect(sent.data!.body).toContain("Total: $")

      const { data: ledger } = await api.get(`/admin/oms/messages/sent?order_id=${order_id}`, admin)
      expect(ledger.messages).toEqual([expect.objectContaining({ kind: "order.confirmed", status: "sent", notification_id: sent.id, to: email })])
    })

    it("tells the customer about each parcel once, with its carrier, tracking link and only its items", async () => {
      const email = "parcels@example.com"
      const order = await twoParcelOrder(email)
      // The first parcel's label in the plugin's label ledger, as packing buys it.
      await getContainer().resolve("oms_shipping").createLabels({
        idempotency_key: `test:${order.parcels[0]}`,
        reference: `test-${order.parcels[0]}`,
        carrier_account_id: "ocacct_test",
        carrier: "offline",
        status: "purchased",
        order_id: order.order_id,
        fulfillment_id: order.parcels[0],
        request: {},
        tracking_numbers: ["OFF123456789"],
        parcels: [{ tracking_number: "OFF123456789", tracking_url: "https://track.example/OFF123456789", file: { format: "pdf", content_base64: null, url: null } }],
      })
      for (const [i, fulfillment_id] of order.parcels.entries()) {
        const sku = i === 0 ? "TEE-L" : "TEE-M"
        const labels = i === 1 ? [{ tracking_number: "1Z999AA10123456784", tracking_url: "https://ups.example/1Z999AA10123456784", label_url: "https://ups.example/label" }] : []
        await api.post(`/admin/orders/${order.order_id}/fulfillments/${fulfillment_id}/shipments`, { items: [{ id: order.items[sku].id, quantity: order.items[sku].quantity }], labels }, admin)
      }
      const shipped = await waitForNotifications(getContainer(), email, "order.shipped", 2)
      for (const fulfillment_id of order.parcels) await emitRepeatedly(getContainer(), "shipment.created", { id: fulfillment_id })
      expect(await notificationsTo(getContainer(), email, "order.shipped")).toHaveLength(2)

      const first = shipped.find((n) => n.resource_id === order.parcels[0])!
      expect(first.data!.subject).toBe(`Order #${order.display_id} is on its way`)
      expect(first.data!.body).toContain("your parcel left us with Offline carrier.")
      expect(first.data!.body).toContain("Tracking number: OFF123456789\nTrack it: https://track.example/OFF123456789")
      expect(first.data!.body).toContain("2 × Classic Tee (L)")
      expect(first.data!.body).not.toContain("Classic Tee (M)")
      const second = shipped.find((n) => n.resource_id === order.parcels[1])!
      expect(second.data!.body).toContain("Tracking number: 1Z999AA10123456784")
      expect(second.data!.body).toContain("1 × Classic Tee (M)")
      expect(second.data!.body).not.toContain("Classic Tee (L)")

      // Delivered: Medusa's delivery and the carrier's event, each three times: one message per parcel.
      await api.post(`/admin/orders/${order.order_id}/fulfillments/${order.parcels[0]}/mark-as-delivered`, {}, admin)
      await waitForNotifications(getContainer(), email, "order.delivered", 1)
      await emitRepeatedly(getContainer(), "oms.parcel.delivered", { id: order.order_id, fulfillment_id: order.parcels[0], tracking_number: "OFF123456789" })
      await emitRepeatedly(getContainer(), "delivery.created", { id: order.parcels[0] })
      const delivered = await notificationsTo(getContainer(), email, "order.delivered")
      expect(delivered).toHaveLength(1)
      expect(delivered[0].data!.body).toContain("OFF123456789 was delivered")
    })

    it("sends each return message once per case, with the RMA code, the slip link and the amount", async () => {
      const email = "returner-msg@example.com"
      await api.post("/admin/oms/document-settings", { public_url: "https://shop.example" }, admin)
      const { order_id } = await placeRoutedOrder(getContainer(), store, "Boston", { "TEE-L": 2 }, { email })
      const { data } = await api.get(`/admin/orders/${order_id}?fields=id,*items`, admin)
      const returns = getContainer().resolve("oms_returns") as any
      const [rma] = await returns.createReturnCases([
        { rma_code: "R-TESTMSG1", order_id, currency_code: "usd", email, method: "drop_off", resolution: "refund", terms: {}, requested_at: new Date(), expected_refund: 25 },
      ])
      await returns.createReturnLines([
        { return_case_id: rma.id, order_line_item_id: data.order.items[0].id, title: "Classic Tee", quantity: 1, unit_refund: 25 },
      ])
      const payload = { id: rma.id, order_id, return_id: "return_test" }
      await emitRepeatedly(getContainer(), "oms.return.requested", payload)
      await emitRepeatedly(getContainer(), "oms.return.received", payload)
      await emitRepeatedly(getContainer(), "oms.return.resolved", { ...payload, resolution: "refund", amount: 25 })

      const [requested] = await notificationsTo(getContainer(), email, "return.requested").then((n) => (expect(n).toHaveLength(1), n))
      expect(requested.data!.subject).toContain("Return R-TESTMSG1")
      expect(requested.data!.body).toContain(`Print your return slip: https://shop.example/store/oms/returns/${rma.id}/slip`)
      expect(requested.data!.body).toContain("1 × Classic Tee (L)")
      expect(await notificationsTo(getContainer(), email, "return.received")).toHaveLength(1)
      const [resolved] = await notificationsTo(getContainer(), email, "return.resolved").then((n) => (expect(n).toHaveLength(1), n))
      expect(resolved.data!.body).toContain("your return R-TESTMSG1 is settled: refund.\nWe gave you $25.00.")
    })

    it("sends a message the store turned off to nobody", async () => {
      await api.post("/admin/oms/document-settings", { disabled_messages: ["order.confirmed"] }, admin)
      const email = "quiet@example.com"
      const { order_id } = await placeRoutedOrder(getContainer(), store, "Boston", { "TEE-L": 1 }, { email })
      await emitRepeatedly(getContainer(), "order.placed", { id: order_id })
      expect(await notificationsTo(getContainer(), email, "order.confirmed")).toHaveLength(0)
      const { data } = await api.get(`/admin/oms/messages/sent?order_id=${order_id}`, admin)
      expect(data.messages).toEqual([])
    })

    it("edits a template per locale with a preview, and customers of that locale get the edited text", async () => {
      const preview = await api.post(
        "/admin/oms/messages/preview",
        { kind: "order.confirmed", locale: "pl", subject: "Dziękujemy, {{customer_name}}!", body: "Zamówienie {{order_number}}: {{total}}" },
        admin
      )
      expect(preview.data).toEqual({ preview: { subject: "Dziękujemy, Łukasz Żółć!", body: "Zamówienie #1042: €128.40" }, problems: [] })
      const bad = await call(api.post("/admin/oms/messages/templates/order.confirmed/pl", { subject: "Hej {{imie}}", body: "x" }, admin))
      expect(bad.status).toBe(400)
      expect(bad.data.message).toContain("{{imie}} is not a placeholder of this message")
      expect((await call(api.post("/admin/oms/messages/templates/order.lost/pl", { subject: "x", body: "y" }, admin))).status).toBe(404)

      const saved = await api.post("/admin/oms/messages/templates/order.confirmed/pl", { subject: "Dziękujemy, {{customer_name}}!", body: "Zamówienie {{order_number}}: {{total}}" }, admin)
      expect(saved.data.template).toMatchObject({ kind: "order.confirmed", locale: "pl", edited: true })
      const { data: list } = await api.get("/admin/oms/messages/templates", admin)
      expect(list.templates.find((t: any) => t.kind === "order.confirmed" && t.locale === "pl")).toMatchObject({ edited: true, subject: "Dziękujemy, {{customer_name}}!" })
      expect(list.templates.find((t: any) => t.kind === "order.confirmed" && t.locale === "en")).toMatchObject({ edited: false, subject: "Order {{order_number}} confirmed" })

      await api.post("/admin/oms/document-settings", { default_locale: "pl" }, admin)
      const email = "polski@example.com"
      const { order_id } = await placeRoutedOrder(getContainer(), store, "Boston", { "TEE-L": 1 }, { email })
      const [sent] = await waitForNotifications(getContainer(), email, "order.confirmed")
      const { data } = await api.get(`/admin/orders/${order_id}?fields=display_id`, admin)
      expect(sent.data!.subject).toBe("Dziękujemy, Ava Thompson!")
      expect(sent.data!.body).toMatch(new RegExp(`^Zamówienie #${data.order.display_id}: [\\d,]+\\sUSD$`))

      await api.delete("/admin/oms/messages/templates/order.confirmed/pl", admin)
      const { data: reset } = await api.get("/admin/oms/messages/templates", admin)
      expect(reset.templates.find((t: any) => t.kind === "order.confirmed" && t.locale === "pl")).toMatchObject({ edited: false, subject: "Zamówienie {{order_number}} potwierdzone" })
    })
  },
})
