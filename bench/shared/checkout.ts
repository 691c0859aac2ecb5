/**
 * A shopper's checkout over the store API, shared by the end-to-end benchmarks
 * (bench/routing-e2e, bench/cluster): the seeded orders, the six requests of one checkout, the
 * store's keys and ids read through the admin API, and a phase runner that places orders at a
 * given concurrency, spread over one or more servers.
 */
import os from "os"
import { buildCatalog, prng } from "../../scripts/seed/catalog"
import { DEMO_CUSTOMER_ADDRESSES, DEMO_LOCATIONS, DemoAddress } from "../../scripts/seed/geography"
import { DEMO_ADMIN } from "../../scripts/seed/admin-user"

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

// ---------------------------------------------------------------- HTTP

export class HttpError extends Error {
  constructor(public status: number, message: string) {
    super(message)
  }
}

export async function api(base: string, method: string, url: string, body?: unknown, headers: Record<string, string> = {}, timeoutMs = 60_000) {
  const res = await fetch(base + url, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  })
  const text = await res.text()
  if (!res.ok) throw new HttpError(res.status, `${method} ${url} -> ${res.status}: ${text.slice(0, 300)}`)
  return text ? JSON.parse(text) : {}
}

// ---------------------------------------------------------------- the orders

export type Line = { sku: string; quantity: number }
export type OrderSpec = { address: DemoAddress; email: string; lines: Line[] }

/**
 * Orders across the markets, 1-3 lines of items the shopper's market has in stock (the sum
 * over the warehouses that ship to the address, per the seeded catalog, comfortably above what
 * the whole run orders), one unit each, now and then two. Same seed, same orders.
 */
export function makeOrders(seed: number, n: number): OrderSpec[] {
  const rand = prng(seed)
  const catalog = buildCatalog().flatMap((p) => p.variants)
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]
  const orders: OrderSpec[] = []
  for (let k = 0; k < n; k++) {
    const address = pick(DEMO_CUSTOMER_ADDRESSES)
    const serving = DEMO_LOCATIONS.filter((l) => l.ships_to.includes(address.country_code)).map((l) => l.key)
    const eligible = catalog.filter((v) => serving.reduce((s, key) => s + (v.stock[key] ?? 0), 0) >= 25)
    const count = 1 + Math.floor(rand() * 3)
    const skus = new Set<string>()
    while (skus.size < Math.min(count, eligible.length)) skus.add(pick(eligible).sku)
    orders.push({
      address,
      email: `bench.${seed}.${k}@example.com`,
      lines: [...skus].map((sku) => ({ sku, quantity: rand() < 0.15 ? 2 : 1 })),
    })
  }
  return orders
}

/**
 * Single-unit orders from one city, each of one item `location` holds at least `minStock` of,
 * taken in turn so no item runs out: orders one warehouse ships, e.g. for a wave there.
 */
export function ordersFromCity(city: string, location: string, n: number, seed: number, minStock = 30): OrderSpec[] {
  const address = DEMO_CUSTOMER_ADDRESSES.find((a) => a.city === city)
  if (!address) throw new Error(`no demo customer lives in ${city}`)
  const stocked = buildCatalog()
    .flatMap((p) => p.variants)
    .filter((v) => (v.stock[location] ?? 0) >= minStock)
  if (!stocked.length) throw new Error(`no item has ${minStock} units at ${location}`)
  return Array.from({ length: n }, (_, k) => ({
    address,
    email: `bench.${seed}.${k}@example.com`,
    lines: [{ sku: stocked[k % stocked.length].sku, quantity: 1 }],
  }))
}

export type Store = { publishableKey: string; regionByCountry: Record<string, string>; variantBySku: Record<string, string> }

export type Result = {
  ok: boolean
  error?: string
  orderId?: string
  /** The server the checkout ran on. */
  base: string
  startedAt: number // epoch ms, first request of the checkout
  completeSentAt: number
  completedAt: number // epoch ms, completion response received
  orderCreatedAt?: number
  decisionCreatedAt?: number
  decisionSeenAt?: number // epoch ms, when the client first saw the decision
  status?: string
}

