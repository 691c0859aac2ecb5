// Returns in the admin, end to end through a real browser: a return policy written in the policy
// editor; a customer's order placed, paid, shipped and delivered; the return requested through
// the store API as that customer; at the inspection station the parcel scanned in by its RMA
// code and its items scanned the way a USB scanner types (code + Enter), one wrong item refused
// in red and recorded, each unit graded with a letter (one damaged); then the restock at the
// destination warehouse (its inventory level), Medusa's refund, the order widget's story and the
// Returns page's queue and numbers. Runs against its own seeded server and database (./server.ts).
import { Page } from "playwright-core"
import { DEMO_CUSTOMER_ADDRESSES } from "../../scripts/seed/geography"
import { registerCustomer } from "../helpers/returns"
import { checkoutViaStoreApi } from "../helpers/storefront"
import { adminApi, choose, dismissToasts, eventually, logIn, ROUTING_TIMEOUT, screenshot as saveScreenshot, textOf, waitForText } from "./admin-page"
import type { Server } from "./server"
import { adminSession } from "./session"

const DATABASE = "medusa_oms_browser_returns"
const SKU = "TEE-L"
const WRONG_ITEM = "HOOD-XL"
const POLICY = "US returns"

jest.setTimeout(300_000)

const session = adminSession(DATABASE, { orders: 0 })
const { url, withServerLog } = session
let page: Page
let server: Server
beforeAll(() => {
  page = session.page
  server = session.server
})

const screenshot = (name: string) => saveScreenshot(page, name)
const api = <T,>(method: "GET" | "POST" | "DELETE", p: string, data?: object): Promise<T> => adminApi(page, server.baseUrl)<T>(method, p, data)

/**
 * The store API as a storefront calls it (no admin cookie): axios-shaped, so the shared
 * storefront and returns helpers run over it; `defaults` go with every request.
 */
