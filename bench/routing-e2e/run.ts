/**
 * Checkout and routing end to end, on the real app: `medusa start` servers with the demo store,
 * orders placed through the store API (cart, address, shipping method, payment session,
 * complete), and the time until each order's routing decision is recorded. Two checkouts are
 * compared: the plugin's (routing reserves at checkout) and Medusa's own (the override off; the
 * order.placed subscriber still routes). One database; each pass starts its checkout's server
 * afresh (and starts it again after a phase in which completions failed: Medusa's own checkout can
 * leave inventory-item locks held for the life of its process, see docs/benchmarks.md, and a later
 * phase would measure those stuck locks, not the checkout). The run is OMS_BENCH_PAIRS (6: even,
 * so each checkout goes first equally often) alternating pairs of passes (plugin first, then Medusa first, ...): the machine may be busy, and
 * one pass against one says little, so each figure is reported as the median over the pairs of the
 * ratio ours / Medusa's, with its spread.
 *
 * Each pass: concurrency 1 and 4 (whole checkouts, shoppers across the markets), then the flash
 * sale: 20 and 50 shoppers with their carts ready complete at once, all buying from the same 3
 * SKUs stocked in 2-4 locations, each cart listing them in the sale's order. After the pairs, one
 * flash sale per checkout whose carts list them in any order (Medusa's own checkout deadlocks on
 * those; shown, not compared; OMS_BENCH_ANY_ORDER=false skips it). After each flash sale the
 * database is checked: reserved never above stocked at any location of those SKUs (the run fails
 * loudly otherwise).
 * Statements per completion are counted in the server (bench/routing-e2e/count-statements.js,
 * preloaded only here) and answered in response headers: not disturbed by a busy machine.
 *
 *   npm run bench:routing-e2e     (--quick: a smoke run, 2 small pairs; --quick and --no-docs leave the docs alone)
 *
 * Its own embedded PostgreSQL cluster (OMS_PG_PORT, 54369 unless set; the data folder is made
 * afresh each run) and its own database (medusa_oms_bench, dropped and recreated). Counts per
 * pass: OMS_BENCH_SEQ (10) orders at concurrency 1, OMS_BENCH_CONC (20) at concurrency 4, each
 * phase also stopped after OMS_BENCH_PHASE_SECONDS (30) of placing; OMS_BENCH_FLASH (20,50)
 * shoppers per flash sale (none: no flash sales); OMS_BENCH_WARMUP (20) warm-up orders per server
 * start (V8 optimises a path only after many runs; a shop's server has served many orders). Fixed
 * seeds: the same carts in every pass of a pair.
 */
import { ChildProcess } from "child_process"
import fs from "fs"
import net from "net"
import os from "os"
import path from "path"
import { buildCatalog, prng } from "../../scripts/seed/catalog"
import { DEMO_CUSTOMER_ADDRESSES, DEMO_LOCATIONS } from "../../scripts/seed/geography"
import {
  adminToken,
  api,
  f0,
  f2,
  HttpError,
  makeOrders,
  OrderSpec,
  pct,
  prepareCart,
  readStore,
  sleep,
  Store,
  writeSection,
} from "../shared/checkout"

// CommonJS helpers shared with the npm scripts.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startDatabase, dropDatabase, createDatabaseIfMissing, ROOT } = require("../../scripts/lib/database")
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { medusa, medusaChild } = require("../../scripts/lib/medusa")

const quick = process.argv.includes("--quick")
const writeToDocs = !quick && !process.argv.includes("--no-docs")
const DATABASE = "medusa_oms_bench"
const PG_PORT = process.env.OMS_PG_PORT || "54369"
const SEQ = Number(process.env.OMS_BENCH_SEQ || (quick ? 3 : 10))
const CONC = Number(process.env.OMS_BENCH_CONC || (quick ? 8 : 20))
const PHASE_MS = 1000 * Number(process.env.OMS_BENCH_PHASE_SECONDS || (quick ? 20 : 30))
const PAIRS = Number(process.env.OMS_BENCH_PAIRS || (quick ? 2 : 6))
/** OMS_BENCH_FLASH=none: no flash sales (a run about concurrency 1 and 4 only). */
const FLASH = (process.env.OMS_BENCH_FLASH ?? (quick ? "8,16" : "20,50")).split(",").filter((n) => n && n !== "none").map(Number)
const WARMUP = Number(process.env.OMS_BENCH_WARMUP || (quick ? 2 : 20))
/** After the pairs, one flash sale per checkout with the carts' lines in any order (OMS_BENCH_ANY_ORDER=false: none). */
const ANY_ORDER = process.env.OMS_BENCH_ANY_ORDER !== "false" && FLASH.length > 0
const POLL_MS = 100
type Checkout = "routing" | "medusa"
const CHECKOUTS: Checkout[] = ["routing", "medusa"]
const LABEL: Record<Checkout, string> = { routing: "plugin (routing at checkout)", medusa: "Medusa's own (override off)" }
const ROUTING_WAIT_MS = 60_000
const WORK_DIR = path.join(ROOT, ".data", "bench-routing-e2e")

