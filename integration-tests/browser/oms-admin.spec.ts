// The admin's Order management page and order widget, used through a real browser the way
// a person would: log in, open the page from the sidebar, edit a location's routing
// profile in the drawer, open an order. Runs against a seeded `medusa develop`-style server
// (see ./server.ts) with Debian's chromium driven by playwright-core.
import { Locator, Page } from "playwright-core"
import {
  ROUTING_TIMEOUT,
  UI_TIMEOUT,
  adminApi,
  cellText,
  dismissToasts,
  openLogin as openLoginAt,
  rowMenu as rowMenuOf,
  screenshot as screenshotOf,
  waitForText as waitForTextOn,
} from "./admin-page"
import type { Server } from "./server"
import { adminSession } from "./session"

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { DEMO_LOGIN } = require("../../scripts/lib/demo")

const DATABASE = "medusa_oms_browser"
const ORDERS = 8
const WAREHOUSES = ["Newark DC", "Reno Fulfillment Center", "Rotterdam Hub", "Midlands Warehouse"]
const ROUTING_STATUSES = ["routed", "partially_routed", "held", "backordered", "canceled"]
jest.setTimeout(180_000)

const session = adminSession(DATABASE, { orders: ORDERS })
const { url, withServerLog } = session
let page: Page
let server: Server
beforeAll(() => {
  page = session.page
  server = session.server
})
const screenshot = (name: string) => screenshotOf(page, name)
const waitForText = (locator: Locator, expected: string, timeout = UI_TIMEOUT) =>
  waitForTextOn(page, locator, expected, timeout)
const rowMenu = (row: Locator, item: string) => rowMenuOf(page, row, item)
const openLogin = () => openLoginAt(page, server.baseUrl)

/** Column 2 of the Locations table is the priority. */
const priorityCell = (name: string) => page.getByTestId(`oms-location-row-${name}`).locator("td").nth(2)

const openOmsPage = async () => {
  await page.goto(url("/app/oms"), { waitUntil: "domcontentloaded", timeout: UI_TIMEOUT })
  await page.getByTestId("oms-location-row-Newark DC").waitFor({ timeout: UI_TIMEOUT })
}

const openDrawer = async (name: string) => {
  await page.getByTestId(`oms-location-edit-${name}`).click()
  const form = page.getByTestId("oms-profile-form")
  await form.waitFor({ timeout: UI_TIMEOUT })
  await form.getByText(name, { exact: false }).first().waitFor({ timeout: UI_TIMEOUT })
  return form
}

