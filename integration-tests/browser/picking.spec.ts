// Picking and packing in the admin, used through a real browser as a warehouse person would:
// import bins from a CSV, create a wave after reading its preview, download its pick list,
// scan it through with keyboard input the way a USB scanner types (code + Enter), including
// refused scans, pack an order and see the fulfillment it created, then find the bins and the
// pick and pack status on the inventory item and order pages. Runs against its own seeded
// server and database (see ./server.ts).
import fs from "fs"
import { Page } from "playwright-core"
import { buildCatalog } from "../../scripts/seed/catalog"
import { DEMO_LOCATIONS } from "../../scripts/seed/geography"
import {
  adminApi,
  dismissToasts,
  logIn,
  ROUTING_TIMEOUT,
  screenshot as saveScreenshot,
  textOf,
  UI_TIMEOUT,
} from "./admin-page"
import type { Server } from "./server"
import { adminSession } from "./session"

const DATABASE = "medusa_oms_browser_picking"
const ORDERS = 12
const WAVE_ORDERS = 3

jest.setTimeout(240_000)

const session = adminSession(DATABASE, { orders: ORDERS, acceptDownloads: true })
const { url, withServerLog } = session
let page: Page
let server: Server
beforeAll(() => {
  page = session.page
  server = session.server
})

/** The bin each demo variant sits in: aisle per product family, shelf per variant. */
const catalog = buildCatalog()
const binOf = new Map<string, string>()
catalog.forEach((product, family) =>
  product.variants.forEach((variant, i) =>
    binOf.set(variant.sku, `A-${String(family + 1).padStart(2, "0")}-${(i % 4) + 1}-${i < 4 ? "A" : "B"}`)
  )
)

/** Every stocked variant's bin at every location, plus one line the server must refuse. */
const binsCsv = (): { csv: string; rows: number; badLine: number } => {
  const lines = ["location,sku,bin,walk_sequence"]
  for (const product of catalog) {
    for (const variant of product.variants) {
      for (const location of DEMO_LOCATIONS) {
        if (variant.stock[location.key] !== undefined) lines.push(`${location.name},${variant.sku},${binOf.get(variant.sku)},`)
      }
    }
  }
  const rows = lines.length - 1
  lines.push("Newark DC,NO-SUCH-SKU,A-01-1-A,")
  return { csv: lines.join("\n"), rows, badLine: lines.length }
}

const screenshot = (name: string) => saveScreenshot(page, name)
const text = textOf
const api = <T,>(method: "GET" | "POST", p: string, data?: object): Promise<T> => adminApi(page, server.baseUrl)<T>(method, p, data)
const closeToasts = () => dismissToasts(page)

/** Polls `check` until it returns a value (not undefined); fails with `what` after `timeout`. */
const until = async <T,>(what: string, check: () => Promise<T | undefined>, timeout = UI_TIMEOUT): Promise<T> => {
  const deadline = Date.now() + timeout
  for (;;) {
    const value = await check()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await page.waitForTimeout(200)
  }
}

/** Every seeded order gets a routing decision (the subscriber may still be working through them). */
const routeAllOrders = async () => {
  const { orders } = await api<{ orders: Array<{ id: string }> }>("GET", `/admin/orders?limit=${ORDERS}&fields=id`)
  expect(orders).toHaveLength(ORDERS)
  for (const order of orders) {
    const decided = await page.request.fetch(url(`/admin/oms/orders/${order.id}/routing`))
    if (decided.status() === 404) await api("POST", `/admin/oms/orders/${order.id}/route`, {})
    else if (!decided.ok()) throw new Error(`routing of ${order.id}: ${decided.status()} ${await decided.text()}`)
  }
}