const log = (m: string) => process.stderr.write(`[bench:routing-e2e] ${m}\n`)
const t0 = Date.now()
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(0)}s`

// ---------------------------------------------------------------- HTTP

/** What the server counted for one request (count-statements.js): statements, those inside the inventory locks, ms inside them. */
type Counts = { statements: number; locked: number; lockMs: number }

async function request(base: string, method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(base + url, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(120_000),
  })
  const text = await res.text()
  if (!res.ok) throw new HttpError(res.status, `${method} ${url} -> ${res.status}: ${text.slice(0, 300)}`)
  const counts: Counts = {
    statements: Number(res.headers.get("x-oms-bench-statements") ?? NaN),
    locked: Number(res.headers.get("x-oms-bench-statements-locked") ?? NaN),
    lockMs: Number(res.headers.get("x-oms-bench-lock-ms") ?? NaN),
  }
  return { body: text ? JSON.parse(text) : {}, counts }
}

// ---------------------------------------------------------------- the orders

/**
 * The flash sale's SKUs: three variants of the seeded catalog stocked in 2-4 locations (in every
 * warehouse; in both US ones; in Newark, Rotterdam and Coleshill), bought by shoppers in the US.
 */
function flashSkus(): string[] {
  const variants = buildCatalog().flatMap((p) => p.variants)
  return [0, 2, 5].map((i) => variants[i].sku)
}

/**
 * The flash SKUs in the order the sale lists them: that of their inventory items' ids, which is
 * the order routing takes their locks in (`inventoryLockKeys`). Read once the store is seeded.
 */
let saleOrder: string[] | null = null

async function readSaleOrder(db: any): Promise<string[]> {
  const rows = await withPg(db, async (client) => {
    const { rows } = await client.query(`SELECT id, sku FROM inventory_item WHERE deleted_at IS NULL AND sku = ANY($1)`, [flashSkus()])
    return rows as { id: string; sku: string }[]
  })
  return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((r) => r.sku)
}

/**
 * N shoppers at once, each 1-3 lines of the flash SKUs, one unit each, now and then two.
 * `lineOrder` "sale": every cart lists its SKUs in the sale's order (as when every shopper adds
 * them from one page); "any": in a random order per cart. Medusa's own checkout takes the
 * inventory-item locks in cart order, and Medusa's in-memory locking holds the keys it has while
 * it waits for the next: carts listing the same items in crossed orders deadlock it, and so does
 * a cart whose order is not routing's (the order.placed subscriber re-routes each order it
 * placed under the same locks, in routing's order). See "Flash sales and lock order" in
 * docs/benchmarks.md. The compared flash sales use "sale", so that both checkouts can place
 * every order and their latencies compare like with like; one sale in "any" order per checkout
 * shows the deadlock on its own.
 */
function makeFlashOrders(seed: number, n: number, lineOrder: "sale" | "any" = "sale"): OrderSpec[] {
  const rand = prng(seed)
  const skus = saleOrder ?? flashSkus()
  const addresses = DEMO_CUSTOMER_ADDRESSES.filter((a) => a.country_code === "us")
  const orders: OrderSpec[] = []
  for (let k = 0; k < n; k++) {
    const count = 1 + Math.floor(rand() * 3)
    const shuffled = [...skus].sort(() => rand() - 0.5).slice(0, count)
    const chosen = lineOrder === "any" ? shuffled : skus.filter((sku) => shuffled.includes(sku))
    orders.push({
      address: addresses[Math.floor(rand() * addresses.length)],
      email: `flash.${seed}.${k}@example.com`,
      lines: chosen.map((sku) => ({ sku, quantity: rand() < 0.3 ? 2 : 1 })),
    })
  }
  return orders
}

type Result = {
  ok: boolean
  error?: string
  orderId?: string
  startedAt: number // epoch ms, first request of the checkout
  completeSentAt: number
  completedAt: number // epoch ms, completion response received
  orderCreatedAt?: number
  decisionCreatedAt?: number
  decisionSeenAt?: number // epoch ms, first 200 from GET /admin/oms/orders/:id/routing
  status?: string
  counts?: Counts
}

async function complete(base: string, store: Store, cartId: string, r: Result) {
  const h = { "x-publishable-api-key": store.publishableKey }
  try {
    r.completeSentAt = Date.now()
    const { body: done, counts } = await request(base, "POST", `/store/carts/${cartId}/complete`, {}, h)
    r.completedAt = Date.now()
    r.counts = counts
    if (done.type !== "order") throw new Error(`completion answered ${done.type}: ${JSON.stringify(done.error ?? {})}`)
    r.ok = true
    r.orderId = done.order.id
    if (done.order.created_at) r.orderCreatedAt = new Date(done.order.created_at).getTime()
  } catch (e) {
    r.error = (e as Error).message
  }
  return r
}

async function checkout(base: string, store: Store, spec: OrderSpec): Promise<Result> {
  const r: Result = { ok: false, startedAt: Date.now(), completeSentAt: 0, completedAt: 0 }
  try {
    const cartId = await prepareCart(base, store, spec)
    return await complete(base, store, cartId, r)
  } catch (e) {
    r.error = (e as Error).message
    return r
  }
}

/** Polls the routing decision from the completion response on; light on the server (100 ms). */
async function awaitDecision(base: string, token: string, r: Result) {
  const deadline = Date.now() + ROUTING_WAIT_MS
  for (;;) {
    try {
      const { decision } = await api(base, "GET", `/admin/oms/orders/${r.orderId}/routing`, undefined, {
        authorization: `Bearer ${token}`,
      })
      r.decisionSeenAt = Date.now()
      r.decisionCreatedAt = new Date(decision.created_at).getTime()
      r.status = decision.status
      return
    } catch (e) {
      if (!(e instanceof HttpError && e.status === 404)) throw e
    }
    if (Date.now() > deadline) return
    await sleep(POLL_MS)
  }
}

type Phase = {
  concurrency: number
  flash: boolean
  asked: number
  results: Result[]
  phaseStart: number
  placingEnd: number
  load: number
  /** The server process's CPU ms from the phase's start until its last order was routed. */
  serverCpuMs: number
}

/** The server's CPU since it started (count-statements.js answers it on every response). */
async function serverCpuMs(base: string): Promise<number> {
  const res = await fetch(`${base}/health`)
  await res.arrayBuffer()
  return Number(res.headers.get("x-oms-bench-process-cpu-ms") ?? NaN)
}

async function runPhase(base: string, store: Store, token: string, specs: OrderSpec[], concurrency: number, budgetMs: number): Promise<Phase> {
  const results: Result[] = []
  const pollers: Promise<void>[] = []
  const cpuAtStart = await serverCpuMs(base)
  const phaseStart = Date.now()
  let next = 0
  const worker = async () => {
    while (next < specs.length && Date.now() - phaseStart < budgetMs) {
      const r = await checkout(base, store, specs[next++])
      results.push(r)
      // The decision is awaited beside the next checkout, so routing never paces placing.
      if (r.ok) pollers.push(awaitDecision(base, token, r).catch((e) => void (r.error = (e as Error).message)))
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  const placingEnd = Date.now()
  const load = os.loadavg()[0]
  await Promise.all(pollers)
  const serverCpu = (await serverCpuMs(base)) - cpuAtStart
  return { concurrency, flash: false, asked: specs.length, results, phaseStart, placingEnd, load, serverCpuMs: serverCpu }
}

/**
 * The flash sale: every shopper's cart is made ready first (8 at a time), then all complete at
 * once. orders/s here is completions over the time from the release to the last answer.
 */
async function runFlash(base: string, store: Store, token: string, specs: OrderSpec[]): Promise<Phase> {
  const carts: string[] = new Array(specs.length)
  let next = 0
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < specs.length) {
        const k = next++
        carts[k] = await prepareCart(base, store, specs[k])
      }
    })
  )
  const cpuAtStart = await serverCpuMs(base)
  const phaseStart = Date.now()
  const results = await Promise.all(
    carts.map((cartId) => complete(base, store, cartId, { ok: false, startedAt: phaseStart, completeSentAt: 0, completedAt: 0 }))
  )
  const placingEnd = Date.now()
  const load = os.loadavg()[0]
  await Promise.all(results.filter((r) => r.ok).map((r) => awaitDecision(base, token, r).catch((e) => void (r.error = (e as Error).message))))
  const serverCpu = (await serverCpuMs(base)) - cpuAtStart
  return { concurrency: specs.length, flash: true, asked: specs.length, results, phaseStart, placingEnd, load, serverCpuMs: serverCpu }
}

// ---------------------------------------------------------------- figures

const median = (xs: number[]) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b)
  if (!s.length) return NaN
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

/** One phase of one pass, summarised. */
type Row = {
  checkout: Checkout
  pair: number
  concurrency: number
  flash: boolean
  /** A flash sale whose carts list their SKUs in any order (not compared: it shows the deadlock). */
  anyOrder?: boolean
  placed: number
  asked: number
  failed: number
  ordersPerSec: number
  completeP50: number
  completeP95: number
  /** Every placed order's completion ms, ascending (the pair's ratios are taken over the first n of both). */
  latencies: number[]
  /** The same, in the order the completions were sent (how a fresh server warms up). */
  sequence: number[]
  routingP50: number
  decided: number
  statements: number
  locked: number
  lockMsP50: number
  /** The server process's CPU per placed order, ms: over the phase (its requests, the shoppers'
   * cart building, the order.placed subscribers, the decision polls); in a flash sale from the
   * release, the carts having been built before. */
  serverCpuMsPerOrder: number
  load: number
  /** The server was started again after this phase, because completions in it failed. */
  restartedAfter: boolean
  firstError?: string
}

function summarise(checkout: Checkout, pair: number, p: Phase): Row {
  const ok = p.results.filter((r) => r.ok)
  const decided = ok.filter((r) => r.decisionCreatedAt !== undefined)
  const lastCompletion = Math.max(...ok.map((r) => r.completedAt))
  const sequence = [...ok].sort((a, b) => a.completeSentAt - b.completeSentAt).map((r) => r.completedAt - r.completeSentAt)
  return {
    checkout,
    pair,
    concurrency: p.concurrency,
    flash: p.flash,
    placed: ok.length,
    asked: p.asked,
    failed: p.results.length - ok.length,
    ordersPerSec: ok.length / ((lastCompletion - p.phaseStart) / 1000),
    completeP50: pct(sequence, 50),
    completeP95: pct(sequence, 95),
    latencies: [...sequence].sort((a, b) => a - b),
    sequence,
    routingP50: pct(decided.map((r) => r.decisionCreatedAt! - r.orderCreatedAt!), 50),
    decided: decided.length,
    statements: median(ok.map((r) => r.counts?.statements ?? NaN)),
    locked: median(ok.map((r) => r.counts?.locked ?? NaN)),
    lockMsP50: median(ok.map((r) => r.counts?.lockMs ?? NaN)),
    serverCpuMsPerOrder: ok.length ? p.serverCpuMs / ok.length : NaN,
    load: p.load,
    restartedAfter: false,
    firstError: p.results.find((r) => r.error)?.error,
  }
}

const spread = (xs: number[]) => {
  const s = xs.filter(Number.isFinite)
  return s.length ? `${f2(median(s))} (${f2(Math.min(...s))}-${f2(Math.max(...s))})` : "n/a"
}

function phaseName(r: Row) {
  if (r.anyOrder) return `${r.concurrency} (flash sale, lines in any order; shown, not compared)`
  return r.flash ? `${r.concurrency} (flash sale)` : String(r.concurrency)
}

/**
 * Per concurrency: the median over the pairs of ours / Medusa's (min-max across pairs), then
 * each checkout's own medians over its passes, statements per completion (inside the inventory
 * locks in brackets) and the orders that failed or were not routed.
 */
function table(rows: Row[]): string {
  const head =
    "| concurrency | pairs | complete p50 ours/Medusa's | complete p95 ours/Medusa's | orders/s ours/Medusa's | " +
    "complete p50 / p95 ms: ours; Medusa's | orders/s: ours; Medusa's | statements per completion (in the inventory locks): ours; Medusa's | " +
    "ms in the inventory locks p50: ours; Medusa's | routing p50 ms: ours; Medusa's | server CPU ms per order: ours; Medusa's | failed / not routed | load |\n" +
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  const phases = [...new Set(rows.map(phaseName))]
  const body = phases.map((phase) => {
    const at = rows.filter((r) => phaseName(r) === phase)
    const pairs = [...new Set(at.map((r) => r.pair))]
    const ratio = (k: keyof Row) =>
      pairs.map((pair) => {
        const ours = at.find((r) => r.pair === pair && r.checkout === "routing")
        const theirs = at.find((r) => r.pair === pair && r.checkout === "medusa")
        if (!ours || !theirs) return NaN
        if (k === "completeP50" || k === "completeP95") {
          // Over the first n answered of both, n the fewer placed: when one checkout refused the
          // back of a flash sale's queue (Medusa's own gives up on its locks after 5 s), its
          // percentiles would otherwise leave out exactly the longest waits the other one served.
          const n = Math.min(ours.latencies.length, theirs.latencies.length)
          const p = k === "completeP50" ? 50 : 95
          return pct(ours.latencies.slice(0, n), p) / pct(theirs.latencies.slice(0, n), p)
        }
        return (ours[k] as number) / (theirs[k] as number)
      })
    const of = (c: Checkout, k: keyof Row) => median(at.filter((r) => r.checkout === c).map((r) => r[k] as number))
    const both = (k: keyof Row, f = f0) => `${f(of("routing", k))}; ${f(of("medusa", k))}`
    const bad = (c: Checkout) => {
      const mine = at.filter((r) => r.checkout === c)
      const restarts = mine.filter((r) => r.restartedAfter).length
      return (
        mine.reduce((s, r) => s + r.failed, 0) + " / " + mine.reduce((s, r) => s + (r.placed - r.decided), 0) +
        (restarts ? ` (restarted after ${restarts})` : "")
      )
    }
    return (
      `| ${phase} | ${pairs.length} | ${spread(ratio("completeP50"))} | ${spread(ratio("completeP95"))} | ${spread(ratio("ordersPerSec"))} | ` +
      `${f0(of("routing", "completeP50"))} / ${f0(of("routing", "completeP95"))}; ${f0(of("medusa", "completeP50"))} / ${f0(of("medusa", "completeP95"))} | ` +
      `${both("ordersPerSec", f2)} | ${f0(of("routing", "statements"))} (${f0(of("routing", "locked"))}); ${f0(of("medusa", "statements"))} (${f0(of("medusa", "locked"))}) | ` +
      `${both("lockMsP50")} | ${both("routingP50")} | ${both("serverCpuMsPerOrder")} | ours ${bad("routing")}; Medusa's ${bad("medusa")} | ${f2(median(at.map((r) => r.load)))} |`
    )
  })
  return [head, ...body].join("\n")
}