describe("Order management in the admin", () => {
  it("logs in and shows today's orders, fulfillment and stock per warehouse", () =>
    withServerLog(async () => {
      await openLogin()
      await page.locator('input[name="email"]').fill(DEMO_LOGIN.email)
      await page.locator('input[name="password"]').fill(DEMO_LOGIN.password)
      await page.locator('button[type="submit"]').click()
      await page.waitForURL((u) => !u.pathname.includes("/login"), { timeout: UI_TIMEOUT })

      const sidebarLink = page.getByRole("link", { name: "Order management" })
      await sidebarLink.first().click({ timeout: UI_TIMEOUT })
      await page.waitForURL((u) => u.pathname.endsWith("/app/oms"), { timeout: UI_TIMEOUT })
      await page.getByRole("heading", { name: "Order management", level: 1 }).waitFor()

      await waitForText(page.getByTestId("oms-orders-today"), String(ORDERS))
      await waitForText(page.getByTestId("oms-fulfillment-not_fulfilled"), String(ORDERS))
      for (const name of WAREHOUSES) {
        const row = page.getByTestId(`oms-stock-row-${name}`)
        await row.waitFor()
        expect(await cellText(row, 0)).toBe(name)
        await page.getByTestId(`oms-location-row-${name}`).waitFor()
      }
      expect(await page.locator('[data-testid^="oms-stock-row-"]').count()).toBe(WAREHOUSES.length)

      await screenshot("oms-page.png")
    }))

  it("edits Newark DC's priority in the drawer, and the table keeps it after a reload", () =>
    withServerLog(async () => {
      await openOmsPage()
      expect(await priorityCell("Newark DC").textContent()).toBe("1")

      const form = await openDrawer("Newark DC")
      await form.getByTestId("oms-profile-priority").fill("3")
      await form.getByTestId("oms-profile-save").click()
      await form.waitFor({ state: "detached", timeout: UI_TIMEOUT })

      await waitForText(priorityCell("Newark DC"), "3")

      await page.reload({ waitUntil: "domcontentloaded" })
      await waitForText(priorityCell("Newark DC"), "3")
    }))

  it("shows the server's message inline for a priority out of range and changes nothing", () =>
    withServerLog(async () => {
      await openOmsPage()
      await waitForText(priorityCell("Newark DC"), "3")
      const before = await Promise.all(WAREHOUSES.map((name) => priorityCell(name).textContent()))

      const form = await openDrawer("Newark DC")
      await form.getByTestId("oms-profile-priority").fill("5000")
      await form.getByTestId("oms-profile-save").click()

      const error = form.getByTestId("oms-profile-error")
      await error.waitFor({ timeout: UI_TIMEOUT })
      expect((await error.textContent()) ?? "").toMatch(/priority/i)
      // The drawer stays open with what the person typed.
      expect(await form.getByTestId("oms-profile-priority").inputValue()).toBe("5000")
      await screenshot("oms-profile-error.png")

      await form.getByRole("button", { name: "Cancel" }).click()
      await form.waitFor({ state: "detached", timeout: UI_TIMEOUT })
      await page.reload({ waitUntil: "domcontentloaded" })
      await waitForText(priorityCell("Newark DC"), "3")
      const after = await Promise.all(WAREHOUSES.map((name) => priorityCell(name).textContent()))
      expect(after).toEqual(before)
    }))

  it("shows the order's routing decision and reservations on the order's page, and re-routes it", () =>
    withServerLog(async () => {
      await page.goto(url("/app/orders"), { waitUntil: "domcontentloaded", timeout: UI_TIMEOUT })
      const firstOrder = page.locator('a[href*="/orders/order_"]').first()
      await firstOrder.waitFor({ timeout: UI_TIMEOUT })
      await firstOrder.click()
      await page.waitForURL(/\/app\/orders\/order_/, { timeout: UI_TIMEOUT })

      const widget = page.getByTestId("oms-order-widget")
      await widget.waitFor({ timeout: UI_TIMEOUT })

      // Seeded orders are routed by the order.placed subscriber in the background; the widget
      // shows "Not routed yet" and asks again until the decision is there.
      const status = widget.getByTestId("oms-routing-status")
      await status.waitFor({ timeout: ROUTING_TIMEOUT })
      expect(ROUTING_STATUSES).toContain(await status.getAttribute("data-status"))
      expect(((await status.textContent()) ?? "").trim().toLowerCase()).toBe(
        (await status.getAttribute("data-status"))!.replace(/_/g, " ")
      )
      expect(["exact", "heuristic"]).toContain(((await widget.getByTestId("oms-routing-method").textContent()) ?? "").trim())
      // The demo shoppers' addresses are all placed by their postal codes (US ZIPs, GeoNames' European codes).
      const placement = widget.getByTestId("oms-routing-placement")
      expect(await placement.getAttribute("data-placement")).toBe("postal_code")
      expect(((await placement.textContent()) ?? "").trim()).toBe("Placed by postal code")
      const decision = ((await widget.getByTestId("oms-routing-decision").textContent()) ?? "").trim()
      expect(decision.length).toBeGreaterThan(10)

      const shipments = widget.locator('[data-testid^="oms-routing-shipment-"]')
      const shipmentNames = await shipments.evaluateAll((els) =>
        els.map((el) => el.getAttribute("data-testid")!.replace("oms-routing-shipment-", ""))
      )
      for (const name of shipmentNames) expect(WAREHOUSES).toContain(name)
      if (shipmentNames.length > 0) expect((await shipments.first().textContent()) ?? "").toMatch(/\d+x/)
      // The default rule set ranks by fewest shipments, distance and priority: there is always a
      // "why". A long one starts collapsed.
      const why = widget.getByTestId("oms-routing-why")
      const showAll = why.getByRole("button", { name: /Show all/ })
      if (await showAll.count()) await showAll.click()
      await why.getByText(/Rank by/).first().waitFor({ timeout: UI_TIMEOUT })

      const locations = widget.locator('[data-testid^="oms-order-location-"]')
      await locations.first().waitFor({ timeout: UI_TIMEOUT })
      const names = await locations.evaluateAll((els) =>
        els.map((el) => el.getAttribute("data-testid")!.replace("oms-order-location-", ""))
      )
      expect(names.length).toBeGreaterThanOrEqual(1)
      for (const name of names) expect(WAREHOUSES).toContain(name)
      const first = (await locations.first().textContent()) ?? ""
      expect(first).toMatch(/\d+ units?/)
      expect(first).toMatch(/\d+x/)

      const history = widget.getByTestId("oms-routing-history").getByTestId("oms-routing-history-entry")
      const before = await history.count()
      expect(before).toBeGreaterThanOrEqual(1)

      await widget.getByTestId("oms-routing-reroute").click()
      const until = Date.now() + ROUTING_TIMEOUT
      while ((await history.count()) !== before + 1) {
        const failed = widget.getByTestId("oms-routing-reroute-error")
        if (await failed.count()) throw new Error(`re-route failed: ${await failed.textContent()}`)
        if (Date.now() > until) throw new Error(`history still has ${await history.count()} entries, expected ${before + 1}`)
        await page.waitForTimeout(250)
      }
      // Newest first: the entry the re-route added is on top.
      expect((await history.first().textContent()) ?? "").toMatch(/Re-routed/)
      await status.waitFor({ timeout: UI_TIMEOUT })
      expect(((await widget.getByTestId("oms-routing-decision").textContent()) ?? "").trim().length).toBeGreaterThan(10)

      // The re-route's toast confirms it; let it go so it does not cover the widget in the shot.
      const toast = page.getByText("Order re-routed", { exact: true })
      await toast.first().waitFor({ timeout: UI_TIMEOUT })
      await toast.first().waitFor({ state: "hidden", timeout: 30_000 }).catch(() => undefined)

      await widget.scrollIntoViewIfNeeded()
      await screenshot("oms-order-widget.png")
    }), 420_000)
})

