import { PDFDocument } from "pdf-lib"
import { DemoStore, seedDemoStore } from "../../scripts/seed/demo-store"
import { adminHeaders } from "../helpers/admin"
import { call, placeRoutedOrder, scanThrough } from "../helpers/picking"
import { omsIntegrationTestRunner } from "../helpers/runner"

jest.setTimeout(300_000)

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

    const shipping = () => getContainer().resolve("oms_shipping") as any

    /** Three Boston orders picked and packed in one wave at Newark (the manual shipping option: no label yet). */
    async function packedWave() {
      const orders = []
      for (const items of [{ "TEE-L": 1 }, { "TEE-L": 2 }, { "HOOD-L": 1 }]) orders.push(await placeRoutedOrder(getContainer(), store, "Boston", items))
      const { data } = await api.post("/admin/oms/waves", { stock_location_id: store.locations.newark }, admin)
      const waveId = data.wave.id as string
      await api.post(`/admin/oms/waves/${waveId}/start`, {}, admin)
      await scanThrough(api, admin, waveId)
      for (const o of data.wave.orders) expect((await call(api.post(`/admin/oms/waves/${waveId}/orders/${o.order_id}/pack`, {}, admin))).status).toBe(200)
      const account = await shipping().createCarrierAccount({ carrier: "offline", name: "Offline", settings: { account_id: `wave-${waveId}` }, secrets: {} })
      return { waveId, orderIds: data.wave.orders.map((o: any) => o.order_id) as string[], account, orders }
    }

    const pages = async (buffer: Buffer) => (await PDFDocument.load(buffer)).getPages().map((p) => [Math.round(p.getWidth()), Math.round(p.getHeight())])
    const fileOf = (waveId: string, query: string) =>
      call(api.get(`/admin/oms/waves/${waveId}/labels?${query}`, { ...admin, responseType: "arraybuffer" }))

    it("buys one label per packed order, once even when asked twice at the same moment, and prints them in one file", async () => {
      const { waveId, orderIds, account } = await packedWave()
      const body = { carrier_account_id: account.id, service_code: "offline_economy" }
      const [a, b] = await Promise.all([
        call(api.post(`/admin/oms/waves/${waveId}/labels`, body, admin)),
        call(api.post(`/admin/oms/waves/${waveId}/labels`, body, admin)),
      ])
      expect([a.status, b.status]).toEqual([200, 200])
      expect([...a.data.failed, ...b.data.failed]).toEqual([])
      expect([...a.data.bought, ...b.data.bought].map((x: any) => x.order_id).sort()).toEqual([...orderIds].sort())
      const labels = await shipping().listLabels({ order_id: orderIds, status: "purchased" })
      expect(labels).toHaveLength(orderIds.length)

      const again = await call(api.post(`/admin/oms/waves/${waveId}/labels`, body, admin))
      expect([again.data.bought, again.data.already.length]).toEqual([[], orderIds.length])

      const thermal = await fileOf(waveId, "format=pdf&size=4x6")
      expect([thermal.status, thermal.headers["content-type"]]).toEqual([200, "application/pdf"])
      expect(await pages(Buffer.from(thermal.data))).toEqual(Array(orderIds.length).fill([288, 432]))
      const sheets = await fileOf(waveId, "format=pdf&size=a4")
      expect(await pages(Buffer.from(sheets.data))).toEqual([[595, 842], [595, 842]])
      // The labels were bought as PDF: a ZPL print says so instead of printing part of the wave.
      const zpl = await fileOf(waveId, "format=zpl&size=4x6")
      expect(zpl.status).toBe(409)
      expect(JSON.parse(Buffer.from(zpl.data).toString()).message).toMatch(/are not ZPL .*print them as PDF/)
    })

    it("refuses bad input naming the field, and an account that does not exist", async () => {
      const { waveId } = await packedWave()
      const bad = await call(api.post(`/admin/oms/waves/${waveId}/labels`, { carrier_account_id: "ocacc_missing" }, admin))
      expect([bad.status, bad.data.message]).toEqual([400, "Invalid request: Field 'carrier_account_id' names no carrier account (got 'ocacc_missing')"])
      const wrong = await call(api.post(`/admin/oms/waves/${waveId}/labels`, { carrier_account_id: "x", concurrency: 99 }, admin))
      expect(wrong.status).toBe(400)
      expect(wrong.data.message).toMatch(/concurrency/)
      const size = await fileOf(waveId, "size=a5")
      expect(size.status).toBe(400)
      expect(JSON.parse(Buffer.from(size.data).toString()).message).toMatch(/size/)
      const none = await fileOf(waveId, "format=pdf")
      expect(none.status).toBe(404)
    })
  },
})