// ---------------------------------------------------------------- the flash sale's stock

type Level = { inventory_item_id: string; location_id: string; stocked: number; reserved: number; held: number }

async function withPg<T>(db: any, job: (client: any) => Promise<T>): Promise<T> {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { Client } = require("pg")
  const client = new Client({ host: db.host, port: db.port, user: db.user, password: db.password, database: DATABASE })
  await client.connect()
  try {
    return await job(client)
  } finally {
    await client.end()
  }
}

/** The flash SKUs' levels: stocked, reserved as the level says, and held as the reservations sum up. */
async function flashLevels(db: any): Promise<Level[]> {
  return withPg(db, async (client) => {
    const { rows } = await client.query(
      `SELECT l.inventory_item_id, l.location_id, l.stocked_quantity::float AS stocked, l.reserved_quantity::float AS reserved,
              COALESCE((SELECT SUM(r.quantity) FROM reservation_item r
                         WHERE r.inventory_item_id = l.inventory_item_id AND r.location_id = l.location_id
                           AND r.deleted_at IS NULL), 0)::float AS held
         FROM inventory_level l JOIN inventory_item i ON i.id = l.inventory_item_id
        WHERE l.deleted_at IS NULL AND i.sku = ANY($1)`,
      [flashSkus()]
    )
    return rows
  })
}

