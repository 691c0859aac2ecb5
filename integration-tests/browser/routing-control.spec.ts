// The routing control room used through a real browser the way a person would: a draft rule
// set with a condition, tried on the demo orders in the simulator, run in shadow, activated;
// then an order's trace, a rejected line and a held order moved by hand. Runs against its own
// seeded server (see ./server.ts) with Debian's chromium driven by playwright-core.
import { Page } from "playwright-core"
import {
  ROUTING_TIMEOUT,
  UI_TIMEOUT,
  adminApi,
  cellText,
  choose,
  dismissToasts,
  eventually,
  logIn,
  rowMenu,
  screenshot,
  textOf,
  waitForText,
} from "./admin-page"
import type { Server } from "./server"
import { adminSession } from "./session"

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { DEMO_LOGIN } = require("../../scripts/lib/demo")

const DATABASE = "medusa_oms_browser_routing"
const ORDERS = 8
const NAME = "Control draft"
jest.setTimeout(240_000)

const session = adminSession(DATABASE, { orders: ORDERS })
const { url, withServerLog } = session
let page: Page
let server: Server
const api = <T>(method: "GET" | "POST", p: string, data?: object) => adminApi(page, server.baseUrl)<T>(method, p, data)
const draftRow = () => page.getByTestId(`oms-rule-set-row-${NAME}-v1`)
const ruleType = (index: number) => page.getByTestId(`oms-rule-${index}`).getAttribute("data-rule-type")

type Location = { id: string; name: string }
type Decision = { status: string; rule_set: string; location_ids: string[]; plan: { shipments: Array<{ location_name: string }> } }
let locations: Location[] = []

/** The decision of each seeded order, oldest order first. */
async function decisions() {
  const { orders } = await api<{ orders: Array<{ id: string; display_id: number }> }>(
    "GET",
    `/admin/orders?limit=${ORDERS}&order=display_id&fields=id,display_id`
  )
  const out: Array<{ id: string; display_id: number; decision: Decision }> = []
  for (const order of orders) {
    const { decision } = await api<{ decision: Decision }>("GET", `/admin/oms/orders/${order.id}/routing`)
    out.push({ ...order, decision })
  }
  return out
}

const openRoutingPage = async () => {
  await page.goto(url("/app/oms/routing"), { waitUntil: "domcontentloaded", timeout: UI_TIMEOUT })
  await page.getByTestId("oms-rule-sets").waitFor({ timeout: UI_TIMEOUT })
}

/** Opens an order's page and waits for its routing decision in the widget. */
const openOrder = async (orderId: string) => {
  await page.goto(url(`/app/orders/${orderId}`), { waitUntil: "domcontentloaded", timeout: UI_TIMEOUT })
  const widget = page.getByTestId("oms-order-widget")
  await widget.getByTestId("oms-routing-status").waitFor({ timeout: ROUTING_TIMEOUT })
  return widget
}

const historyEntries = () => page.getByTestId("oms-routing-history").getByTestId("oms-routing-history-entry")

/** Waits until the widget's history has `count` entries (newest first) and returns the newest. */
const newestHistoryEntry = async (count: number) => {
  await eventually(page, `${count} history entries`, async () => (await historyEntries().count()) === count, ROUTING_TIMEOUT)
  return textOf(historyEntries().first())
}

beforeAll(async () => {
  page = session.page
  server = session.server
  await logIn(page, server.baseUrl)
  // Seeded orders are routed in the background: start once every one has a decision.
  await eventually(
    page,
    "every seeded order routed",
    async () => {
      const { routing } = await api<{ routing: { routed_today: number; held: number; backordered: number } }>(
        "GET",
        "/admin/oms/overview"
      )
      return routing.routed_today + routing.held + routing.backordered >= ORDERS
    },
    ROUTING_TIMEOUT
  )
  locations = (await api<{ locations: Location[] }>("GET", "/admin/oms/locations")).locations
}, 600_000)

