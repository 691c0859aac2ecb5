// A storefront and an admin acting on a test cluster over HTTP, and the reads the cluster tests
// assert on (decisions, reservations, stock), straight from the spec's database.
import fs from "fs"
import { DEMO_CUSTOMER_ADDRESSES } from "../../scripts/seed/geography"
import { checkoutViaStoreApi } from "../helpers/storefront"
import type { AppProcess, TestCluster } from "./harness"

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** A demo shopper's address in `city` (scripts/seed/geography.ts). */
export function shopper(city: string) {
  const address = DEMO_CUSTOMER_ADDRESSES.find((a) => a.city === city)
  if (!address) throw new Error(`no demo customer lives in ${city}`)
  return address
}

/** Medusa's error answer in one line: "409 not_allowed: Not enough stock ..." */
export function describeHttpError(error: any): string {
  const res = error?.response
  if (!res) return String(error?.message ?? error)
  return `${res.status} ${res.data?.type ?? ""}: ${res.data?.message ?? JSON.stringify(res.data)}`.trim()
}

export type Checkout = { ok: true; order_id: string; cart_id: string } | { ok: false; error: string; status?: number }

/**
 * One shopper's whole checkout on server `server` (cart -> shipping method -> payment
 * collection and session -> complete), as integration-tests/helpers/storefront.ts does it.
 * A refused step is returned, not thrown, so concurrent checkouts can be counted.
 */
export async function checkout(
  cluster: TestCluster,
  { city, items, email, server = 0 }: { city: string; items: Record<string, number>; email?: string; server?: number }
): Promise<Checkout> {
  const address = shopper(city)
  const currency = address.country_code === "us" ? "usd" : address.country_code === "gb" ? "gbp" : "eur"
  try {
    const data = await checkoutViaStoreApi(cluster.api(server), {
      publishableKey: cluster.store.publishable_key,
      regionId: cluster.store.regions[currency],
      email,
      address,
      items: Object.entries(items).map(([sku, quantity]) => {
        const variant_id = cluster.store.variants[sku]
        if (!variant_id) throw new Error(`the demo store has no variant ${sku}`)
        return { variant_id, quantity }
      }),
    })
    if (data.type !== "order" || !data.order?.id) {
      return { ok: false, error: `cart completion answered ${data.type}: ${data.error?.message ?? "no order"}` }
    }
    return { ok: true, order_id: data.order.id, cart_id: data.cartId }
  } catch (error: any) {
    return { ok: false, error: describeHttpError(error), status: error?.response?.status }
  }
}

/**
 * The checkout in two halves, for races: `prepareCart` goes as far as the payment session
 * (the steps of integration-tests/helpers/storefront.ts before completion), `completeCart` is
 * POST /store/carts/:id/complete alone, so many completions can start at the same moment.
 */
export async function prepareCart(
  cluster: TestCluster,
  { city, items, email, server = 0 }: { city: string; items: Record<string, number>; email?: string; server?: number }
): Promise<{ cart_id: string; server: number }> {
  const api = cluster.api(server)
  const headers = { headers: { "x-publishable-api-key": cluster.store.publishable_key } }
  const address = shopper(city)
  const currency = address.country_code === "us" ? "usd" : address.country_code === "gb" ? "gbp" : "eur"
  const { data: created } = await api.post(
    "/store/carts",
    {
      region_id: cluster.store.regions[currency],
      email: email ?? "shopper@example.com",
      shipping_address: address,
      billing_address: address,
      items: Object.entries(items).map(([sku, quantity]) => ({ variant_id: cluster.store.variants[sku], quantity })),
    },
    headers
  )
  const cartId = created.cart.id
  const { data: options } = await api.get(`/store/shipping-options?cart_id=${cartId}`, headers)
  const option = options.shipping_options.find((o: { name: string }) => o.name.startsWith("Standard")) ?? options.shipping_options[0]
  if (!option) throw new Error(`no shipping option for ${city}`)
  await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: option.id }, headers)
  const { data: pc } = await api.post("/store/payment-collections", { cart_id: cartId }, headers)
  await api.post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, headers)
  return { cart_id: cartId, server }
}

export async function completeCart(cluster: TestCluster, cart: { cart_id: string; server: number }): Promise<Checkout> {
  const headers = { headers: { "x-publishable-api-key": cluster.store.publishable_key } }
  try {
    const { data } = await cluster.api(cart.server).post(`/store/carts/${cart.cart_id}/complete`, {}, headers)
    if (data.type !== "order") return { ok: false, error: `cart completion answered ${data.type}: ${data.error?.message}`, status: 200 }
    return { ok: true, order_id: data.order.id, cart_id: cart.cart_id }
  } catch (error: any) {
    return { ok: false, error: describeHttpError(error), status: error?.response?.status }
  }
}

/** Like checkout(), but a refusal fails the test with Medusa's message. */
export async function placeOrder(cluster: TestCluster, input: Parameters<typeof checkout>[1]): Promise<string> {
  const result = await checkout(cluster, input)
  if (!result.ok) throw new Error(`checkout to ${input.city} was refused: ${result.error}`)
  return result.order_id
}