/**
 * Before a flash sale: every level of the flash SKUs gets free stock for the whole sale's demand
 * of that SKU, so both checkouts can place every order (like for like) while all shoppers
 * contend for the same few inventory-item locks. Through the admin API, as a person would.
 */
async function stockFlashSale(base: string, token: string, db: any, specs: OrderSpec[]) {
  const demand = new Map<string, number>()
  for (const s of specs) for (const l of s.lines) demand.set(l.sku, (demand.get(l.sku) ?? 0) + l.quantity)
  const skuOf = await withPg(db, async (client) => {
    const { rows } = await client.query(`SELECT id, sku FROM inventory_item WHERE deleted_at IS NULL AND sku = ANY($1)`, [flashSkus()])
    return new Map<string, string>(rows.map((r: any) => [r.id, r.sku]))
  })
  for (const level of await flashLevels(db)) {
    const stocked = Math.max(level.reserved, level.held) + (demand.get(skuOf.get(level.inventory_item_id)!) ?? 0)
    await api(base, "POST", `/admin/inventory-items/${level.inventory_item_id}/location-levels/${level.location_id}`, { stocked_quantity: stocked }, {
      authorization: `Bearer ${token}`,
    })
  }
}

/**
 * Before each pass: every stocked level whose free stock fell under TOP_UP_BELOW gets that much
 * again (through the admin API), so that no pass finds an SKU sold out that the one before it
 * drew down (a cart with a sold-out line is refused at creation, and the phase would be cut).
 * Levels that hold nothing stay empty: where each SKU is stocked is what routing decides on.
 */