describe("Picking and packing in the admin", () => {
  let waveId = ""
  let locationName = ""

  it("imports bins from a CSV, keeping the good rows and naming the bad line", () =>
    withServerLog(async () => {
      await logIn(page, server.baseUrl)
      await routeAllOrders()

      await page.goto(url("/app/oms"), { waitUntil: "domcontentloaded" })
      // A sub-route with a label is nested under Order management in the sidebar.
      await page.getByRole("link", { name: "Picking", exact: true }).first().click()
      await page.waitForURL((u) => u.pathname.endsWith("/app/oms/picking"))
      await page.getByRole("heading", { name: "Picking", level: 1 }).waitFor()
      await page.getByTestId("picking-waves").getByText("No waves yet", { exact: false }).waitFor()

      await page.getByTestId("picking-bins-link").click()
      await page.waitForURL((u) => u.pathname.endsWith("/app/oms/picking/bins"))
      const { csv, rows, badLine } = binsCsv()
      await page.getByTestId("picking-bins-csv").fill(csv)
      await page.getByTestId("picking-bins-import-submit").click()
      const imported = page.getByTestId("picking-bins-imported")
      await imported.waitFor()
      expect(await text(imported)).toMatch(new RegExp(`^${rows} bins imported, 1 line not imported`))
      const errors = page.getByTestId("picking-bins-import-errors")
      expect(await text(errors)).toMatch(new RegExp(`Line ${badLine}.*sku`, "i"))

      // The table lists what was imported, searchable by SKU.
      await page.getByTestId("picking-bins-search").fill("TEE-M")
      const row = page.getByTestId("picking-bins").locator('[data-testid="picking-bin-row-TEE-M"]').first()
      await row.waitFor()
      expect(await text(row.getByTestId("picking-bin-code-cell"))).toBe(binOf.get("TEE-M"))
      await page.getByTestId("picking-bins-search").fill("")
      await page.getByTestId("picking-bins-count").waitFor()
      await closeToasts()
      await screenshot("picking-bins.png")
    }), 420_000)

  it("creates a wave from the dialog after reading its preview, and refuses bad filters inline", () =>
    withServerLog(async () => {
      // The location with the most routed orders makes the fullest wave; the API says which.
      const { locations } = await api<{ locations: Array<{ id: string; name: string }> }>("GET", "/admin/oms/locations")
      const previews = await Promise.all(
        locations.map(async (location) => ({
          location,
          preview: await api<{ orders: number }>("POST", "/admin/oms/waves/preview", { stock_location_id: location.id }),
        }))
      )
      previews.sort((a, b) => b.preview.orders - a.preview.orders)
      expect(previews[0].preview.orders).toBeGreaterThanOrEqual(2)
      locationName = previews[0].location.name
      const expectedOrders = Math.min(WAVE_ORDERS, previews[0].preview.orders)

      await page.goto(url("/app/oms/picking"), { waitUntil: "domcontentloaded" })
      await page.getByTestId("picking-create-wave").click()
      const form = page.getByTestId("picking-wave-form")
      await form.waitFor()
      await form.getByTestId("picking-wave-location").click()
      await page.getByRole("option", { name: locationName, exact: true }).click()
      const counts = form.getByTestId("picking-preview-counts")
      await until("the preview of every order", async () =>
        (await counts.count()) && (await text(counts)).startsWith(`${previews[0].preview.orders} order`) ? true : undefined
      )

      // A filter the server refuses: its message is shown in the dialog, naming the field.
      await form.getByTestId("picking-wave-max-orders").fill("0")
      const refused = form.getByTestId("picking-preview-error")
      await refused.waitFor()
      expect(await text(refused)).toMatch(/max_orders/)

      await form.getByTestId("picking-wave-max-orders").fill(String(WAVE_ORDERS))
      await until("the preview of the first orders", async () =>
        (await counts.count()) && (await text(counts)).startsWith(`${expectedOrders} order`) ? true : undefined
      )
      expect(await text(counts)).toMatch(/^\d+ orders?, \d+ lines?, \d+ units?$/)
      await screenshot("picking-create-wave.png")

      await form.getByTestId("picking-wave-submit").click()
      await page.waitForURL(/\/app\/oms\/picking\/owave_/)
      waveId = page.url().split("/").pop()!
      const header = page.getByTestId("picking-wave-header")
      await header.waitFor()
      expect(await header.getByTestId("picking-wave-status").getAttribute("data-status")).toBe("open")
      const orderRows = page.getByTestId("picking-wave-orders").locator('[data-testid^="picking-order-row-"]')
      await until("the wave's orders", async () => ((await orderRows.count()) === expectedOrders ? true : undefined))

      // The pick list walks the bins in order (aisle by aisle; all these codes sort as text).
      const bins = await page.getByTestId("picking-stop-bin").allTextContents()
      expect(bins.length).toBeGreaterThan(0)
      expect(bins.every((bin) => /^A-\d\d-\d-[AB]$/.test(bin))).toBe(true)
      const aisles = bins.map((bin) => bin.slice(0, 4))
      expect([...aisles].sort()).toEqual(aisles)
      await closeToasts()
      await screenshot("picking-wave.png")

      await page.goto(url("/app/oms/picking"), { waitUntil: "domcontentloaded" })
      const listed = page.getByTestId(`picking-wave-row-${waveId}`)
      await listed.waitFor()
      expect(await text(listed.getByTestId("picking-wave-status"))).toBe("Open")
      await screenshot("picking-waves.png")

      // Filtered by another status the wave is not listed; by its own it is.
      const waves = page.getByTestId("picking-waves")
      await waves.getByTestId("picking-filter-status").click()
      await page.getByRole("option", { name: "Picking", exact: true }).click()
      await waves.getByText("No waves match these filters.").waitFor()
      await waves.getByTestId("picking-filter-status").click()
      await page.getByRole("option", { name: "Open", exact: true }).click()
      await listed.waitFor()
    }))

  it("downloads the pick list as a PDF", () =>
    withServerLog(async () => {
      await page.goto(url(`/app/oms/picking/${waveId}`), { waitUntil: "domcontentloaded" })
      await page.getByTestId("picking-print").click()
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("picking-print-a4").click()])
      expect(download.suggestedFilename()).toMatch(/\.pdf$/)
      const file = await download.path()
      expect(file).toBeTruthy()
      const bytes = fs.readFileSync(file!)
      expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-")
      expect(bytes.length).toBeGreaterThan(1000)
    }))

  it("scans the wave through with keyboard input, refusing a wrong bin and a wrong item", () =>
    withServerLog(async () => {
      await page.goto(url(`/app/oms/picking/${waveId}`), { waitUntil: "domcontentloaded" })
      await page.getByTestId("picking-start").click()
      await page.waitForURL((u) => u.pathname.endsWith(`/app/oms/picking/${waveId}/scan`))
      const card = page.getByTestId("picking-scan-card")
      await card.waitFor()
      const input = page.getByTestId("picking-scan-input")
      const banner = page.getByTestId("picking-scan-message")
      const left = async () => Number((await text(page.getByTestId("picking-scan-left"))).split(" ")[0])
      const unitsAtStart = await left()
      expect(unitsAtStart).toBeGreaterThan(0)

      // The scanner types into whatever has the focus: the scan field must have it.
      const scan = async (code: string) => {
        await until("the scan field to have the focus", async () =>
          (await input.evaluate((el) => el === document.activeElement)) ? true : undefined
        )
        if (code) await page.keyboard.type(code)
        await page.keyboard.press("Enter")
      }
      const position = async () => `${await card.getAttribute("data-stop")}:${await card.getAttribute("data-phase")}`
      const answers = async () => Number(await banner.getAttribute("data-seq"))
      /** Scans `code` and waits for the page's answer to it; returns whether it was taken. */
      const scanAndRead = async (code: string) => {
        const before = await answers()
        await scan(code)
        await until(`the answer to "${code}"`, async () => ((await answers()) > before ? true : undefined))
        return (await banner.getAttribute("data-ok")) === "true"
      }
      /** Scans `code`, expects it taken and the card to move on (or the wave to end). */
      const scanAndAdvance = async (code: string) => {
        const before = await position()
        if (!(await scanAndRead(code))) throw new Error(`scan of "${code}" refused: ${await text(banner)}`)
        await until(`the card to move on after "${code}"`, async () =>
          (await page.getByTestId("picking-scan-done").count()) || (await position()) !== before ? true : undefined
        )
      }
      /** Scans `code`, expects it refused with a message matching `message`, and the card to stay put. */
      const scanRefused = async (code: string, message: RegExp) => {
        const before = await position()
        expect(await scanAndRead(code)).toBe(false)
        expect(await text(banner)).toMatch(message)
        expect(await position()).toBe(before)
      }

      // The first stop: a wrong bin is refused with the bin to go to.
      expect(await card.getAttribute("data-phase")).toBe("bin")
      const firstBin = await text(card.getByTestId("picking-scan-bin"))
      await scanRefused("Z-99-9-Z", new RegExp(`Wrong bin.*Z-99-9-Z.*${firstBin}`))
      await screenshot("picking-scan-error.png")
      await scanAndAdvance(firstBin)
      expect(await card.getAttribute("data-phase")).toBe("item")
      await scanRefused("NOT-THIS-ITEM", /Wrong item/)
      await scanAndAdvance(await text(card.getByTestId("picking-scan-sku")))
      expect(await card.getAttribute("data-phase")).toBe("quantity")
      await screenshot("picking-scan.png")

      // Then every stop: bin, item, Enter to confirm the count on screen.
      for (let stops = 0; ; stops++) {
        if (stops > 200) throw new Error("the wave did not end")
        if (await page.getByTestId("picking-scan-done").count()) break
        const phase = await card.getAttribute("data-phase")
        if (phase === "bin") await scanAndAdvance(await text(card.getByTestId("picking-scan-bin")))
        else if (phase === "item") await scanAndAdvance(await text(card.getByTestId("picking-scan-sku")))
        else await scanAndAdvance("")
      }
      const done = page.getByTestId("picking-scan-done")
      await done.waitFor()
      await until("the wave to be picked", async () =>
        (await page.getByTestId("picking-wave-status").getAttribute("data-status")) === "picked" ? true : undefined
      )
      expect(await text(page.getByTestId("picking-scan-left"))).toBe("0 units left")
      await screenshot("picking-scan-done.png")
    }))

  it("packs an order: refuses a code that is not in it, then creates its fulfillment", () =>
    withServerLog(async () => {
      await page.getByTestId("picking-scan-to-wave").click()
      await page.waitForURL((u) => u.pathname.endsWith(`/app/oms/picking/${waveId}`))
      const rows = page.getByTestId("picking-wave-orders").locator('[data-testid^="picking-order-row-"]')
      await rows.first().waitFor()
      const first = rows.first()
      expect(await first.getAttribute("data-status")).toBe("picked")
      const orderId = (await first.getAttribute("data-testid"))!.replace("picking-order-row-", "")
      await first.getByTestId(`picking-order-pack-${orderId}`).click()
      await page.waitForURL((u) => u.pathname.endsWith(`/pack/${orderId}`))

      const items = page.getByTestId("picking-pack-items").locator('[data-testid^="picking-pack-item-"][data-done]')
      await items.first().waitFor()
      const input = page.getByTestId("picking-pack-input")
      const message = page.getByTestId("picking-pack-message")
      await input.click()
      await page.keyboard.type("NOT-IN-ORDER")
      await page.keyboard.press("Enter")
      await until("the refusal of an unknown code", async () => ((await message.getAttribute("data-ok")) === "false" ? true : undefined))
      expect(await text(message)).toMatch(/not in this order/)
      expect(await page.getByTestId("picking-pack-submit").isDisabled()).toBe(true)
      for (const weightField of ["weight", "length", "width", "height"]) {
        expect(Number(await page.getByTestId(`picking-pack-${weightField}`).inputValue())).toBeGreaterThan(0)
      }

      // Each unit scanned in by its SKU, as read off the screen.
      for (let i = 0; i < (await items.count()); i++) {
        const row = items.nth(i)
        const sku = (await row.getAttribute("data-testid"))!.replace("picking-pack-item-", "")
        const [, wanted] = (await text(row.getByTestId("picking-pack-item-count"))).split(" / ").map(Number)
        for (let unit = 0; unit < wanted; unit++) {
          await page.keyboard.type(sku)
          await page.keyboard.press("Enter")
        }
        await until(`all of ${sku} in the parcel`, async () => ((await row.getAttribute("data-done")) === "true" ? true : undefined))
      }
      expect(await message.getAttribute("data-ok")).toBe("true")
      expect(await text(page.getByTestId("picking-pack-progress"))).toMatch(/^(\d+) of \1 units in the parcel$/)
      await screenshot("picking-pack.png")

      await page.getByTestId("picking-pack-submit").click()
      const done = page.getByTestId("picking-pack-done")
      await done.waitFor()
      const fulfillmentId = await text(done.getByTestId("picking-pack-fulfillment"))
      expect(fulfillmentId).toMatch(/^ful_/)
      expect(await page.getByTestId("picking-pack-status").getAttribute("data-status")).toBe("packed")
      await closeToasts()
      await screenshot("picking-packed.png")

      // The order's page shows it picked and packed, in this wave, with the same fulfillment.
      await done.getByTestId("picking-pack-order-link").click()
      await page.waitForURL((u) => u.pathname.endsWith(`/app/orders/${orderId}`))
      const widget = page.getByTestId("picking-order-widget")
      await widget.waitFor()
      await until("the order's pack status", async () =>
        (await widget.getByTestId("picking-order-pack-status").getAttribute("data-status").catch(() => null)) === "packed"
          ? true
          : undefined
      )
      expect(await text(widget.getByTestId("picking-order-fulfillment"))).toBe(fulfillmentId)
      expect(await widget.getByTestId("picking-order-wave-link").getAttribute("href")).toMatch(new RegExp(`${waveId}$`))
      await widget.scrollIntoViewIfNeeded()
      await screenshot("picking-order-widget.png")

      // Back on the wave, the order is packed with its fulfillment.
      await page.goto(url(`/app/oms/picking/${waveId}`), { waitUntil: "domcontentloaded" })
      const packedRow = page.getByTestId(`picking-order-row-${orderId}`)
      await until("the packed order in the wave", async () =>
        (await packedRow.getAttribute("data-status").catch(() => null)) === "packed" ? true : undefined
      )
      expect(await text(packedRow.getByTestId("picking-order-fulfillment"))).toBe(fulfillmentId)
    }))

  it("records a short pick with a reason; the order shows it short and its missing units go back to routing", () =>
    withServerLog(async () => {
      // A second wave from the orders still waiting anywhere, started through the API.
      const { locations } = await api<{ locations: Array<{ id: string }> }>("GET", "/admin/oms/locations")
      let second: { id: string } | undefined
      for (const location of locations) {
        const preview = await api<{ orders: number }>("POST", "/admin/oms/waves/preview", { stock_location_id: location.id })
        if (preview.orders === 0) continue
        second = (await api<{ wave: { id: string } }>("POST", "/admin/oms/waves", { stock_location_id: location.id, max_orders: 1 })).wave
        break
      }
      expect(second).toBeDefined()
      await api("POST", `/admin/oms/waves/${second!.id}/start`, {})

      await page.goto(url(`/app/oms/picking/${second!.id}/scan`), { waitUntil: "domcontentloaded" })
      const card = page.getByTestId("picking-scan-card")
      await card.waitFor()
      const stop = await card.getAttribute("data-stop")
      const needed = Number(await text(card.getByTestId("picking-scan-quantity")))
      const banner = page.getByTestId("picking-scan-message")

      await card.getByTestId("picking-short").click()
      const form = page.getByTestId("picking-short-form")
      await form.waitFor()
      await form.getByTestId("picking-short-found").fill("0")
      await form.getByTestId("picking-short-reason").click()
      await page.getByRole("option", { name: "Damaged", exact: true }).click()
      await screenshot("picking-short.png")
      await form.getByTestId("picking-short-submit").click()
      await form.waitFor({ state: "detached" })
      await until("the short pick to be recorded", async () =>
        (await banner.getAttribute("data-ok")) === "true" && /Short pick recorded/.test(await text(banner)) ? true : undefined
      )
      expect(await text(banner)).toMatch(new RegExp(`0 of ${needed} .* found, ${needed} missing`))
      // The picker moves on (or the wave ends), and the scan field has the focus again.
      await until("the next stop", async () =>
        (await page.getByTestId("picking-scan-done").count()) || (await card.getAttribute("data-stop")) !== stop ? true : undefined
      )
      if (!(await page.getByTestId("picking-scan-done").count())) {
        await until("the scan field to have the focus", async () =>
          (await page.getByTestId("picking-scan-input").evaluate((el) => el === document.activeElement)) ? true : undefined
        )
      }

      // The wave page shows the order short by those units.
      await page.goto(url(`/app/oms/picking/${second!.id}`), { waitUntil: "domcontentloaded" })
      const row = page.getByTestId("picking-wave-orders").locator('[data-testid^="picking-order-row-"]').first()
      await row.waitFor()
      expect(await row.getAttribute("data-status")).toBe("short")
      expect(await text(page.getByTestId("picking-wave-units"))).toMatch(new RegExp(`${needed} short`))
      expect(await row.getByTestId(/^picking-order-pack-/).isDisabled()).toBe(true)
      await screenshot("picking-wave-short.png")

      // On the order's page, routing recorded the rejection at the wave's location and routed again.
      await row.getByRole("link").first().click()
      await page.waitForURL(/\/app\/orders\/order_/)
      const history = page.getByTestId("oms-order-widget").getByTestId("oms-routing-history")
      await history.waitFor({ timeout: ROUTING_TIMEOUT })
      await history.getByTestId("oms-routing-history-entry").filter({ hasText: /^Rejected/ }).first().waitFor()
      expect(await page.getByTestId("picking-order-widget").getByTestId("picking-order-pick-status").getAttribute("data-status")).toBe(
        "short"
      )
    }))

  it("shows an item's bins on its inventory page and edits one in place", () =>
    withServerLog(async () => {
      const { inventory_items } = await api<{ inventory_items: Array<{ id: string }> }>(
        "GET",
        "/admin/inventory-items?sku=TEE-M&fields=id"
      )
      await page.goto(url(`/app/inventory/${inventory_items[0].id}`), { waitUntil: "domcontentloaded" })
      const widget = page.getByTestId("picking-item-bins")
      await widget.waitFor()
      const stocked = catalog.flatMap((product) => product.variants).find((variant) => variant.sku === "TEE-M")!
      const where = DEMO_LOCATIONS.find((location) => stocked.stock[location.key] !== undefined)!
      const row = widget.getByTestId(`picking-item-bin-${where.name}`)
      expect(await text(row.getByTestId("picking-item-bin-code"))).toBe(binOf.get("TEE-M"))

      await row.getByTestId("picking-item-bin-edit").click()
      await row.getByTestId("picking-bin-code").fill("c-07-3-a")
      await row.getByTestId("picking-bin-walk").fill("42")
      await row.getByTestId("picking-bin-save").click()
      await until("the edited bin", async () =>
        (await row.getByTestId("picking-item-bin-code").count()) && (await text(row.getByTestId("picking-item-bin-code"))) === "C-07-3-A"
          ? true
          : undefined
      )
      expect(await text(row)).toMatch(/42\s*Set by hand/)
      await closeToasts()
      await widget.scrollIntoViewIfNeeded()
      await screenshot("picking-inventory-bins.png")
    }))
})
