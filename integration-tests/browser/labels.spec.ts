// Carrier labels in the admin, used through a real browser as a shop without any carrier
// contract would: add the built-in offline carrier on the Carriers page (its webhook secret
// write-only) and test its connection, pack an order on the pack page and buy its label there
// after reading the rates, print it (the file that opens is a PDF with the tracking number),
// then on the order's page play the parcel's tracking to "delivered" and read the timeline.
// Runs against its own seeded server and database (see ./server.ts).
import { Page, Response } from "playwright-core"
import { pdfText } from "../helpers/picking"
import {
  adminApi,
  choose,
  dismissToasts,
  eventually,
  logIn,
  rowMenu,
  screenshot as saveScreenshot,
  textOf as text,
  waitForText,
} from "./admin-page"
import type { Server } from "./server"
import { adminSession } from "./session"

const DATABASE = "medusa_oms_browser_labels"
const ORDERS = 6
const ACCOUNT = "Offline carrier"
// Write-only: it must never come back from the server, in any response.
const WEBHOOK_SECRET = "whsec_browser_labels_7c21"

jest.setTimeout(240_000)

// Without the seed's demo carrier: the test adds the first account itself, as a new store does.
const session = adminSession(DATABASE, { orders: ORDERS, demoCarrier: false })
const { url, withServerLog } = session
let page: Page
let server: Server
beforeAll(() => {
  page = session.page
  server = session.server
})

const screenshot = (name: string) => saveScreenshot(page, name)
const api = <T,>(method: "GET" | "POST", p: string, data?: object): Promise<T> => adminApi(page, server.baseUrl)<T>(method, p, data)

type Wave = { id: string; scan: { current_stop: { bin_code: string | null; sku: string | null; barcode: string | null; quantity: number } | null } }

/** Every seeded order gets a routing decision (the subscriber may still be working through them). */
const routeAllOrders = async () => {
  const { orders } = await api<{ orders: Array<{ id: string }> }>("GET", `/admin/orders?limit=${ORDERS}&fields=id`)
  for (const order of orders) {
    const decided = await page.request.fetch(url(`/admin/oms/orders/${order.id}/routing`))
    if (decided.status() === 404) await api("POST", `/admin/oms/orders/${order.id}/route`, {})
  }
}

/**
 * A picked wave of one order, made and scanned through the API (picking is not what this spec
 * tests; the picking spec scans in the browser): the location with the most waiting orders.
 */
const pickedWaveOfOneOrder = async (): Promise<{ waveId: string; orderId: string }> => {
  const { locations } = await api<{ locations: Array<{ id: string }> }>("GET", "/admin/oms/locations")
  for (const location of locations) {
    const preview = await api<{ orders: number }>("POST", "/admin/oms/waves/preview", { stock_location_id: location.id })
    if (!preview.orders) continue
    const { wave } = await api<{ wave: { id: string } }>("POST", "/admin/oms/waves", { stock_location_id: location.id, max_orders: 1 })
    await api("POST", `/admin/oms/waves/${wave.id}/start`, {})
    for (let scans = 0; scans < 200; scans++) {
      const { wave: now } = await api<{ wave: Wave }>("GET", `/admin/oms/waves/${wave.id}`)
      const stop = now.scan.current_stop
      if (!stop) break
      const scan = (body: object) => api("POST", `/admin/oms/waves/${wave.id}/scan`, body)
      if (stop.bin_code) await scan({ type: "bin", code: stop.bin_code })
      await scan({ type: "item", code: stop.sku ?? stop.barcode })
      await scan({ type: "quantity", quantity: stop.quantity })
    }
    const { wave: picked } = await api<{ wave: { status: string; orders: Array<{ order_id: string }> } }>("GET", `/admin/oms/waves/${wave.id}`)
    expect(picked.status).toBe("picked")
    return { waveId: wave.id, orderId: picked.orders[0].order_id }
  }
  throw new Error("no location has a routed order waiting for a wave")
}