const TOP_UP_BELOW = 40

async function topUpStock(base: string, token: string, db: any) {
  const low = await withPg(db, async (client) => {
    const { rows } = await client.query(
      `SELECT inventory_item_id, location_id, stocked_quantity::float AS stocked, reserved_quantity::float AS reserved
         FROM inventory_level
        WHERE deleted_at IS NULL AND stocked_quantity > 0 AND stocked_quantity - reserved_quantity < $1`,
      [TOP_UP_BELOW]
    )
    return rows as { inventory_item_id: string; location_id: string; stocked: number; reserved: number }[]
  })
  for (const level of low) {
    await api(base, "POST", `/admin/inventory-items/${level.inventory_item_id}/location-levels/${level.location_id}`, {
      stocked_quantity: level.reserved + 2 * TOP_UP_BELOW,
    }, { authorization: `Bearer ${token}` })
  }
}

/** After a flash sale: reserved never above stocked at any location, by the level and by the reservations. */
async function checkNoOverReservation(db: any, when: string) {
  const levels = await flashLevels(db)
  const over = levels.filter((l) => l.reserved > l.stocked || l.held > l.stocked)
  for (const l of levels.filter((l) => l.held !== l.reserved)) {
    log(`warning after ${when}: ${l.inventory_item_id} at ${l.location_id}: the level says ${l.reserved} reserved, its reservations sum to ${l.held}`)
  }
  if (over.length) {
    throw new Error(
      `OVER-RESERVATION after ${when}: ` +
        over.map((l) => `${l.inventory_item_id} at ${l.location_id}: stocked ${l.stocked}, reserved ${l.reserved}, reservations ${l.held}`).join("; ")
    )
  }
}

// ---------------------------------------------------------------- the server

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.unref()
    srv.once("error", reject)
    srv.listen(0, () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })
}

function tail(file: string, lines = 40) {
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8").split("\n").slice(-lines).join("\n") : `(no ${file})`
}

type Server = { base: string; child: ChildProcess; logFile: string; stop: () => Promise<void> }
const running = new Set<ChildProcess>()

function groupAlive(pid: number) {
  try {
    process.kill(-pid, 0)
    return true
  } catch {
    return false
  }
}

/** SIGTERM to the server's process group, SIGKILL after 8 s if anything is left. */
async function killGroup(child: ChildProcess) {
  const pid = child.pid!
  try {
    process.kill(-pid, "SIGTERM")
  } catch {
    running.delete(child)
    return
  }
  const until = Date.now() + 8000
  while (Date.now() < until && groupAlive(pid)) await sleep(200)
  try {
    process.kill(-pid, "SIGKILL")
  } catch {
    // gone
  }
  running.delete(child)
}