const storeClient = (defaults: Record<string, string> = {}) => {
  const call = async (method: string, p: string, body?: unknown, config?: { headers?: Record<string, string> }) => {
    const response = await fetch(url(p), {
      method,
      headers: { "content-type": "application/json", ...defaults, ...(config?.headers ?? {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const data = await response.json().catch(() => ({}))
    if (!response.ok) throw new Error(`${method} ${p}: ${response.status} ${JSON.stringify(data)}`)
    return { data, status: response.status }
  }
  return {
    get: (p: string, config?: { headers?: Record<string, string> }) => call("GET", p, undefined, config),
    post: (p: string, body: unknown, config?: { headers?: Record<string, string> }) => call("POST", p, body, config),
  }
}

type Level = { location_id: string; stocked_quantity: number }
type Case = {
  id: string
  rma_code: string
  status: string
  lines: Array<{ id: string; sku: string; quantity: number; unit_refund: number; destination_location_id: string | null }>
  inspections: Array<{ grade: string; quantity: number; disposition: string; location_id: string | null }>
  breakdown: { total: number } | null
}

/** Return reasons and a free drop-off return option at every warehouse, as a store sets them up in Settings. */
const setUpReturns = async () => {
  for (const [value, label] of [
    ["wrong_size", "Wrong size"],
    ["damaged", "Arrived damaged"],
  ]) {
    await api("POST", "/admin/return-reasons", { value, label })
  }
  const { shipping_profiles } = await api<{ shipping_profiles: Array<{ id: string; type: string }> }>("GET", "/admin/shipping-profiles?fields=id,type")
  const profile = shipping_profiles.find((p) => p.type === "default") ?? shipping_profiles[0]
  const { stock_locations } = await api<{ stock_locations: Array<{ id: string; name: string; fulfillment_sets: Array<{ service_zones: Array<{ id: string }> }> }> }>(
    "GET",
    "/admin/stock-locations?limit=50&fields=id,name,*fulfillment_sets,*fulfillment_sets.service_zones"
  )
  for (const location of stock_locations) {
    const zone = location.fulfillment_sets?.[0]?.service_zones?.[0]
    if (!zone) continue
    await api("POST", "/admin/shipping-options", {
      name: `Return to ${location.name}`,
      service_zone_id: zone.id,
      shipping_profile_id: profile.id,
      provider_id: "manual_manual",
      price_type: "flat",
      type: { label: "Return", description: "Return parcel", code: "return" },
      prices: [
        { currency_code: "usd", amount: 0 },
        { currency_code: "eur", amount: 0 },
        { currency_code: "gbp", amount: 0 },
      ],
      rules: [
        { attribute: "enabled_in_store", value: "true", operator: "eq" },
        { attribute: "is_return", value: "true", operator: "eq" },
      ],
    })
  }
  return Object.fromEntries(stock_locations.map((l) => [l.id, l.name]))
}

/**
 * A customer's order to Boston through the store API, then fulfilled where routing placed it,
 * paid, shipped and delivered through Medusa's admin routes (as the returns helpers'
 * deliveredOrder does, over HTTP since the server runs in its own process).
 */
const deliveredOrderOverHttp = async (publishableKey: string, email: string) => {
  const key = { "x-publishable-api-key": publishableKey }
  const shopper = await registerCustomer(storeClient(key), { publishable_key: publishableKey } as never, email)
  const { regions } = await api<{ regions: Array<{ id: string; currency_code: string }> }>("GET", "/admin/regions?fields=id,currency_code")
  const { variants } = await api<{ variants: Array<{ id: string; sku: string }> }>("GET", `/admin/product-variants?limit=200&fields=id,sku`)
  const variant = variants.find((v) => v.sku === SKU)!
  const boston = DEMO_CUSTOMER_ADDRESSES.find((a) => a.city === "Boston")!
  const placed = await checkoutViaStoreApi(storeClient({ ...key, authorization: shopper.headers.headers.authorization }), {
    publishableKey,
    regionId: regions.find((r) => r.currency_code === "usd")!.id,
    email,
    address: boston,
    items: [{ variant_id: variant.id, quantity: 2 }],
  })
  expect(placed.type).toBe("order")
  const orderId: string = placed.order.id

  const decision = await eventually(
    page,
    "the order's routing decision",
    async () => {
      const res = await page.request.fetch(url(`/admin/oms/orders/${orderId}/routing`))
      if (!res.ok()) return undefined
      const { decision } = await res.json()
      return decision?.location_ids?.length ? (decision as { location_ids: string[] }) : undefined
    },
    ROUTING_TIMEOUT
  )
  const location_id = decision.location_ids[0]
  const fields = "id,display_id,customer_id,*items,*fulfillments,*payment_collections,*payment_collections.payments"
  const read = async () => (await api<{ order: any }>("GET", `/admin/orders/${orderId}?fields=${fields}`)).order
  const order = await read()
  expect(order.customer_id).toBe(shopper.customer_id)
  const items = order.items.map((i: any) => ({ id: i.id, quantity: i.quantity }))
  await api("POST", `/admin/orders/${orderId}/fulfillments`, { location_id, items })
  await api("POST", `/admin/payments/${order.payment_collections[0].payments[0].id}/capture`, {})
  const fulfillment = (await read()).fulfillments[0]
  await api("POST", `/admin/orders/${orderId}/fulfillments/${fulfillment.id}/shipments`, { items })
  await api("POST", `/admin/orders/${orderId}/fulfillments/${fulfillment.id}/mark-as-delivered`, {})
  return { orderId, displayId: order.display_id as number, shopper, key, lineId: order.items[0].id as string, variantId: variant.id }
}

const stockedAt = async (sku: string, locationId: string) => {
  const { inventory_items } = await api<{ inventory_items: Array<{ id: string }> }>("GET", `/admin/inventory-items?sku=${sku}&fields=id`)
  const { inventory_levels } = await api<{ inventory_levels: Level[] }>(
    "GET",
    `/admin/inventory-items/${inventory_items[0].id}/location-levels?fields=location_id,stocked_quantity&limit=50`
  )
  return Number(inventory_levels.find((l) => l.location_id === locationId)?.stocked_quantity ?? 0)
}

/** Types on whatever has the focus, as a USB scanner does, then Enter. */
const scan = async (code: string) => {
  await page.keyboard.type(code)
  await page.keyboard.press("Enter")
}

describe("Returns in the admin", () => {
  let locationNames: Record<string, string> = {}
  let order: Awaited<ReturnType<typeof deliveredOrderOverHttp>>
  let rma = ""
  let caseId = ""
  let destination = ""
  let stockedBefore = 0

  it("writes the US return policy in the policy editor", () =>
    withServerLog(async () => {
      await logIn(page, server.baseUrl)
      locationNames = await setUpReturns()
      await page.goto(url("/app/oms"), { waitUntil: "domcontentloaded" })
      await page.getByTestId("oms-returns-link").click()
      await page.waitForURL((u) => u.pathname.endsWith("/app/oms/returns"))
      await page.getByRole("heading", { name: "Returns", level: 1 }).waitFor()
      await page.getByTestId("returns-policies-link").click()
      await page.getByRole("heading", { name: "Return policies", level: 1 }).waitFor()
      await page.getByTestId("policies-table").getByText("No return policy yet", { exact: false }).waitFor()

      await page.getByTestId("policy-add").click()
      const form = page.getByTestId("policy-form")
      await form.waitFor()
      await form.getByTestId("policy-name").fill(POLICY)
      await form.getByTestId("policy-countries").fill("us")
      await form.getByTestId("policy-restocking-fee-percent").fill("150")
      await form.getByTestId("policy-reason-damaged-photo_required").click()
      // The server refuses a fee over 100 %, naming the field.
      await form.getByTestId("policy-save").click()
      expect(await waitForText(page, form.getByTestId("policy-error"), /restocking_fee_percent/)).toMatch(/restocking_fee_percent/)
      await form.getByTestId("policy-restocking-fee-percent").fill("10")
      await choose(page, form, "policy-destination", "Nearest location able to receive")
      await screenshot("returns-policy-form.png")
      await form.getByTestId("policy-save").click()
      await form.waitFor({ state: "detached" })

      const { return_policies } = await api<{ return_policies: Array<{ id: string; name: string; market: unknown; definition: any }> }>("GET", "/admin/oms/return-policies")
      expect(return_policies).toHaveLength(1)
      expect(return_policies[0]).toMatchObject({
        name: POLICY,
        market: { type: "country", in: ["US"] },
        definition: { restocking_fee_percent: 10, refund_damaged: false, reasons: { damaged: { photo_required: true } }, destination: { strategy: "nearest" } },
      })
      const row = page.getByTestId(`policy-row-${return_policies[0].id}`)
      await row.waitFor()
      expect(await textOf(row)).toContain("10% fee, free shipping")
      await dismissToasts(page)
      await screenshot("returns-policies.png")
    }), 420_000)

  it("lets the customer request a return of their delivered order through the store API", () =>
    withServerLog(async () => {
      // The demo store's own key (its sales channel holds the stock); Medusa may have made others.
      const { api_keys } = await api<{ api_keys: Array<{ token: string; title: string }> }>("GET", "/admin/api-keys?type=publishable&fields=token,title")
      order = await deliveredOrderOverHttp(api_keys.find((k) => k.title === "Webshop")!.token, "browser-returner@example.com")
      const shopperApi = storeClient(order.shopper.headers.headers)
      const { data: returnable } = await shopperApi.get(`/store/oms/orders/${order.orderId}/returnable`)
      expect(returnable.eligibility.lines[0]).toMatchObject({ sku: SKU, returnable_quantity: 2 })
      const { return_reasons } = await api<{ return_reasons: Array<{ id: string; value: string }> }>("GET", "/admin/return-reasons?fields=id,value")
      const { data } = await shopperApi.post("/store/oms/returns", {
        order_id: order.orderId,
        items: [{ line_item_id: order.lineId, quantity: 2, reason_id: return_reasons.find((r) => r.value === "wrong_size")!.id }],
        method: "drop_off",
        resolution: "refund",
      })
      rma = data.return.rma_code
      caseId = data.return.id
      expect(data.return).toMatchObject({ status: "requested", order_id: order.orderId })
      const { return: requested } = await api<{ return: Case }>("GET", `/admin/oms/returns/${caseId}`)
      destination = requested.lines[0].destination_location_id!
      expect(destination).toBeTruthy()
      stockedBefore = await stockedAt(SKU, destination)

      // The queue shows it under Requested, with its age, RMA code and order number.
      await page.goto(url("/app/oms/returns"), { waitUntil: "domcontentloaded" })
      const queueRow = page.getByTestId(`returns-queue-row-${caseId}`)
      await queueRow.waitFor()
      const rowText = await textOf(queueRow)
      expect(rowText).toContain(rma)
      expect(rowText).toContain(`#${order.displayId}`)
      expect(rowText).toContain("browser-returner@example.com")
      expect(await queueRow.getByTestId("returns-queue-age").getAttribute("data-old")).toBe("false")
      await screenshot("returns-queue.png")
    }), 420_000)

  it("receives the parcel at the station by scanning, refuses a wrong item in red and grades each unit", () =>
    withServerLog(async () => {
      await page.goto(url("/app/oms/returns/station"), { waitUntil: "domcontentloaded" })
      const input = page.getByTestId("returns-scan-input")
      await input.waitFor()
      const focused = () => input.evaluate((el) => el === document.activeElement)
      await eventually(page, "the scan field to have the focus", focused)
      const message = page.getByTestId("returns-scan-message")
      const answer = async (seq: number) => {
        await eventually(page, `scan answer ${seq}`, async () => Number(await message.getAttribute("data-seq")) >= seq)
        return { ok: await message.getAttribute("data-ok"), text: await textOf(message) }
      }

      // The RMA code on the slip: the return is found and the parcel marked received.
      await scan(rma.toLowerCase())
      expect(await answer(1)).toEqual({ ok: "true", text: expect.stringContaining(`Return ${rma} (order #${order.displayId}) received`) })
      const caseCard = page.getByTestId("returns-station-case")
      await caseCard.waitFor()
      expect(await caseCard.getAttribute("data-status")).toBe("receiving")
      expect(await textOf(page.getByTestId("returns-station-left"))).toBe("2 units left")

      // The first unit: in the return, graded new with "n"; it goes back to the line's destination.
      await scan(SKU)
      expect((await answer(2)).ok).toBe("true")
      await page.keyboard.press("n")
      const units = page.getByTestId("returns-unit")
      await eventually(page, "the first unit graded new", async () => (await units.first().getAttribute("data-grade")) === "new")
      expect(await textOf(units.first().getByTestId("returns-unit-location"))).toBe(locationNames[destination])

      // A wrong item: refused in a red sentence, recorded as a wrong item with "w".
      await scan(WRONG_ITEM)
      const refused = await answer(3)
      expect(refused).toEqual({ ok: "false", text: expect.stringContaining(`${WRONG_ITEM} is not in return ${rma}`) })
      expect(await message.getAttribute("role")).toBe("alert")
      expect(await message.getAttribute("class")).toContain("text-ui-tag-red-text")
      await screenshot("returns-station-refused.png")
      await page.keyboard.press("w")
      await page.getByTestId("returns-wrong-item").waitFor()
      expect(await textOf(page.getByTestId("returns-wrong-item"))).toContain(WRONG_ITEM)

      // The second unit came back damaged: written off by default, not restocked.
      await scan(SKU)
      expect((await answer(5)).ok).toBe("true")
      await page.keyboard.press("d")
      await eventually(page, "the second unit graded damaged", async () => (await units.nth(1).getAttribute("data-grade")) === "damaged")
      expect(await textOf(units.nth(1).getByTestId("returns-unit-disposition"))).toBe("Write off")
      expect(await textOf(page.getByTestId("returns-station-left"))).toBe("0 units left")
      expect(await focused()).toBe(true)
      await screenshot("returns-station-graded.png")

      // Enter on the empty field submits the inspection.
      await page.keyboard.press("Enter")
      const result = page.getByTestId("returns-station-result")
      await result.waitFor()
      const entries = await result.getByTestId("returns-result-entry").allTextContents()
      expect(entries.join(" | ")).toContain(`restocked at ${locationNames[destination]}`)
      expect(entries.join(" | ")).toContain("write off")
      expect(entries.join(" | ")).toContain(`Unexpected item ${WRONG_ITEM}`)
    }), 420_000)

  it("restocks the new unit at the destination, refunds through Medusa after the fee, and shows the result at the station", () =>
    withServerLog(async () => {
      const { return: inspected } = await api<{ return: Case }>("GET", `/admin/oms/returns/${caseId}`)
      const graded = Object.fromEntries(inspected.inspections.map((i) => [i.grade, i]))
      expect(graded.new).toMatchObject({ quantity: 1, disposition: "restock", location_id: destination })
      expect(graded.damaged).toMatchObject({ quantity: 1, disposition: "write_off" })
      expect(graded.wrong_item).toMatchObject({ quantity: 1, disposition: "none" })
      // One unit back on the shelf where the return was sent; the damaged one is not.
      expect(await stockedAt(SKU, destination)).toBe(stockedBefore + 1)

      // One unit refunded less the 10 % restocking fee; the damaged unit withheld.
      const unit = inspected.lines[0].unit_refund
      const expected = Math.round(unit * 0.9 * 100) / 100
      const paid = page.getByTestId("returns-result-paid")
      await waitForText(page, paid, `USD ${expected.toFixed(2)} refunded to the original payment`, ROUTING_TIMEOUT)
      expect(await page.getByTestId("returns-station-result").getAttribute("data-status")).toBe("resolved")
      const { order: paidOrder } = await api<{ order: any }>("GET", `/admin/orders/${order.orderId}?fields=*payment_collections.payments.refunds`)
      const refunds = paidOrder.payment_collections.flatMap((c: any) => c.payments.flatMap((p: any) => p.refunds ?? []))
      expect(refunds.reduce((sum: number, r: any) => sum + Number(r.amount), 0)).toBeCloseTo(expected, 2)
      await screenshot("returns-station-result.png")
    }), 420_000)

  it("tells the return's story in the order widget, and counts it on the Returns page", () =>
    withServerLog(async () => {
      await page.goto(url(`/app/orders/${order.orderId}`), { waitUntil: "domcontentloaded" })
      const widget = page.getByTestId("oms-order-returns")
      const story = widget.getByTestId("order-return")
      await story.waitFor()
      expect(await story.getAttribute("data-rma")).toBe(rma)
      expect(await story.getAttribute("data-status")).toBe("resolved")
      for (const step of ["requested", "received", "inspected", "resolved"]) {
        expect(await story.getByTestId(`order-return-step-${step}`).getAttribute("data-done")).toBe("true")
      }
      expect(await textOf(story.getByTestId("order-return-line"))).toContain("Wrong size")
      expect(await story.getByTestId("order-return-inspection").evaluateAll((els) => els.map((e) => e.getAttribute("data-grade")))).toEqual(
        expect.arrayContaining(["new", "damaged", "wrong_item"])
      )
      expect(await textOf(story.getByTestId("order-return-paid"))).toMatch(/^USD \d+\.\d\d refunded to the original payment$/)
      // Nothing is returnable any more: both units came back.
      expect(await widget.getByTestId("order-returnable-line").getAttribute("data-returnable")).toBe("0")
      await widget.scrollIntoViewIfNeeded()
      await screenshot("returns-order-widget.png")

      await page.goto(url("/app/oms/returns"), { waitUntil: "domcontentloaded" })
      await page.getByTestId("returns-tab-resolved").click()
      await page.getByTestId(`returns-queue-row-${caseId}`).waitFor()
      const reasons = page.getByTestId("returns-stats-reason-row")
      await reasons.first().waitFor()
      // 2 of the 2 fulfilled units came back for the wrong size.
      expect(await textOf(reasons.first())).toBe("Wrong size12100%")
      expect(await textOf(page.getByTestId("returns-stats-resolved"))).toBe("1")
      await screenshot("returns-page.png")
    }), 420_000)
})