/** Polls `probe` until it returns a truthy value; fails with `what` (and the logs) after `timeoutMs`. */
export async function waitFor<T>(
  probe: () => Promise<T | null | undefined | false>,
  what: string,
  { timeoutMs = 60_000, everyMs = 250, cluster }: { timeoutMs?: number; everyMs?: number; cluster?: TestCluster } = {}
): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() > until) {
      throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${cluster ? `\n${cluster.tails()}` : ""}`)
    }
    await sleep(everyMs)
  }
}

/** Waits until a process's log has a line matching `pattern` (after `fromOffset` bytes); returns the line. */
export async function waitForLog(proc: AppProcess, pattern: RegExp, { timeoutMs = 60_000, fromOffset = 0 } = {}) {
  return waitFor(
    async () => {
      const text = fs.existsSync(proc.logFile) ? fs.readFileSync(proc.logFile, "utf8").slice(fromOffset) : ""
      return text.split("\n").find((line) => pattern.test(line)) ?? null
    },
    `${proc.name} to log ${pattern}\n--- ${proc.name} ---\n${proc.tail(30)}`,
    { timeoutMs, everyMs: 50 }
  )
}

/** How far a log file has grown: pass it to waitForLog / logLines to read only what came after. */
export const logSize = (proc: AppProcess) => (fs.existsSync(proc.logFile) ? fs.statSync(proc.logFile).size : 0)

/** Lines of a process's log that match `pattern`. */
export function logLines(proc: AppProcess, pattern: RegExp, fromOffset = 0): string[] {
  if (!fs.existsSync(proc.logFile)) return []
  return fs.readFileSync(proc.logFile, "utf8").slice(fromOffset).split("\n").filter((l) => pattern.test(l))
}

export type DecisionRow = { id: string; order_id: string; status: string; location_ids: string[] }

/** Live routing decisions of these orders (a soft-deleted one is not live). */
export async function decisionsOf(cluster: TestCluster, orderIds: string[]): Promise<DecisionRow[]> {
  return cluster.sql<DecisionRow>(
    "select id, order_id, status, location_ids from oms_routing_decision where order_id = any($1) and deleted_at is null",
    [orderIds]
  )
}

/** Waits until every order has a decision; returns them (one per order, or more if doubled). */
export async function waitForDecisions(cluster: TestCluster, orderIds: string[], timeoutMs = 90_000) {
  return waitFor(
    async () => {
      const rows = await decisionsOf(cluster, orderIds)
      return new Set(rows.map((r) => r.order_id)).size >= new Set(orderIds).size ? rows : null
    },
    `routing decisions for ${orderIds.length} order(s)`,
    { timeoutMs, cluster }
  )
}

/** Units reserved per order, by line item: what the order holds right now. */
export async function reservationsOf(cluster: TestCluster, orderId: string) {
  return cluster.sql<{ line_item_id: string; location_id: string; quantity: number; sku: string }>(
    `select r.line_item_id, r.location_id, r.quantity::int as quantity, ii.sku
       from reservation_item r
       join inventory_item ii on ii.id = r.inventory_item_id
       join order_item oi on oi.item_id = r.line_item_id and oi.deleted_at is null
       join "order" o on o.id = oi.order_id and oi.version = o.version
      where oi.order_id = $1 and r.deleted_at is null
      order by ii.sku, r.location_id`,
    [orderId]
  )
}

/** Ordered units per sku of an order. */
export async function orderedUnits(cluster: TestCluster, orderId: string): Promise<Record<string, number>> {
  const rows = await cluster.sql<{ sku: string; quantity: number }>(
    `select li.variant_sku as sku, sum(oi.quantity)::int as quantity
       from order_item oi
       join "order" o on o.id = oi.order_id and oi.version = o.version
       join order_line_item li on li.id = oi.item_id
      where oi.order_id = $1 and oi.deleted_at is null
      group by li.variant_sku`,
    [orderId]
  )
  return Object.fromEntries(rows.map((r) => [r.sku, r.quantity]))
}

/** Stocked and reserved units of one sku per location, as the inventory module holds them. */
export async function stockOf(cluster: TestCluster, sku: string) {
  return cluster.sql<{ location_id: string; stocked: number; reserved: number; reservations: number }>(
    `select l.location_id, l.stocked_quantity::int as stocked, l.reserved_quantity::int as reserved,
            coalesce((select sum(r.quantity) from reservation_item r
                       where r.inventory_item_id = l.inventory_item_id and r.location_id = l.location_id
                         and r.deleted_at is null), 0)::int as reservations
       from inventory_level l join inventory_item ii on ii.id = l.inventory_item_id
      where ii.sku = $1 and l.deleted_at is null and ii.deleted_at is null
      order by l.location_id`,
    [sku]
  )
}

/**
 * As an admin, through Medusa's inventory routes: sets the stocked quantity of `sku` at every
 * location that stocks it, to `perLocation[name]` (location name -> units; missing: 0).
 */
export async function setStockAsAdmin(cluster: TestCluster, sku: string, perLocation: Record<string, number>) {
  const headers = await cluster.adminHeaders()
  const item = cluster.store.inventory_items[sku]
  if (!item) throw new Error(`the demo store has no inventory item ${sku}`)
  const nameOf = new Map(Object.entries(cluster.store.locations).map(([name, id]) => [id, name]))
  for (const level of await stockOf(cluster, sku)) {
    const units = perLocation[nameOf.get(level.location_id) ?? ""] ?? 0
    await cluster.api().post(`/admin/inventory-items/${item}/location-levels/${level.location_id}`, { stocked_quantity: units }, headers)
  }
}

/** Skus with at least `min` units stocked at every one of these locations (by name), by sku. */
export async function skusStockedAt(cluster: TestCluster, locationNames: string[], min = 1): Promise<string[]> {
  const ids = locationNames.map((n) => {
    const id = cluster.store.locations[n]
    if (!id) throw new Error(`the demo store has no location "${n}"`)
    return id
  })
  const rows = await cluster.sql<{ sku: string }>(
    `select ii.sku from inventory_item ii join inventory_level l on l.inventory_item_id = ii.id and l.deleted_at is null
      where l.location_id = any($1) and l.stocked_quantity >= $2 and ii.deleted_at is null
      group by ii.sku having count(distinct l.location_id) = $3 order by ii.sku`,
    [ids, min, ids.length]
  )
  return rows.map((r) => r.sku)
}