async function startServer(db: any, name: string, extraEnv: Record<string, string>): Promise<Server> {
  const port = await freePort()
  const base = `http://localhost:${port}`
  const logFile = path.join(WORK_DIR, `server-${name}.log`)
  const out = fs.openSync(logFile, "w")
  // `medusa start` with NODE_ENV=development is the process `medusa develop` forks, minus the
  // file watcher (others edit the tree meanwhile); the admin dashboard is not built or served.
  const child: ChildProcess = medusaChild(["start"], db, {
    extraEnv: {
      PORT: String(port),
      NODE_ENV: "development",
      LOG_LEVEL: "info",
      MEDUSA_ADMIN_DISABLE: "true",
      // Counts each request's statements (this benchmark only; it changes nothing the app does).
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${path.join(__dirname, "count-statements.js")}`.trim(),
      ...extraEnv,
    },
    stdio: ["ignore", out, out],
  })
  fs.closeSync(out)
  running.add(child)
  const server = { base, child, logFile, stop: () => killGroup(child) }
  const deadline = Date.now() + 240_000
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before /health answered\n${tail(logFile)}`)
    }
    const code = await fetch(`${base}/health`, { signal: AbortSignal.timeout(10_000) }).then((r) => r.status, () => null)
    if (code === 200) return server
    if (Date.now() > deadline) {
      await server.stop()
      throw new Error(`/health did not answer in time\n${tail(logFile)}`)
    }
    await sleep(500)
  }
}

let serverStarts = 0

/** A server with the given checkout, warmed up (each start its own warm-up carts, so no SKU runs dry). */
async function startCheckout(db: any, checkout: Checkout) {
  serverStarts++
  log(`${elapsed()} starting the server, checkout: ${LABEL[checkout]}`)
  const server = await startServer(db, checkout, { OMS_ROUTING_CHECKOUT: checkout === "routing" ? "true" : "false" })
  log(`${elapsed()} ${server.base}/health answers`)
  const token = await adminToken(server.base)
  const store = await readStore(server.base, token)
  await topUpStock(server.base, token, db)
  // Warm-up: first requests load code paths, prepare statements and fill caches. The run's first
  // server also warms the database (its buffers and statistics are cold), at concurrency 4, so the
  // first pass measured does not pay for that alone.
  const first = serverStarts === 1
  const warm = await runPhase(server.base, store, token, makeOrders(6000 + serverStarts, first ? 6 * WARMUP : WARMUP), first ? 4 : 1, PHASE_MS)
  const warmFailed = warm.results.filter((r) => !r.ok)
  if (warmFailed.length === warm.results.length) throw new Error(`warm-up orders failed: ${warmFailed[0]?.error}`)
  log(`${elapsed()} ${checkout}: warmed up with ${warm.results.length} orders`)
  return { server, token, store }
}

/**
 * One pass of one checkout on a server started for it: concurrency 1 and 4, then the flash sales
 * (stock checked after each). A phase with failed completions gets the server started again before
 * the next phase, so that no phase inherits locks a failed one left held.
 */
async function runPass(db: any, checkout: Checkout, pair: number): Promise<Row[]> {
  let s = await startCheckout(db, checkout)
  const seed = 7001 + 10 * pair
  const rows: Row[] = []
  const report = async (row: Row, last: boolean) => {
    rows.push(row)
    log(
      `${elapsed()} pair ${pair + 1} ${checkout} ${phaseName(row)}: ${row.placed}/${row.asked} placed, ${f2(row.ordersPerSec)} orders/s, ` +
        `complete p50 ${f0(row.completeP50)} ms, ${row.statements} statements (${row.locked} locked), ${row.decided} decisions, ` +
        `server CPU ${f0(row.serverCpuMsPerOrder)} ms per order` +
        (row.firstError ? `; first error: ${row.firstError}` : "")
    )
    if (row.failed && !last) {
      row.restartedAfter = true
      log(`${elapsed()} ${checkout}: ${row.failed} completions failed; starting its server again`)
      await s.server.stop()
      s = await startCheckout(db, checkout)
    }
  }
  try {
    for (const [concurrency, n, k] of [[1, SEQ, 1], [4, CONC, 2]] as const) {
      await report(summarise(checkout, pair, await runPhase(s.server.base, s.store, s.token, makeOrders(seed + k, n), concurrency, PHASE_MS)), false)
    }
    for (const [i, n] of FLASH.entries()) {
      const specs = makeFlashOrders(seed + 5 + i, n)
      await stockFlashSale(s.server.base, s.token, db, specs)
      const row = summarise(checkout, pair, await runFlash(s.server.base, s.store, s.token, specs))
      await checkNoOverReservation(db, `pair ${pair + 1}, ${LABEL[checkout]}, flash sale of ${n}`)
      await report(row, i === FLASH.length - 1)
    }
    return rows
  } finally {
    await s.server.stop()
  }
}

/**
 * After the pairs, one flash sale per checkout whose carts list the SKUs in any order, each on a
 * fresh server: how many orders each checkout places when the carts' lock orders cross.
 */