/** The first five requests of a checkout: a cart with address, items, shipping method and payment session. */
export async function prepareCart(base: string, store: Store, spec: OrderSpec): Promise<string> {
  const h = { "x-publishable-api-key": store.publishableKey }
  const { cart } = await api(base, "POST", "/store/carts", {
    region_id: store.regionByCountry[spec.address.country_code],
    email: spec.email,
    shipping_address: spec.address,
    billing_address: spec.address,
    items: spec.lines.map((l) => ({ variant_id: store.variantBySku[l.sku], quantity: l.quantity })),
  }, h)
  const { shipping_options } = await api(base, "GET", `/store/shipping-options?cart_id=${cart.id}`, undefined, h)
  const option = shipping_options.find((o: { name: string }) => o.name.startsWith("Standard")) ?? shipping_options[0]
  if (!option) throw new Error(`no shipping option for ${spec.address.city}`)
  await api(base, "POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: option.id }, h)
  const { payment_collection } = await api(base, "POST", "/store/payment-collections", { cart_id: cart.id }, h)
  await api(base, "POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, h)
  return cart.id
}

/** The six requests of one checkout, ending in POST /store/carts/:id/complete. */
export async function checkout(base: string, store: Store, spec: OrderSpec): Promise<Result> {
  const h = { "x-publishable-api-key": store.publishableKey }
  const startedAt = Date.now()
  const r: Result = { ok: false, base, startedAt, completeSentAt: 0, completedAt: 0 }
  try {
    const cartId = await prepareCart(base, store, spec)
    r.completeSentAt = Date.now()
    const done = await api(base, "POST", `/store/carts/${cartId}/complete`, {}, h)
    r.completedAt = Date.now()
    if (done.type !== "order") throw new Error(`completion answered ${done.type}: ${JSON.stringify(done.error ?? {})}`)
    r.ok = true
    r.orderId = done.order.id
    if (done.order.created_at) r.orderCreatedAt = new Date(done.order.created_at).getTime()
  } catch (e) {
    r.error = (e as Error).message
  }
  return r
}

export async function readStore(base: string, token: string): Promise<Store> {
  const auth = { authorization: `Bearer ${token}` }
  const [{ api_keys }, { regions }, { variants }] = await Promise.all([
    api(base, "GET", "/admin/api-keys?type=publishable&fields=token,title&limit=50", undefined, auth),
    api(base, "GET", "/admin/regions?fields=id,countries.iso_2&limit=50", undefined, auth),
    api(base, "GET", "/admin/product-variants?fields=id,sku&limit=500", undefined, auth),
  ])
  const key = api_keys.find((k: { title: string }) => k.title === "Webshop") ?? api_keys[0]
  const regionByCountry: Record<string, string> = {}
  for (const r of regions) for (const c of r.countries ?? []) regionByCountry[c.iso_2] = r.id
  return {
    publishableKey: key.token,
    regionByCountry,
    variantBySku: Object.fromEntries(variants.map((v: { id: string; sku: string }) => [v.sku, v.id])),
  }
}

/** The seeded admin's bearer token. */
export async function adminToken(base: string) {
  const { token } = await api(base, "POST", "/auth/user/emailpass", { email: DEMO_ADMIN.email, password: DEMO_ADMIN.password })
  return token as string
}

/** load: the machine's 1-minute load average as placing stopped. */
export type Placing = { results: Result[]; phaseStart: number; placingEnd: number; load: number }

/**
 * Places `specs` with `concurrency` shoppers at once, the k-th checkout on `bases[k % n]` (one
 * server, or several behind a round-robin balancer), until all are placed or `budgetMs` has
 * passed. `onPlaced` runs beside the next checkout (never pacing placing); its promises are
 * awaited before this returns.
 */
export async function placeOrders(
  bases: string[],
  store: Store,
  specs: OrderSpec[],
  concurrency: number,
  budgetMs: number,
  onPlaced?: (r: Result) => Promise<void>
): Promise<Placing> {
  const results: Result[] = []
  const followers: Promise<void>[] = []
  const phaseStart = Date.now()
  let next = 0
  const shopper = async () => {
    while (next < specs.length && Date.now() - phaseStart < budgetMs) {
      const k = next++
      const r = await checkout(bases[k % bases.length], store, specs[k])
      results.push(r)
      if (r.ok && onPlaced) followers.push(onPlaced(r).catch((e) => void (r.error = (e as Error).message)))
    }
  }
  await Promise.all(Array.from({ length: concurrency }, shopper))
  const placingEnd = Date.now()
  const load = os.loadavg()[0]
  await Promise.all(followers)
  return { results, phaseStart, placingEnd, load }
}

// ---------------------------------------------------------------- figures

/** The p-th percentile (nearest rank); NaN for no values. */
export const pct = (xs: number[], p: number) => {
  if (!xs.length) return NaN
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]
}

export const f0 = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : "n/a")
export const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : "n/a")

/** Replaces the section between `<!-- name:start` and `<!-- name:end -->` (appends it when missing). */
export function writeSection(doc: string, name: string, section: string): string {
  const pattern = new RegExp(`<!-- ${name}:start[\\s\\S]*?<!-- ${name}:end -->`)
  return pattern.test(doc) ? doc.replace(pattern, () => section) : doc.trimEnd() + "\n\n" + section + "\n"
}