describe("Carrier labels in the admin", () => {
  let orderId = ""
  let trackingNumber = ""

  it("adds the offline carrier on the Carriers page, shows its webhook secret only as set, and tests its connection", () =>
    withServerLog(async () => {
      await logIn(page, server.baseUrl)
      await page.goto(url("/app/oms"), { waitUntil: "domcontentloaded" })
      // A sub-route with a label is nested under Order management in the sidebar.
      await page.getByRole("link", { name: "Carriers", exact: true }).first().click()
      await page.waitForURL((u) => u.pathname.endsWith("/app/oms/carriers"))
      await page.getByRole("heading", { name: "Carriers", level: 1 }).waitFor()
      await page.getByTestId("carrier-accounts").getByText("No carrier accounts yet", { exact: false }).waitFor()

      await page.getByTestId("carrier-account-add").click()
      const form = page.getByTestId("carrier-account-form")
      await form.waitFor()
      // The offline carrier is the default, named after itself, with its own services.
      expect(await form.getByTestId("carrier-account-name").inputValue()).toBe(ACCOUNT)
      expect(await form.getByTestId("carrier-account-services").inputValue()).toMatch(/^offline_economy: Offline Economy$/m)
      // A base URL that is not one is refused by the server, naming the field.
      await form.getByTestId("carrier-account-base-url").fill("not a url")
      await form.getByTestId("carrier-account-save").click()
      expect(await waitForText(page, form.getByTestId("carrier-account-error"), /base_url/)).toMatch(/base_url/)
      await form.getByTestId("carrier-account-base-url").fill("")
      const secret = form.getByTestId("carrier-account-webhook-secret")
      expect(await secret.getAttribute("type")).toBe("password")
      await secret.fill(WEBHOOK_SECRET)
      await screenshot("labels-carrier-add.png")
      await form.getByTestId("carrier-account-save").click()
      await form.waitFor({ state: "detached" })

      const row = page.getByTestId(`carrier-account-row-${ACCOUNT}`)
      await row.waitFor()
      expect(await row.getByTestId("carrier-account-status").getAttribute("data-active")).toBe("true")
      expect(await text(row.getByTestId("carrier-account-webhook-set"))).toBe("Webhook secret set")
      expect(await row.textContent()).not.toContain(WEBHOOK_SECRET)
      const listed = await page.request.fetch(url("/admin/oms/carrier-accounts"))
      expect(await listed.text()).not.toContain(WEBHOOK_SECRET)

      await row.getByTestId("carrier-account-test").click()
      const result = row.getByTestId("carrier-account-test-result")
      await result.waitFor()
      expect([await result.getAttribute("data-ok"), await text(result)]).toEqual(["true", "Connected"])

      // Editing shows the secret as set and leaves it alone when left blank.
      await rowMenu(page, row, "carrier-account-edit", "carrier-account-actions")
      const edit = page.getByTestId("carrier-account-form")
      await edit.waitFor()
      expect(await edit.getByTestId("carrier-account-webhook-secret-set").getAttribute("data-set")).toBe("true")
      expect(await edit.getByTestId("carrier-account-webhook-secret").inputValue()).toBe("")
      await edit.getByTestId("carrier-account-name").fill(`${ACCOUNT} `)
      await edit.getByTestId("carrier-account-save").click()
      await edit.waitFor({ state: "detached" })
      expect(await text(row.getByTestId("carrier-account-webhook-set"))).toBe("Webhook secret set")
      await dismissToasts(page)
      await screenshot("labels-carriers.png")
    }), 420_000)

  it("packs an order on the pack page, buys its label after reading the rates, and prints it as a PDF", () =>
    withServerLog(async () => {
      await routeAllOrders()
      const wave = await pickedWaveOfOneOrder()
      orderId = wave.orderId
      await page.goto(url(`/app/oms/picking/${wave.waveId}/pack/${orderId}`), { waitUntil: "domcontentloaded" })
      const items = page.getByTestId("picking-pack-items").locator('[data-testid^="picking-pack-item-"][data-done]')
      await items.first().waitFor()
      await page.getByTestId("picking-pack-input").click()
      for (let i = 0; i < (await items.count()); i++) {
        const row = items.nth(i)
        const sku = (await row.getAttribute("data-testid"))!.replace("picking-pack-item-", "")
        const [, wanted] = (await text(row.getByTestId("picking-pack-item-count"))).split(" / ").map(Number)
        for (let unit = 0; unit < wanted; unit++) {
          await page.keyboard.type(sku)
          await page.keyboard.press("Enter")
        }
        await eventually(page, `all of ${sku} in the parcel`, async () => (await row.getAttribute("data-done")) === "true")
      }
      await page.getByTestId("picking-pack-submit").click()
      await page.getByTestId("picking-pack-done").waitFor()

      // The demo store's shipping options are not a carrier's: packing bought no label, so the
      // pack page offers to buy one, with the account's quotes and why rate shopping picks one.
      const panel = page.getByTestId("pack-label")
      await panel.getByTestId("pack-label-none").waitFor()
      const form = panel.getByTestId("buy-label-form")
      const rates = form.getByTestId("buy-label-rates")
      await rates.waitFor()
      expect(await text(form.getByTestId("buy-label-rate-shop"))).toMatch(/^Rate shop: Offline Economy won: cheapest of 3 \(\d+\.\d\d [A-Z]{3}, \d+ days?\)\.$/)
      expect(await form.getByTestId("buy-label-rate-offline_economy").getAttribute("data-chosen")).toBe("true")
      await choose(page, form, "buy-label-service", "Offline Standard")
      expect(await form.getByTestId("buy-label-rate-offline_standard").getAttribute("data-chosen")).toBe("true")
      await screenshot("labels-pack-buy.png")
      await form.getByTestId("buy-label-submit").click()

      const status = panel.getByTestId("pack-label-status")
      await eventually(page, "the bought label", async () => (await status.count()) && (await status.getAttribute("data-status")) === "purchased")
      expect(await text(panel.getByTestId("label-service"))).toMatch(/^Offline carrier · Offline Standard · \w{3} \d+\.\d\d$/)
      trackingNumber = await text(panel.getByTestId("label-tracking-numbers"))
      expect(trackingNumber).toMatch(/^\S{8,}$/)

      // Print opens the label file in a new tab: the file the server sent is a PDF of this parcel.
      const [file, popup] = await Promise.all([
        page.waitForResponse((r: Response) => /\/admin\/oms\/labels\/[^/]+\/file\?parcel=0$/.test(r.url())),
        page.waitForEvent("popup"),
        panel.getByTestId("pack-label-print").click(),
      ])
      expect(file.status()).toBe(200)
      expect(file.headers()["content-type"]).toMatch(/^application\/pdf/)
      // What the new tab shows: the file behind its blob: address, read back from the admin's page.
      await eventually(page, "the label's tab", async () => popup.url().startsWith("blob:"))
      const base64 = await page.evaluate(async (address) => {
        const blob = await (await fetch(address)).blob()
        return await new Promise<string>((resolve) => {
          const reader = new FileReader()
          reader.onload = () => resolve(String(reader.result).split(",")[1] ?? "")
          reader.readAsDataURL(blob)
        })
      }, popup.url())
      const bytes = Buffer.from(base64, "base64")
      expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-")
      expect(await pdfText(bytes)).toContain(trackingNumber)
      await popup.close()
      await dismissToasts(page)
      await screenshot("labels-pack-label.png")
    }))

  it("plays the offline parcel's tracking to delivered on the order page and shows the timeline", () =>
    withServerLog(async () => {
      await page.goto(url(`/app/orders/${orderId}`), { waitUntil: "domcontentloaded" })
      const widget = page.getByTestId("oms-order-shipping")
      await widget.waitFor()
      const card = widget.locator('[data-kind="outbound"][data-label-status="purchased"]')
      await card.waitFor()
      expect(await text(card.getByTestId("label-tracking-numbers"))).toBe(trackingNumber)
      const tracking = card.getByTestId("label-tracking")
      await tracking.waitFor()
      expect(await text(card.getByTestId("label-tracking-delivered"))).toBe("Delivered: not yet")

      // Each press is the carrier's next signed webhook, verified and applied before the answer.
      for (const next of ["in_transit", "out_for_delivery", "delivered"]) {
        const play = card.getByTestId("label-tracking-play")
        await eventually(page, `the play button for ${next}`, async () => (await play.getAttribute("data-next")) === next)
        await play.click()
        await eventually(page, `the parcel ${next}`, async () => (await tracking.getAttribute("data-status")) === next)
      }
      expect(await text(card.getByTestId("label-tracking-status"))).toBe("Delivered")
      expect(await card.getByTestId("label-tracking-play").count()).toBe(0)
      // A parcel on its way can no longer be voided: the page stops offering it.
      expect(await card.getByTestId("label-void").count()).toBe(0)
      const steps = await card.getByTestId("label-tracking-step").evaluateAll((els) => els.map((el) => el.getAttribute("data-status")))
      // Oldest first: the carrier's first step is the label's creation.
      expect(steps).toEqual(["pre_transit", "in_transit", "out_for_delivery", "delivered"])
      expect(await text(card.getByTestId("label-tracking-shipped"))).not.toBe("Shipped: not yet")
      expect(await text(card.getByTestId("label-tracking-delivered"))).not.toBe("Delivered: not yet")

      // Medusa's own order agrees: its fulfillment is delivered.
      const { order } = await api<{ order: { fulfillments: Array<{ delivered_at: string | null }> } }>(
        "GET",
        `/admin/orders/${orderId}?fields=fulfillments.delivered_at`
      )
      expect(order.fulfillments.some((f) => f.delivered_at)).toBe(true)
      await dismissToasts(page)
      await widget.scrollIntoViewIfNeeded()
      await screenshot("labels-order-delivered.png")

      // A return label for the delivered parcel joins the order's labels.
      await card.getByTestId("label-return").click()
      const returned = widget.locator('[data-kind="return"][data-label-status="purchased"]')
      await returned.waitFor()
      expect(await text(returned.getByTestId("label-tracking-numbers"))).toMatch(/^OR\d{12}$/)
      // Return parcels are not tracked against the order: no timeline, no playback.
      expect(await returned.getByTestId("label-tracking").count()).toBe(0)
      expect(await returned.getByTestId("label-print").count()).toBe(1)
      await dismissToasts(page)
      await screenshot("labels-order-return.png")
    }))
})