async function runAnyOrderFlash(db: any, checkout: Checkout, pair: number): Promise<Row> {
  const s = await startCheckout(db, checkout)
  try {
    const specs = makeFlashOrders(9001, FLASH[0], "any")
    await stockFlashSale(s.server.base, s.token, db, specs)
    const row = { ...summarise(checkout, pair, await runFlash(s.server.base, s.store, s.token, specs)), anyOrder: true }
    await checkNoOverReservation(db, `${LABEL[checkout]}, flash sale of ${FLASH[0]} with lines in any order`)
    log(`${elapsed()} ${checkout} ${phaseName(row)}: ${row.placed}/${row.asked} placed` + (row.firstError ? `; first error: ${row.firstError}` : ""))
    return row
  } finally {
    await s.server.stop()
  }
}

// ---------------------------------------------------------------- main

function writeDocs(md: string, machine: string, counts: string) {
  const file = path.join(ROOT, "docs", "benchmarks.md")
  const section = [
    "<!-- routing-e2e:start -->",
    "<!-- written by npm run bench:routing-e2e -->",
    "## Routing end to end (the real app): our checkout against Medusa's own",
    "",
    `Machine: ${machine}. ${counts}`,
    "",
    "`medusa start` servers on one database (NODE_ENV=development, admin off, in-memory event bus, locking and",
    "workflow engine, embedded PostgreSQL with fsync off), one at a time: each pass starts its checkout's server",
    "afresh and warms it up, and a phase in which completions failed gets the server started again before the",
    "next phase (Medusa's own checkout can leave inventory-item locks held for the life of its process: see",
    "\"Flash sales and lock order\" above; the failed column says how often). The demo store",
    `(${DEMO_LOCATIONS.length} warehouses, ${buildCatalog().flatMap((p) => p.variants).length} variants) with no orders before the run.`,
    "ours: the plugin's checkout (routing reserves at checkout). Medusa's: the override off",
    "(`OMS_ROUTING_CHECKOUT=false`), Medusa's own cart completion; its orders are routed afterwards by the",
    "`order.placed` subscriber, which moves the reservations where the plan wants them.",
    "The run is pairs of passes, alternating which checkout goes first; a pass is concurrency 1 and 4 (whole",
    "checkouts over the store API: cart with address and 1-3 lines in stock in the shopper's market, shipping",
    "options, method, payment collection and session, complete; the same carts, fixed seeds, in both passes",
    "of a pair), then two flash sales: that many shoppers, carts ready, complete at once, each buying 1-3 of",
    "the same 3 SKUs (stocked in 4, 2 and 3 warehouses; shoppers in the US), listed in every cart in the sale's",
    "order (that of their inventory items' ids, the order routing locks them in), the SKUs' levels first given",
    "free stock for the whole sale so both checkouts can place every order.",
    `After the pairs, one flash sale of ${FLASH[0]} per checkout whose carts list the SKUs in any order: Medusa's own`,
    "checkout takes the locks in cart order and deadlocks on crossed orders (\"Flash sales and lock order\" above), so",
    "that row shows what each places and is not part of the comparison. After each flash sale every level",
    "of those SKUs is checked: reserved (by the level and by its reservations) never above stocked, or the run fails.",
    "",
    "Ratios: per pair, ours / Medusa's; the table gives their median over the pairs and, in brackets, min-max.",
    "The p50 and p95 ratios are taken over the first n completions answered in both passes of the pair, n the",
    "fewer placed: where one checkout refused orders (Medusa's own gives up after 5 s in the queue on its",
    "inventory-item locks, so a flash sale of 50 loses its back), the other's longest waits would otherwise be",
    "compared with nothing; where both placed everything this is the plain p50 and p95.",
    "complete: `POST /store/carts/:id/complete` alone. orders/s: at 1 and 4, whole checkouts over the phase's",
    "wall time; in a flash sale, completions over the time from the release to the last answer.",
    "Statements per completion: what the completion request sends to PostgreSQL until its response (counted",
    "in the server by `bench/routing-e2e/count-statements.js`, preloaded only here; subscribers not counted),",
    "median over the phase, in brackets those sent inside the inventory-item locks (the locking module's",
    "`execute`); these do not depend on the machine. ms in the locks: wall time inside them per completion",
    "(a busy machine stretches it). routing: the decision's `created_at` minus the order's `created_at`.",
    "server CPU per order: the server process's CPU from the phase's start until its last order was routed",
    "(its requests, the shoppers' cart building, the `order.placed` subscribers, the bench's decision polls),",
    "over the orders placed; in a flash sale from the release (the carts were built before), so there it is",
    "the completions and what follows them, failed ones included. PostgreSQL's own CPU is not in it.",
    "load: the machine's 1-minute load average as phases stopped placing (2 cores; this run accounts for up",
    "to about 2 of it, anything above is other work: timings then carry its noise, counts do not).",
    "",
    md,
    "<!-- routing-e2e:end -->",
  ].join("\n")
  let doc = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "# Benchmarks\n"
  doc = writeSection(doc, "routing-e2e", section)
  fs.writeFileSync(file, doc)
}