describe("The routing control room", () => {
  // The US order Newark DC ships alone today: the draft keeps Newark out of US orders.
  let usOrderId: string

  it("creates a draft with reordered rules and a condition, and shows the server's message under the rule", () =>
    withServerLog(async () => {
      const newark = (await decisions()).find(
        (o) => o.decision.plan.shipments.length === 1 && o.decision.plan.shipments[0].location_name === "Newark DC"
      )
      expect(newark).toBeDefined()
      usOrderId = newark!.id

      await openRoutingPage()
      await page.getByTestId("oms-rule-set-create").click()
      const form = page.getByTestId("oms-rule-set-form")
      await form.waitFor()
      await form.getByTestId("oms-rule-set-name").fill(NAME)

      // Nearest before fewest shipments.
      expect(await ruleType(4)).toBe("fewest_shipments")
      expect(await ruleType(5)).toBe("distance")
      await form.getByTestId("oms-rule-down-4").click()
      expect(await ruleType(4)).toBe("distance")
      expect(await ruleType(5)).toBe("fewest_shipments")

      // Not Newark DC, for orders to the US; first without the country, which the server refuses.
      await choose(page, form, "oms-rule-add-type", "Not these locations")
      await form.getByTestId("oms-rule-add-button").click()
      expect(await ruleType(7)).toBe("exclude_locations")
      await form.getByTestId("oms-rule-locations-7").getByText("Newark DC").click()
      await form.getByTestId("oms-rule-conditions-7-add").click()
      await form.getByTestId("oms-rule-set-save").click()
      const refused = form.getByTestId("oms-rule-conditions-7-error")
      await refused.waitFor()
      expect(await textOf(refused)).toMatch(/Field 'definition\.rules\.7\.condition\.in': list at least one value/)
      await dismissToasts(page)
      await screenshot(page, "oms-rule-condition-error.png")

      await form.getByTestId("oms-rule-conditions-7-0-value").fill("US")
      await form.getByTestId("oms-rule-set-save").click()
      await form.waitFor({ state: "detached" })
      await waitForText(page, draftRow().getByTestId("oms-rule-set-status"), "Draft")
      await waitForText(
        page,
        draftRow().getByTestId("oms-rule-set-filters"),
        "Serves the market, Active, Daily capacity left, Above safety stock, Not these locations"
      )
      await waitForText(page, draftRow().getByTestId("oms-rule-set-ranks"), "Nearest, Fewest shipments, Priority")
      await waitForText(page, draftRow().getByTestId("oms-rule-set-created-by"), /Demo|admin@medusa-oms\.test/)

      // The condition comes back as it was saved.
      await rowMenu(page, draftRow(), "oms-rule-set-edit")
      const again = page.getByTestId("oms-rule-set-form")
      await again.waitFor()
      expect(await again.getByTestId("oms-rule-conditions-7-0-value").inputValue()).toBe("US")
      expect(await textOf(again.getByTestId("oms-rule-conditions-7-0-field"))).toBe("Country")
      expect(await textOf(again.getByTestId("oms-rule-conditions-7-0-operator"))).toBe("is one of")
      await dismissToasts(page)
      await screenshot(page, "oms-rule-set-editor-conditions.png")
      await again.getByRole("button", { name: "Cancel" }).click()
      await again.waitFor({ state: "detached" })
    }))

  it("runs the simulator on the demo orders and sees the totals change", () =>
    withServerLog(async () => {
      await rowMenu(page, draftRow(), "oms-rule-set-simulate")
      await page.waitForURL((u) => u.pathname.endsWith("/app/oms/routing/simulator"))
      const form = page.getByTestId("oms-simulator-form")
      await waitForText(page, form.getByTestId("oms-simulator-rule-set"), `${NAME} v1`)

      // The window is validated by the server, and its message is shown.
      await form.getByTestId("oms-simulator-last").fill("0")
      await form.getByTestId("oms-simulator-run").click()
      await waitForText(page, form.getByTestId("oms-simulator-error"), /last/)

      await form.getByTestId("oms-simulator-last").fill("100")
      await form.getByTestId("oms-simulator-run").click()
      const simulation = page.getByTestId("oms-simulation")
      await eventually(page, "the simulation to finish", async () => (await simulation.getAttribute("data-status")) === "done", ROUTING_TIMEOUT)
      expect(await textOf(simulation.getByTestId("oms-simulation-progress"))).toMatch(`${ORDERS} of ${ORDERS} orders replayed`)

      // Newark DC ships some orders today and none with the draft.
      const newark = page.getByTestId("oms-simulation-load-Newark DC")
      expect(Number(await cellText(newark, 1))).toBeGreaterThan(0)
      expect(await cellText(newark, 2)).toBe("0")
      const changed = await textOf(page.getByTestId("oms-simulation-changed"))
      expect(Number(/^(\d+) of (\d+)/.exec(changed)![1])).toBeGreaterThan(0)
      expect(changed).toMatch(`of ${ORDERS} orders would ship differently`)
      const distance = page.getByTestId("oms-simulation-total-km")
      expect(await textOf(distance.getByTestId("delta"))).not.toBe("No change")
      expect(await textOf(distance.getByTestId("live"))).not.toBe(await textOf(distance.getByTestId("draft")))

      const rows = page.getByTestId("oms-simulation-rows").getByTestId("oms-simulation-row")
      expect(await rows.count()).toBeGreaterThan(0)
      expect((await rows.allTextContents()).some((text) => /instead of .*Newark DC/.test(text))).toBe(true)
      // Each replayed order says how its address was placed.
      const placed = await rows.getByTestId("oms-simulation-row-placement").evaluateAll((cells) =>
        cells.map((cell) => [cell.getAttribute("data-placement"), cell.textContent?.trim()])
      )
      expect(placed.length).toBeGreaterThan(0)
      for (const cell of placed) expect(cell).toEqual(["postal_code", "Placed by postal code"])

      const href = await simulation.getByTestId("oms-simulation-csv").getAttribute("href")
      expect(href).toMatch(/\/admin\/oms\/simulations\/osim_[^/]+\/rows\.csv$/)
      const csv = await page.request.get(url(href!))
      expect(csv.ok()).toBe(true)
      const lines = (await csv.text()).trim().split("\n")
      expect(lines[0]).toMatch(/^order_id,display_id,live_locations,draft_locations/)
      expect(lines).toHaveLength(ORDERS + 1)

      await dismissToasts(page)
      await screenshot(page, "oms-simulator.png")
    }))

  it("runs the draft in shadow, counts its disagreements, activates it, and shows who did what", () =>
    withServerLog(async () => {
      await openRoutingPage()
      await rowMenu(page, draftRow(), "oms-rule-set-shadow-toggle")
      await draftRow().getByTestId("oms-rule-set-shadow").waitFor()

      // A re-route is a new live decision: the draft plans it too, and keeps Newark out.
      await api("POST", `/admin/oms/orders/${usOrderId}/route`, {})
      const stats = draftRow().getByTestId("oms-rule-set-shadow-stats")
      await eventually(page, "the shadow count", async () => {
        await page.reload({ waitUntil: "domcontentloaded" })
        await stats.waitFor({ timeout: UI_TIMEOUT })
        return (await stats.getAttribute("data-planned")) === "1"
      }, ROUTING_TIMEOUT)
      expect(await textOf(stats)).toBe("1 of 1 disagree")

      await stats.click()
      const drawer = page.getByTestId("oms-shadow-drawer")
      await waitForText(page, drawer.getByTestId("oms-shadow-disagreements"), "1")
      const result = drawer.getByTestId("oms-shadow-result")
      await result.waitFor()
      expect(await result.count()).toBe(1)
      expect(await result.getAttribute("data-agrees")).toBe("false")
      expect(await textOf(result.getByTestId("oms-shadow-result-changes"))).toMatch(/instead of Newark DC/)
      await screenshot(page, "oms-shadow.png")
      await page.keyboard.press("Escape")
      await drawer.waitFor({ state: "detached" })

      await rowMenu(page, draftRow(), "oms-rule-set-activate")
      await waitForText(page, draftRow().getByTestId("oms-rule-set-status"), "Active")
      await waitForText(page, draftRow().getByTestId("oms-rule-set-activated-by"), DEMO_LOGIN.email)
      // An active version no longer runs in shadow.
      expect(await draftRow().getByTestId("oms-rule-set-shadow").count()).toBe(0)

      await rowMenu(page, draftRow(), "oms-rule-set-history-open")
      const history = page.getByTestId("oms-rule-set-history")
      const entries = history.getByTestId("oms-rule-set-history-entry")
      await eventually(page, "three history entries", async () => (await entries.count()) >= 3)
      const texts = await entries.allTextContents()
      expect(texts[0]).toMatch(/^Activated/)
      expect(texts.some((t) => /^Shadow mode on/.test(t))).toBe(true)
      expect(texts[texts.length - 1]).toMatch(/^Created/)
      for (const text of texts) expect(text).toContain(`by ${DEMO_LOGIN.email}`)
      await dismissToasts(page)
      await screenshot(page, "oms-rule-set-history.png")
      await page.keyboard.press("Escape")
      await history.waitFor({ state: "detached" })
    }))

  it("opens an order and reads its trace: the rule set that decided and why Newark DC was skipped", () =>
    withServerLog(async () => {
      const widget = await openOrder(usOrderId)
      const before = await historyEntries().count()
      await widget.getByTestId("oms-routing-reroute").click()
      expect(await newestHistoryEntry(before + 1)).toMatch(/^Re-routed/)

      await waitForText(page, widget.getByTestId("oms-routing-rule-set"), `${NAME} v1`)
      expect(await widget.getByTestId("oms-routing-shipment-Newark DC").count()).toBe(0)
      const why = widget.getByTestId("oms-routing-why")
      const showAll = why.getByRole("button", { name: /Show all/ })
      if (await showAll.count()) await showAll.click()
      await why.getByText("Newark DC was skipped: is excluded by the rule").first().waitFor()
      await dismissToasts(page)
      await widget.scrollIntoViewIfNeeded()
      await screenshot(page, "oms-order-trace.png")
    }))

  it("rejects a line at a location and sees the order routed again without it", () =>
    withServerLog(async () => {
      const widget = await openOrder(usOrderId)
      const shipment = widget.locator('[data-testid^="oms-routing-shipment-"]').first()
      const from = (await shipment.getAttribute("data-testid"))!.replace("oms-routing-shipment-", "")
      const before = await historyEntries().count()

      await widget.getByTestId("oms-routing-actions").click()
      await page.getByRole("menu").getByTestId("oms-routing-reject").click()
      const form = page.getByTestId("oms-reject-form")
      await form.waitFor()
      await choose(page, form, "oms-reject-location", from)
      // Nothing picked: the form says so before asking the server.
      await form.getByTestId("oms-reject-form-submit").click()
      await waitForText(page, form.getByTestId("oms-reject-form-error"), "Pick at least one line to reject.")
      await form.getByTestId("oms-reject-lines").getByRole("checkbox").first().click()
      await choose(page, form, "oms-reject-reason", "Damaged")
      await form.getByTestId("oms-reject-note").fill("Broken in the box")
      await dismissToasts(page)
      await screenshot(page, "oms-order-reject.png")
      await form.getByTestId("oms-reject-form-submit").click()
      await form.waitFor({ state: "detached", timeout: ROUTING_TIMEOUT })

      const newest = await newestHistoryEntry(before + 1)
      expect(newest).toMatch(/^Rejected/)
      expect(newest).toContain(`${from} rejected`)
      expect(newest).toContain("damaged: Broken in the box")
      await eventually(page, `${from} gone from the plan`, async () => (await widget.getByTestId(`oms-routing-shipment-${from}`).count()) === 0)
      await dismissToasts(page)
      await screenshot(page, "oms-order-rejected.png")
    }))

  it("moves a held order's lines to another location, after the server refuses one without stock", () =>
    withServerLog(async () => {
      // Hold an order: every location off, then route it again. Its units stay reserved where they were.
      const all = await decisions()
      const held = all.find((o) => o.id !== usOrderId && o.decision.status === "routed")!
      for (const location of locations) await api("POST", `/admin/oms/locations/${location.id}`, { active: false })
      const { decision } = await api<{ decision: Decision }>("POST", `/admin/oms/orders/${held.id}/route`, {})
      expect(decision.status).toBe("held")

      const reserved = await api<{
        locations: Array<{ location_id: string; name: string; lines: Array<{ line_item_id: string; title: string }> }>
      }>("GET", `/admin/oms/orders/${held.id}/reservations`)
      const at = reserved.locations[0]
      const line = at.lines[0]
      const others = locations.filter((l) => l.id !== at.location_id)
      const [target, empty] = others
      // The target gets the line's item in stock; the other location has none free.
      const { reservations } = await api<{ reservations: Array<{ inventory_item_id: string }> }>(
        "GET",
        `/admin/reservations?line_item_id=${line.line_item_id}`
      )
      const itemId = reservations[0].inventory_item_id
      const { inventory_levels } = await api<{
        inventory_levels: Array<{ location_id: string; reserved_quantity: number }>
      }>("GET", `/admin/inventory-items/${itemId}/location-levels`)
      const setLevel = async (locationId: string, free: number) => {
        const level = inventory_levels.find((l) => l.location_id === locationId)
        if (level) {
          await api("POST", `/admin/inventory-items/${itemId}/location-levels/${locationId}`, {
            stocked_quantity: Number(level.reserved_quantity) + free,
          })
        } else {
          await api("POST", `/admin/inventory-items/${itemId}/location-levels`, { location_id: locationId, stocked_quantity: free })
        }
      }
      await setLevel(target.id, 50)
      await setLevel(empty.id, 0)

      // The Order management page counts it as held, as the API does.
      await page.goto(url("/app/oms"), { waitUntil: "domcontentloaded" })
      const { routing } = await api<{ routing: { held: number; routed_today: number } }>("GET", "/admin/oms/overview")
      expect(routing.held).toBeGreaterThanOrEqual(1)
      await waitForText(page, page.getByTestId("oms-held"), String(routing.held))
      await waitForText(page, page.getByTestId("oms-routed-today"), String(routing.routed_today))
      await dismissToasts(page)
      await screenshot(page, "oms-page-routing.png")

      // The queue lists it with Retry and Move; Move opens the same form as the order page.
      await page.goto(url("/app/oms/routing"), { waitUntil: "domcontentloaded" })
      const queued = page.getByTestId(`oms-queue-row-${held.id}`)
      await queued.waitFor({ timeout: ROUTING_TIMEOUT })
      await queued.getByTestId(`oms-queue-move-${held.id}`).click()
      const queueForm = page.getByTestId("oms-move-form")
      await queueForm.waitFor()
      expect(await textOf(queueForm)).toContain(line.title)
      await screenshot(page, "oms-queue-move.png")
      await page.keyboard.press("Escape")
      await queueForm.waitFor({ state: "detached" })

      const widget = await openOrder(held.id)
      expect(await widget.getByTestId("oms-routing-status").getAttribute("data-status")).toBe("held")
      const before = await historyEntries().count()
      await widget.getByTestId("oms-routing-actions").click()
      await page.getByRole("menu").getByTestId("oms-routing-move").click()
      const form = page.getByTestId("oms-move-form")
      await form.waitFor()
      await choose(page, form, "oms-move-from", at.name)
      await form.getByTestId(`oms-move-lines-${line.line_item_id}`).getByRole("checkbox").click()

      await choose(page, form, "oms-move-to", empty.name)
      await form.getByTestId("oms-move-form-submit").click()
      await waitForText(page, form.getByTestId("oms-move-form-error"), /to_location_id: the location has 0 unit\(s\) free/)
      await dismissToasts(page)
      await screenshot(page, "oms-order-move-refused.png")

      await choose(page, form, "oms-move-to", target.name)
      await form.getByTestId("oms-move-form-submit").click()
      await form.waitFor({ state: "detached", timeout: ROUTING_TIMEOUT })
      expect(await newestHistoryEntry(before + 1)).toMatch(new RegExp(`^Moved.*to ${target.name}`))
      const moved = widget.getByTestId(`oms-order-location-${target.name}`)
      await moved.waitFor()
      expect(await textOf(moved)).toContain(line.title)
      await dismissToasts(page)
      await widget.scrollIntoViewIfNeeded()
      await screenshot(page, "oms-order-moved.png")

      // Moved by hand, the order ships from where it was moved: it leaves the queue.
      await page.goto(url("/app/oms/routing"), { waitUntil: "domcontentloaded" })
      await page.getByTestId("oms-queue").waitFor()
      await page.getByTestId(`oms-queue-row-${held.id}`).waitFor({ state: "detached", timeout: ROUTING_TIMEOUT })
    }))
})
