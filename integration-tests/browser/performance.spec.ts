// The Performance page through a real browser, on the demo store with its seeded past weeks
// (scripts/seed/demo-history.ts: orders placed, routed, picked, packed, shipped and delivered
// with the offline carrier's labels, some returned): the charts are drawn from that history and
// its numbers are the API's, a location filter changes them, a number opens the orders behind it
// (and one of them on Medusa's order page), and the CSV export downloads the same numbers.
// Runs against its own seeded server and database (see ./server.ts).
import { parse } from "csv-parse/sync"
import { readFileSync } from "fs"
import { Page } from "playwright-core"
import { formatMetric } from "../../src/admin/lib/metrics"
import type { PerformanceReportResponse } from "../../src/types/metrics"
import { adminApi, choose, eventually, logIn, screenshot as saveScreenshot, textOf as text, waitForText } from "./admin-page"
import type { Server } from "./server"
import { adminSession } from "./session"

const DATABASE = "medusa_oms_browser_performance"

jest.setTimeout(300_000)

// 16 history orders: enough for every week to measure something; seeding them walks each through
// its whole life, a few seconds of workflows per order (longer on a busy machine).
const session = adminSession(DATABASE, { orders: 2, acceptDownloads: true, history: 16, setupTimeoutMs: 1_500_000 })
const { url, withServerLog } = session
let page: Page
let server: Server
beforeAll(() => {
  page = session.page
  server = session.server
})

const screenshot = (name: string) => saveScreenshot(page, name)
const api = <T,>(method: "GET" | "POST" | "DELETE", p: string, data?: object): Promise<T> => adminApi(page, server.baseUrl)<T>(method, p, data)

/** The report the page asks for with the same filters (the page's own range is read off its inputs). */
const report = async (query: Record<string, string>) =>
  api<PerformanceReportResponse>("GET", `/admin/oms/metrics?${new URLSearchParams({ bucket: "week", compare: "true", ...query })}`)

const cardValue = (key: string) => page.getByTestId(`metric-value-${key}`)

