import { createHash } from "crypto"
import { DemoStore, seedDemoStore } from "../../scripts/seed/demo-store"
import { readPdf } from "../../src/lib/documents/__tests__/read-pdf"
import { adminHeaders } from "../helpers/admin"
import { documentsOf, download, emitRepeatedly, waitForDocuments } from "../helpers/documents"
import { placeRoutedOrder } from "../helpers/orders"
import { deliveredOrder, registerCustomer } from "../helpers/returns"
import { omsIntegrationTestRunner } from "../helpers/runner"

jest.setTimeout(300_000)

const year = new Date().getUTCFullYear()
const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex")
const call = (p: Promise<any>) => p.catch((e: any) => e.response)

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

    it("numbers 20 invoices issued at once without a gap or a repeat, one per order however often it is asked", async () => {
      const orders: string[] = []
      for (let i = 0; i < 20; i++) orders.push((await placeRoutedOrder(getContainer(), store, "Boston", { "TEE-L": 1 })).order_id)

      // Every order asked twice, all 40 requests at once.
      const answers = await Promise.all(
        [...orders, ...orders].map((order_id) => api.post("/admin/oms/documents/invoices", { order_id }, admin))
      )
      expect(answers.filter((a) => a.status === 201)).toHaveLength(20)
      expect(answers.filter((a) => a.status === 200)).toHaveLength(20)

      const { data } = await api.get("/admin/oms/documents?kind=invoice&limit=100", admin)
      expect(data.count).toBe(20)
      const numbers = data.documents.map((d: any) => d.number).sort()
      expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => `INV-${year}-${String(i + 1).padStart(5, "0")}`))
      expect(new Set(data.documents.map((d: any) => d.order_id))).toEqual(new Set(orders))
      // Both answers for an order name the same document.
      for (const order_id of orders) {
        const mine = answers.filter((a) => a.data.document.order_id === order_id).map((a) => a.data.document.number)
        expect(new Set(mine).size).toBe(1)
      }
      // The next invoice continues the sequence.
      const { order_id } = await placeRoutedOrder(getContainer(), store, "Boston", { "TEE-L": 1 })
      const next = await api.post("/admin/oms/documents/invoices", { order_id }, admin)
      expect(next.data.document.number).toBe(`INV-${year}-00021`)
    })

    it("invoices an order when its payment is captured, and the file downloads byte-identical every time", async () => {
      const shopper = await registerCustomer(api, store, "invoice-owner@example.com")
      const { order_id } = await placeRoutedOrder(getContainer(), store, "Boston", { "TEE-L": 2, "TEE-M": 1 }, { email: shopper.email, customer_id: shopper.customer_id })
      // The customer's name as they typed it, with Polish letters.
      await api.post(`/admin/orders/${order_id}`, { billing_address: { first_name: "Łukasz", last_name: "Żółć" } }, admin)
      const { data: placed } = await api.get(`/admin/orders/${order_id}?fields=id,display_id,total,*payment_collections.payments`, admin)
      expect(await documentsOf(api, admin, order_id)).toEqual([])

      await api.post(`/admin/payments/${placed.order.payment_collections[0].payments[0].id}/capture`, {}, admin)
      const [invoice] = await waitForDocuments(api, admin, order_id, 1)
      expect(invoice).toMatchObject({ kind: "invoice", number: expect.stringMatching(new RegExp(`^INV-${year}-\\d{5}$`)), total: placed.order.total })

      const first = await download(api, `/admin/oms/documents/${invoice.id}/file`, admin)
      const second = await download(api, `/admin/oms/documents/${invoice.id}/file`, admin)
      const owner = await download(api, `/store/oms/documents/${invoice.id}/file`, shopper.headers)
      expect(first.type).toBe("application/pdf")
      expect(second.body.equals(first.body)).toBe(true)
      expect(owner.body.equals(first.body)).toBe(true)
      expect(sha256(first.body)).toBe(invoice.file_sha256)

      const { text } = await readPdf(first.body)
      expect(text).toContain(`Invoice ${invoice.number}`)
      expect(text).toContain("Łukasz Żółć")
      expect(text).toContain(`Order #${placed.order.display_id}`)
      expect(text).toContain(`${Number(placed.order.total).toFixed(2)} USD`)

      // Asking again (or the capture event arriving again) never makes another invoice.
      await emitRepeatedly(getContainer(), "payment.captured", { id: placed.order.payment_collections[0].payments[0].id })
      const again = await api.post("/admin/oms/documents/invoices", { order_id }, admin)
      expect(again.status).toBe(200)
      expect(again.data.document.number).toBe(invoice.number)
      expect(await documentsOf(api, admin, order_id)).toHaveLength(1)
    })

    it("issues a credit note for a partial refund that names its invoice, once however often the refund event arrives", async () => {
      const order = await deliveredOrder(getContainer(), api, admin, store, { city: "Boston", items: { "TEE-L": 2 } })
      const [invoice] = await waitForDocuments(api, admin, order.order_id, 1)
      await api.post(`/admin/payments/${order.payment_id}/refund`, { amount: 10 }, admin)
      const documents = await waitForDocuments(api, admin, order.order_id, 2)
      const note = documents.find((d) => d.kind === "credit_note")!
      expect(note).toMatchObject({ number: `CN-${year}-00001`, invoice_id: invoice.id, total: 10, refund_id: expect.any(String) })

      await emitRepeatedly(getContainer(), "payment.refunded", { id: order.payment_id })
      expect(await documentsOf(api, admin, order.order_id)).toHaveLength(2)

      const { text } = await readPdf((await download(api, `/admin/oms/documents/${note.id}/file`, admin)).body)
      expect(text).toContain(`Credit note ${note.number}`)
      expect(text).toContain(`Corrects invoice ${invoice.number}`)
      expect(text).toContain("10.00 USD")
    })

    it("shows customers their own documents only: another customer's invoice is a 404, a guest gets a 401", async () => {
      const alice = await registerCustomer(api, store, "alice-docs@example.com")
      const bob = await registerCustomer(api, store, "bob-docs@example.com")
      const { order_id } = await placeRoutedOrder(getContainer(), store, "Boston", { "TEE-L": 1 }, { email: alice.email, customer_id: alice.customer_id })
      const { data } = await api.post("/admin/oms/documents/invoices", { order_id }, admin)
      const id = data.document.id

      const mine = await api.get(`/store/oms/orders/${order_id}/documents`, alice.headers)
      expect(mine.data.documents.map((d: any) => d.number)).toEqual([data.document.number])
      expect(mine.data.documents[0].content).toBeUndefined()

      const theirs = await call(api.get(`/store/oms/documents/${id}/file`, bob.headers))
      expect(theirs.status).toBe(404)
      expect(theirs.data.message).toBe(`Document with id: ${id} was not found`)
      const theirList = await call(api.get(`/store/oms/orders/${order_id}/documents`, bob.headers))
      expect(theirList.status).toBe(404)
      const missing = await call(api.get(`/store/oms/documents/odoc_nothing/file`, alice.headers))
      expect(missing.status).toBe(404)

      const guest = await call(api.get(`/store/oms/documents/${id}/file`, { headers: { "x-publishable-api-key": store.publishable_key } }))
      expect(guest.status).toBe(401)
    })

    it("keeps settings: numbering format checked, invoice on fulfillment instead of capture", async () => {
      const bad = await call(api.post("/admin/oms/document-settings", { invoice_format: "INV-{SEQ:4}" }, admin))
      expect(bad.status).toBe(400)
      expect(bad.data.message).toContain("invoice_format")
      expect(bad.data.message).toContain("must contain the year ({YYYY} or {YY})")

      const { data } = await api.post(
        "/admin/oms/document-settings",
        { invoice_format: "R/{YY}/{SEQ:4}", invoice_trigger: "fulfillment", seller: { name: "Sklep Łódź sp. z o.o.", address_lines: ["ul. Piotrkowska 1", "90-001 Łódź"], vat_id: "PL1234567890" } },
        admin
      )
      expect(data.settings.examples.invoice).toBe(`R/${String(year % 100)}/0001`)

      const { order_id } = await placeRoutedOrder(getContainer(), store, "Boston", { "TEE-L": 1 })
      const { data: placed } = await api.get(`/admin/orders/${order_id}?fields=*items,*payment_collections.payments`, admin)
      await api.post(`/admin/payments/${placed.order.payment_collections[0].payments[0].id}/capture`, {}, admin)
      await new Promise((r) => setTimeout(r, 1500))
      expect(await documentsOf(api, admin, order_id)).toEqual([])
      await api.post(`/admin/orders/${order_id}/fulfillments`, { location_id: store.locations.newark, items: placed.order.items.map((i: any) => ({ id: i.id, quantity: i.quantity })) }, admin)
      const [invoice] = await waitForDocuments(api, admin, order_id, 1)
      expect(invoice.number).toBe(`R/${String(year % 100)}/0001`)
      const { text } = await readPdf((await download(api, `/admin/oms/documents/${invoice.id}/file`, admin)).body)
      expect(text).toContain("Sklep Łódź sp. z o.o.")
      expect(text).toContain("VAT ID PL1234567890")
    })
  },
})