function machineLine(loadBefore: number) {
  const loadAfter = os.loadavg()[0]
  const cpu = os.cpus()
  const shared =
    loadBefore >= 0.5
      ? `shared with other work (1-minute load average ${loadBefore.toFixed(2)} before the run, ${loadAfter.toFixed(2)} at its end)`
      : `not visibly shared (1-minute load average ${loadBefore.toFixed(2)} before the run, ${loadAfter.toFixed(2)} at its end)`
  return `${cpu[0]?.model ?? "unknown CPU"} (${cpu.length} cores), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, ${shared}`
}

function countsLine(pairsDone: number) {
  return (
    `Counts: ${WARMUP} warm-up orders per server, then ${PAIRS} pairs of passes` +
    (pairsDone < PAIRS ? ` asked, ${pairsDone} done when this was written (the run was still going)` : "") +
    `; per pass ${SEQ} orders at concurrency 1 and ${CONC} at concurrency 4 (each phase capped at ${PHASE_MS / 1000} s of placing) ` +
    (FLASH.length ? `and flash sales of ${FLASH.join(" and ")} shoppers; ` : "and no flash sales; ") +
    (pairsDone < PAIRS ? `${elapsed()} of the script so far.` : `the script took ${elapsed()}.`)
  )
}

async function main() {
  fs.mkdirSync(WORK_DIR, { recursive: true })
  const loadBefore = os.loadavg()[0]
  process.env.OMS_PG_PORT = PG_PORT

  // Its own cluster, from a clean data folder each run (nothing in it is worth keeping).
  const clusterDir = path.join(ROOT, ".data", `postgres-test-${PG_PORT}`)
  const listening = await new Promise<boolean>((resolve) => {
    const s = net.connect({ host: "127.0.0.1", port: Number(PG_PORT) })
    s.once("connect", () => (s.destroy(), resolve(true)))
    s.once("error", () => resolve(false))
  })
  if (!process.env.DATABASE_URL && !listening) fs.rmSync(clusterDir, { recursive: true, force: true })

  const pgLog: string[] = []
  const db = await startDatabase({
    purpose: "test",
    database: DATABASE,
    log: (m: string) => {
      pgLog.push(m)
      if (pgLog.length > 50) pgLog.shift()
    },
  })
  let stopping = false
  const cleanUp = async () => {
    if (stopping) return
    stopping = true
    for (const child of [...running]) await killGroup(child)
    await db.stop()
  }
  const onSignal = () => void cleanUp().then(() => process.exit(130))
  process.once("SIGINT", onSignal)
  process.once("SIGTERM", onSignal)
  process.once("exit", () => {
    for (const child of running) {
      try {
        process.kill(-child.pid!, "SIGKILL")
      } catch {
        // gone
      }
    }
  })

  try {
    log(`${elapsed()} PostgreSQL on ${db.port} (${db.embedded ? "embedded" : "DATABASE_URL"}); database ${DATABASE} afresh`)
    await dropDatabase(db, DATABASE)
    await createDatabaseIfMissing(db, DATABASE)
    await medusa(["db:migrate"], db, { quiet: true })
    log(`${elapsed()} migrated`)
    await medusa(["exec", "./scripts/seed/run.ts"], db, { quiet: true, extraEnv: { OMS_SEED_ORDERS: "0", OMS_SEED_HISTORY: "false" } })
    log(`${elapsed()} seeded the demo store (no orders)`)
    saleOrder = await readSaleOrder(db)

    const rows: Row[] = []
    try {
      for (let pair = 0; pair < PAIRS; pair++) {
        const order = pair % 2 === 0 ? CHECKOUTS : [...CHECKOUTS].reverse()
        for (const checkout of order) rows.push(...(await runPass(db, checkout, pair)))
        // Written after every pair, so a run cut short still leaves the pairs it finished (and says so).
        if (writeToDocs && pair + 1 < PAIRS) writeDocs(table(rows), machineLine(loadBefore), countsLine(pair + 1))
      }
      if (ANY_ORDER) {
        if (writeToDocs) writeDocs(table(rows), machineLine(loadBefore), countsLine(PAIRS))
        for (const checkout of CHECKOUTS) rows.push(await runAnyOrderFlash(db, checkout, PAIRS))
      }
    } catch (e) {
      const logs = CHECKOUTS.map((c) => path.join(WORK_DIR, `server-${c}.log`)).map(
        (file) => `--- tail of ${path.relative(ROOT, file)} ---\n${tail(file, 20)}`
      )
      throw new Error(`${(e as Error).message}\n${logs.join("\n")}`)
    }
    const md = table(rows)
    fs.writeFileSync(path.join(WORK_DIR, "rows.json"), JSON.stringify(rows, null, 1))
    console.log(md)
    const machine = machineLine(loadBefore)
    const counts = countsLine(PAIRS)
    console.log(`\n${machine}. ${counts}`)
    if (rows.some((r) => r.failed || r.decided < r.placed)) log("some orders failed or were not routed; see the table")
    if (writeToDocs) writeDocs(md, machine, counts)
  } catch (e) {
    log(`failed: ${(e as Error).message}`)
    if (pgLog.length) log(`--- last PostgreSQL log lines ---\n${pgLog.slice(-10).join("\n")}`)
    process.exitCode = 1
  } finally {
    await cleanUp()
  }
}

main()