describe("Performance page", () => {
  let range: { from: string; to: string }
  let all: PerformanceReportResponse
  let chosen: PerformanceReportResponse["by_location"][number]

  it("is linked from Order management and draws its charts from the demo store's history", () =>
    withServerLog(async () => {
      await logIn(page, server.baseUrl)
      await page.goto(url("/app/oms"), { waitUntil: "domcontentloaded" })
      await page.getByTestId("oms-performance-link").click()
      await page.waitForURL(/\/app\/oms\/performance$/)
      await page.getByTestId("performance-report").waitFor()
      range = { from: await page.getByTestId("performance-from").inputValue(), to: await page.getByTestId("performance-to").inputValue() }
      all = await report(range)

      // The seed's six weeks: shipped, delivered and returned orders, labels bought.
      const shipped = all.metrics.placed_to_shipped
      expect(shipped.current.count).toBeGreaterThanOrEqual(12)
      expect(all.metrics.placed_to_delivered.current.count).toBeGreaterThanOrEqual(10)
      expect(all.returns.by_reason.length).toBeGreaterThan(0)
      expect(all.by_carrier.map((c) => c.carrier)).toContain("offline")
      expect(shipped.series.filter((p) => p.value !== null).length).toBeGreaterThanOrEqual(5)

      // The headline is the API's number, in its unit, with the previous period's change.
      await waitForText(page, cardValue("placed_to_shipped"), formatMetric(shipped.current.value, "hours"))
      expect(await text(page.getByTestId("metric-card-placed_to_shipped"))).toContain(`${shipped.current.count} measured`)
      expect(await text(page.getByTestId("performance-previous-range"))).toContain(all.previous_range!.from)

      // Charts: one line per lead time, one bar per week that measured something.
      const lead = page.getByTestId("chart-lead-times")
      await eventually(page, "the lead-time lines", async () => (await lead.locator(".recharts-line-curve").count()) === 5)
      const bars = page.getByTestId("chart-label_cost_per_order").locator(".recharts-bar-rectangle path")
      const measuredWeeks = all.metrics.label_cost_per_order.series.filter((p) => p.value !== null && p.value > 0).length
      await eventually(page, "a bar per measured week", async () => (await bars.count()) === measuredWeeks)
      expect(measuredWeeks).toBeGreaterThanOrEqual(5)

      // Tables: every warehouse that shipped, the offline carrier, the reasons people gave.
      expect(await page.getByTestId("performance-location-row").count()).toBe(all.by_location.length)
      expect(await text(page.getByTestId("performance-carriers"))).toContain("Offline")
      expect(await page.getByTestId("performance-returns-reason-row").count()).toBe(all.returns.by_reason.length)
      await screenshot("performance-page.png")
    }), 480_000)

  it("changes its numbers when a location is chosen", () =>
    withServerLog(async () => {
      chosen = [...all.by_location].sort(
        (a, b) => (b.values.placed_to_shipped?.count ?? 0) - (a.values.placed_to_shipped?.count ?? 0)
      )[0]
      const there = await report({ ...range, location_id: chosen.location_id })
      const count = there.metrics.placed_to_shipped.current.count
      expect(count).toBeGreaterThan(0)
      expect(count).toBeLessThan(all.metrics.placed_to_shipped.current.count)

      await choose(page, page.getByTestId("performance-filters"), "performance-location", chosen.name)
      // The filters are in the address (going back from an order keeps them).
      expect(new URL(page.url()).searchParams.get("location_id")).toBe(chosen.location_id)
      await waitForText(page, page.getByTestId("metric-card-placed_to_shipped"), new RegExp(`\\b${count} measured`))
      await waitForText(page, cardValue("placed_to_shipped"), formatMetric(there.metrics.placed_to_shipped.current.value, "hours"))
      await screenshot("performance-location.png")
    }), 240_000)

  it("opens the orders behind a number, each a link to Medusa's order page", () =>
    withServerLog(async () => {
      const there = await report({ ...range, location_id: chosen.location_id })
      const count = there.metrics.placed_to_shipped.current.count

      await cardValue("placed_to_shipped").click()
      const drawer = page.getByTestId("metric-orders-drawer")
      await drawer.getByTestId("metric-order-row").first().waitFor()
      expect(await drawer.getByTestId("metric-order-row").count()).toBe(Math.min(count, 20))
      expect(await text(drawer.getByTestId("metric-orders-count"))).toMatch(new RegExp(`of ${count} orders$`))
      expect(await text(drawer)).toContain(chosen.name)
      await screenshot("performance-drill-down.png")

      const first = drawer.getByTestId("metric-order-link").first()
      const number = await text(first)
      await first.click()
      await page.waitForURL(/\/app\/orders\/order_/)
      await page.getByText(number, { exact: false }).first().waitFor()
      await page.goBack()
      await page.getByTestId("performance-report").waitFor()
      await waitForText(page, page.getByTestId("performance-location"), chosen.name)
    }), 240_000)

  it("downloads the numbers on screen as CSV", () =>
    withServerLog(async () => {
      const there = await report({ ...range, location_id: chosen.location_id })

      const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("performance-export").click()])
      expect(download.suggestedFilename()).toMatch(/\.csv$/)
      const rows: string[][] = parse(readFileSync((await download.path())!, "utf8"), { bom: true })
      expect(rows[0]).toEqual(["metric", "label", "unit", "period", "bucket", "value", "p50", "p90", "count"])
      const current = rows.find((r) => r[0] === "placed_to_shipped" && r[3] === "current")!
      expect(current[4]).toBe(`${range.from}..${range.to}`)
      expect(Number(current[8])).toBe(there.metrics.placed_to_shipped.current.count)
      expect(Number(current[5])).toBeCloseTo(there.metrics.placed_to_shipped.current.value!, 3)
      const weeks = rows.filter((r) => r[0] === "placed_to_shipped" && r[3] === "bucket").map((r) => r[4])
      expect(weeks).toEqual(there.metrics.placed_to_shipped.series.map((p) => p.bucket))
      expect(rows.some((r) => r[3] === "previous")).toBe(true)
    }), 240_000)
})