describe("Routing rules in the admin", () => {
  const NAME = "Browser rules"
  const row = () => page.getByTestId(`oms-rule-set-row-${NAME}-v1`)
  const ruleType = (index: number) => page.getByTestId(`oms-rule-${index}`).getAttribute("data-rule-type")

  it("creates a draft from the default rules, reorders it, saves it, activates it", () =>
    withServerLog(async () => {
      await openOmsPage()
      // A sub-route with a label is nested under Order management in the sidebar.
      await page.getByRole("link", { name: "Routing", exact: true }).first().click({ timeout: UI_TIMEOUT })
      await page.waitForURL((u) => u.pathname.endsWith("/app/oms/routing"), { timeout: UI_TIMEOUT })
      await page.getByRole("heading", { name: "Routing", level: 1 }).waitFor()
      await page.getByTestId("oms-queue").waitFor()

      await page.getByTestId("oms-rule-set-create").click()
      const form = page.getByTestId("oms-rule-set-form")
      await form.waitFor({ timeout: UI_TIMEOUT })
      await form.getByTestId("oms-rule-set-name").fill(NAME)
      expect(await ruleType(0)).toBe("serves_market")
      expect(await ruleType(1)).toBe("active")
      await form.getByTestId("oms-rule-down-0").click()
      expect(await ruleType(0)).toBe("active")
      expect(await ruleType(1)).toBe("serves_market")
      await screenshot("oms-routing-editor.png")
      await form.getByTestId("oms-rule-set-save").click()
      await form.waitFor({ state: "detached", timeout: UI_TIMEOUT })

      const filters = "Active, Serves the market, Daily capacity left, Above safety stock"
      await waitForText(row().getByTestId("oms-rule-set-status"), "Draft")
      await waitForText(row().getByTestId("oms-rule-set-filters"), filters)

      await page.reload({ waitUntil: "domcontentloaded" })
      await waitForText(row().getByTestId("oms-rule-set-filters"), filters)
      await waitForText(row().getByTestId("oms-rule-set-ranks"), "Fewest shipments, Nearest, Priority")
      expect(await cellText(row(), 2)).toBe("All channels")

      await rowMenu(row(), "oms-rule-set-activate")
      await waitForText(row().getByTestId("oms-rule-set-status"), "Active")
      await page.reload({ waitUntil: "domcontentloaded" })
      await waitForText(row().getByTestId("oms-rule-set-status"), "Active")
    }))

  it("shows the server's messages, duplicates and edits a draft with a location rule, and shows the queue", () =>
    withServerLog(async () => {
      await waitForText(row().getByTestId("oms-rule-set-status"), "Active")
      await rowMenu(row(), "oms-rule-set-edit")
      const form = page.getByTestId("oms-rule-set-form")
      await form.waitFor({ timeout: UI_TIMEOUT })
      await form.getByTestId("oms-rule-set-save").click()
      const error = form.getByTestId("oms-rule-set-error")
      await error.waitFor({ timeout: UI_TIMEOUT })
      expect((await error.textContent()) ?? "").toMatch(/only drafts/i)
      await form.getByRole("button", { name: "Cancel" }).click()
      await form.waitFor({ state: "detached", timeout: UI_TIMEOUT })

      // With every location switched off (through the API, with the admin's session), a
      // re-routed order is held: it appears in the queue, links to its order, and Retry routes it.
      const api = <T,>(method: "GET" | "POST", p: string, data?: object) => adminApi(page, server.baseUrl)<T>(method, p, data)
      const { locations } = await api<{ locations: Array<{ id: string }> }>("GET", "/admin/oms/locations")
      for (const location of locations) await api("POST", `/admin/oms/locations/${location.id}`, { active: false })
      const { orders } = await api<{ orders: Array<{ id: string }> }>("GET", "/admin/orders?limit=1&fields=id")
      const orderId = orders[0].id
      const { decision } = await api<{ decision: { status: string } }>("POST", `/admin/oms/orders/${orderId}/route`, {})
      expect(decision.status).toBe("held")

      await page.reload({ waitUntil: "domcontentloaded" })
      const queue = page.getByTestId("oms-queue")
      const queued = queue.getByTestId(`oms-queue-row-${orderId}`)
      await queued.waitFor({ timeout: UI_TIMEOUT })
      expect(await queued.locator("a").getAttribute("href")).toMatch(new RegExp(`/app/orders/${orderId}$`))
      expect(await cellText(queued, 1)).toBe("Held")
      await queued.getByTestId(`oms-queue-retry-${orderId}`).click()
      await page.getByText("Order routed again", { exact: true }).first().waitFor({ timeout: ROUTING_TIMEOUT })
      await queued.waitFor({ timeout: UI_TIMEOUT })

      // Duplicate makes draft v2; add "Not these locations": without a location the server
      // names the field, with one it saves.
      await rowMenu(row(), "oms-rule-set-duplicate")
      const draft = page.getByTestId(`oms-rule-set-row-${NAME}-v2`)
      await waitForText(draft.getByTestId("oms-rule-set-status"), "Draft")
      await rowMenu(draft, "oms-rule-set-edit")
      const editor = page.getByTestId("oms-rule-set-form")
      await editor.waitFor({ timeout: UI_TIMEOUT })
      expect(await ruleType(0)).toBe("active")
      await editor.getByTestId("oms-rule-add-type").click()
      await page.getByRole("option", { name: "Not these locations" }).click()
      await editor.getByTestId("oms-rule-add-button").click()
      expect(await ruleType(7)).toBe("exclude_locations")
      await editor.getByTestId("oms-rule-set-save").click()
      const invalid = editor.getByTestId("oms-rule-set-error")
      await invalid.waitFor({ timeout: UI_TIMEOUT })
      expect((await invalid.textContent()) ?? "").toMatch(/location/i)
      await screenshot("oms-routing-editor-error.png")
      await editor.getByTestId("oms-rule-locations-7").getByText("Rotterdam Hub").click()
      await editor.getByTestId("oms-rule-set-save").click()
      await editor.waitFor({ state: "detached", timeout: UI_TIMEOUT })
      await waitForText(
        draft.getByTestId("oms-rule-set-filters"),
        "Active, Serves the market, Daily capacity left, Above safety stock, Not these locations"
      )

      // Close the toasts so they do not cover the page in the shot.
      await dismissToasts(page)
      await screenshot("oms-routing.png")
    }))
})
