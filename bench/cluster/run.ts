/**
 * `npm run bench:cluster`: the app as a shop runs it in production, one Redis, workers: 2, and
 * first one then two HTTP servers (MEDUSA_WORKER_MODE=server | worker, scripts/lib/app-processes.js).
 * Orders are placed through the whole storefront checkout (bench/shared/checkout.ts), spread
 * round-robin over the servers; their routing decisions are made on the workers after
 * order.placed and read from the database. Then a wave of 100 orders is picked and packed over
 * the admin API and its labels bought with the offline carrier (POST /admin/oms/waves/:id/labels,
 * which runs on the server that takes the request). Prints a markdown table and writes it into
 * docs/benchmarks.md between the cluster markers (--quick and --no-docs leave the docs alone).
 *
 * Its own embedded PostgreSQL (OMS_PG_PORT, 54375 unless set; database medusa_oms_bench_cluster,
 * dropped and recreated) and its own Redis (OMS_REDIS_PORT, 56381 unless set; emptied first).
 * Counts: OMS_BENCH_ORDERS (80) orders per server count at concurrency OMS_BENCH_CONC (6), each
 * phase also stopped after OMS_BENCH_PHASE_SECONDS (90) of placing; OMS_BENCH_WAVE (100) orders
 * in the wave; the same number again, queued while the event bus is paused, for routing capacity.
 * --quick: 12 orders per phase and a wave of 10.
 */
import { Queue } from "bullmq"
import fs from "fs"
import IORedis from "ioredis"
import os from "os"
import path from "path"
import {
  OrderSpec, Result, Store, adminToken, api, f0, f2, makeOrders, ordersFromCity, pct, placeOrders, readStore, sleep, writeSection,
} from "../shared/checkout"

// CommonJS helpers shared with the npm scripts.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startDatabase, dropDatabase, createDatabaseIfMissing, ROOT } = require("../../scripts/lib/database")
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { medusa } = require("../../scripts/lib/medusa")
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startRedis } = require("../../scripts/lib/redis")
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startApp, startCluster } = require("../../scripts/lib/app-processes")
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { Client } = require("pg")

const quick = process.argv.includes("--quick")
const writeToDocs = !quick && !process.argv.includes("--no-docs")
const DATABASE = "medusa_oms_bench_cluster"
const PG_PORT = process.env.OMS_PG_PORT || "54375"
const REDIS_PORT = Number(process.env.OMS_REDIS_PORT || 56381)
const ORDERS = Number(process.env.OMS_BENCH_ORDERS || (quick ? 12 : 80))
const CONC = Number(process.env.OMS_BENCH_CONC || 6)
const PHASE_MS = 1000 * Number(process.env.OMS_BENCH_PHASE_SECONDS || (quick ? 45 : 90))
const WAVE = Number(process.env.OMS_BENCH_WAVE || (quick ? 10 : 100))
const WARMUP = quick ? 2 : 4
const DECISION_WAIT_MS = 120_000
const WORK_DIR = path.join(ROOT, ".data", "bench-cluster")
/** The wave's warehouse and where its shoppers live (the demo store ships Boston from Newark). */
const WAVE_LOCATION = { key: "newark", name: "Newark DC", city: "Boston" }

const log = (m: string) => process.stderr.write(`[bench:cluster] ${m}\n`)
const t0 = Date.now()
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(0)}s`

// ---------------------------------------------------------------- decisions, read from the database

/**
 * Watches the routing decisions of placed orders with one query every 200 ms (not through the
 * servers, so watching does not load what is measured): stamps each order's decision
 * created_at (the worker's clock, same machine) and when it was first seen.
 */
function decisionWatcher(db: any) {
  const client = new Client({ host: db.host, port: db.port, user: db.user, password: db.password, database: DATABASE })
  const waiting = new Map<string, Result>()
  let stopped = false
  const loop = (async () => {
    await client.connect()
    while (!stopped) {
      if (waiting.size) {
        const { rows } = await client.query(
          "select order_id, status, created_at from oms_routing_decision where deleted_at is null and order_id = any($1)",
          [[...waiting.keys()]]
        )
        const seen = Date.now()
        for (const row of rows) {
          const r = waiting.get(row.order_id)
          if (!r) continue
          r.decisionCreatedAt = new Date(row.created_at).getTime()
          r.decisionSeenAt = seen
          r.status = row.status
          waiting.delete(row.order_id)
        }
      }
      await sleep(200)
    }
    await client.end()
  })()
  return {
    watch: (r: Result) => void waiting.set(r.orderId!, r),
    /** Waits until every watched order is decided, or `timeoutMs` passed; answers how many are left. */
    async drain(timeoutMs: number) {
      const until = Date.now() + timeoutMs
      while (waiting.size && Date.now() < until) await sleep(200)
      return waiting.size
    },
    async stop() {
      stopped = true
      await loop
    },
  }
}

// ---------------------------------------------------------------- checkout phases

type Row = {
  servers: number
  placed: number
  asked: number
  failed: number
  ordersPerSec: number
  completeP50: number
  completeP95: number
  decided: number
  decisionsPerSec: number
  routingP50: number
  routingP95: number
  afterP50: number
  afterP95: number
  backlog: number
  load: number
  firstError?: string
}

type Watcher = ReturnType<typeof decisionWatcher>

async function checkoutPhase(bases: string[], store: Store, watcher: Watcher, specs: OrderSpec[]): Promise<Row> {
  const placing = await placeOrders(bases, store, specs, CONC, PHASE_MS, async (r) => watcher.watch(r))
  // Placed but not yet decided as the last checkout completed: how far routing trails.
  const placingEnd = placing.placingEnd
  await watcher.drain(DECISION_WAIT_MS)
  const ok = placing.results.filter((r) => r.ok)
  const decided = ok.filter((r) => r.decisionCreatedAt !== undefined)
  // Both from the phase's start: orders to the last completion, decisions to the last decision.
  const ordersPerSec = ok.length / ((Math.max(...ok.map((r) => r.completedAt)) - placing.phaseStart) / 1000)
  const decisionsPerSec = decided.length / ((Math.max(...decided.map((r) => r.decisionCreatedAt!)) - placing.phaseStart) / 1000)
  return {
    servers: bases.length,
    placed: ok.length,
    asked: specs.length,
    failed: placing.results.length - ok.length,
    ordersPerSec,
    completeP50: pct(ok.map((r) => r.completedAt - r.completeSentAt), 50),
    completeP95: pct(ok.map((r) => r.completedAt - r.completeSentAt), 95),
    decided: decided.length,
    decisionsPerSec,
    routingP50: pct(decided.map((r) => r.decisionCreatedAt! - r.orderCreatedAt!), 50),
    routingP95: pct(decided.map((r) => r.decisionCreatedAt! - r.orderCreatedAt!), 95),
    afterP50: pct(decided.map((r) => r.decisionCreatedAt! - r.completedAt), 50),
    afterP95: pct(decided.map((r) => r.decisionCreatedAt! - r.completedAt), 95),
    backlog: decided.filter((r) => r.decisionCreatedAt! > placingEnd).length,
    load: placing.load,
    firstError: placing.results.find((r) => r.error)?.error,
  }
}

// ---------------------------------------------------------------- routing capacity

type Capacity = { orders: number; decided: number; decisionsPerSec: number; firstError?: string }

/**
 * What the two workers can route when they are never short of work: the event bus queue is
 * paused (bullmq's pause: no worker takes a job), `specs` are placed through checkout (their
 * `order.placed` events wait in Redis), then the queue is resumed and the decisions are timed
 * from the resume to the last one. Routing keeps pace with checkout when this rate is at least
 * the checkout's orders/s.
 */
async function capacityPhase(bases: string[], store: Store, watcher: Watcher, redisUrl: string, specs: OrderSpec[]): Promise<Capacity> {
  const connection = new IORedis(redisUrl, { maxRetriesPerRequest: null })
  const queue = new Queue("events-queue", { prefix: "RedisEventBusService", connection })
  try {
    await queue.pause()
    const placing = await placeOrders(bases, store, specs, CONC, 10 * PHASE_MS)
    const ok = placing.results.filter((r) => r.ok)
    for (const r of ok) watcher.watch(r)
    const resumedAt = Date.now()
    await queue.resume()
    await watcher.drain(DECISION_WAIT_MS)
    const decided = ok.filter((r) => r.decisionCreatedAt !== undefined)
    const last = Math.max(...decided.map((r) => r.decisionCreatedAt!))
    return { orders: ok.length, decided: decided.length, decisionsPerSec: decided.length / ((last - resumedAt) / 1000), firstError: placing.results.find((r) => r.error)?.error }
  } finally {
    await queue.resume().catch(() => undefined)
    await queue.close()
    connection.disconnect()
  }
}

// ---------------------------------------------------------------- the wave

type WaveRow = { orders: number; bought: number; failed: number; wallMs: number; labelsPerSec: number; labelP50: number; labelP95: number; packMs: number; firstError?: string }

/**
 * A wave of WAVE orders at Newark: placed through checkout, routed, picked stop by stop with the
 * scanner routes, every order packed, then one POST /admin/oms/waves/:id/labels with the
 * offline carrier. Timed: the labels request (every label is bought when it answers) and each
 * label from its ledger row (written before the carrier is called) to purchased_at.
 */
async function wavePhase(bases: string[], store: Store, token: string, watcher: Watcher, db: any): Promise<WaveRow> {
  const auth = { authorization: `Bearer ${token}` }
  const admin = (method: string, url: string, body?: unknown, timeoutMs?: number) => api(bases[0], method, url, body, auth, timeoutMs)
  const specs = ordersFromCity(WAVE_LOCATION.city, WAVE_LOCATION.key, WAVE, 9100)
  const placing = await placeOrders(bases, store, specs, CONC, 10 * PHASE_MS, async (r) => watcher.watch(r))
  const placed = placing.results.filter((r) => r.ok)
  if (placed.length < WAVE) throw new Error(`only ${placed.length} of ${WAVE} wave orders were placed: ${placing.results.find((r) => r.error)?.error}`)
  const left = await watcher.drain(DECISION_WAIT_MS)
  if (left) throw new Error(`${left} wave orders were not routed within ${DECISION_WAIT_MS / 1000} s`)
  log(`${elapsed()} ${placed.length} Boston orders placed and routed`)

  const { stock_locations } = await admin("GET", "/admin/stock-locations?fields=id,name&limit=50")
  const location = stock_locations.find((l: { name: string }) => l.name === WAVE_LOCATION.name)
  const { wave } = await admin("POST", "/admin/oms/waves", { stock_location_id: location.id, max_orders: WAVE })
  await admin("POST", `/admin/oms/waves/${wave.id}/start`, {})
  // The picker's walk: scan the bin (when it has one), the item, then confirm the quantity.
  for (;;) {
    const stop = (await admin("GET", `/admin/oms/waves/${wave.id}`)).wave.scan.current_stop
    if (!stop) break
    const scan = (body: Record<string, unknown>) => admin("POST", `/admin/oms/waves/${wave.id}/scan`, body)
    if (stop.bin_code) await scan({ type: "bin", code: stop.bin_code })
    await scan({ type: "item", code: stop.sku ?? stop.barcode })
    await scan({ type: "quantity", quantity: stop.quantity })
  }
  const packStart = Date.now()
  for (const o of wave.orders) await admin("POST", `/admin/oms/waves/${wave.id}/orders/${o.order_id}/pack`, {})
  const packMs = Date.now() - packStart
  log(`${elapsed()} wave ${wave.id}: ${wave.orders.length} orders picked and packed`)

  const { carrier_account } = await admin("POST", "/admin/oms/carrier-accounts", {
    carrier: "offline",
    name: "Bench offline",
    settings: { account_id: `bench-cluster-${Date.now()}` },
  })
  const sent = Date.now()
  const answer = await admin("POST", `/admin/oms/waves/${wave.id}/labels`, { carrier_account_id: carrier_account.id, service_code: "offline_economy" }, 900_000)
  const wallMs = Date.now() - sent

  const client = new Client({ host: db.host, port: db.port, user: db.user, password: db.password, database: DATABASE })
  await client.connect()
  const { rows } = await client
    .query(
      "select created_at, purchased_at from oms_label where deleted_at is null and status = 'purchased' and order_id = any($1)",
      [wave.orders.map((o: { order_id: string }) => o.order_id)]
    )
    .finally(() => client.end())
  const perLabel = rows.map((r: any) => new Date(r.purchased_at).getTime() - new Date(r.created_at).getTime())
  return {
    orders: wave.orders.length,
    bought: answer.bought.length,
    failed: answer.failed.length,
    wallMs,
    labelsPerSec: answer.bought.length / (wallMs / 1000),
    labelP50: pct(perLabel, 50),
    labelP95: pct(perLabel, 95),
    packMs,
    firstError: answer.failed[0]?.message,
  }
}

// ---------------------------------------------------------------- output

function checkoutTable(rows: Row[], capacity: Capacity): string {
  const head =
    "| servers (workers: 2) | orders placed | orders/s | complete p50 / p95 ms | decisions | decisions/s (live) | routing capacity, decisions/s | capacity ÷ orders/s | order.placed → decision on a worker p50 / p95 ms (decision - completion response) | decision - order created_at p50 / p95 ms | decided after placing stopped | load |\n" +
    "|---|---|---|---|---|---|---|---|---|---|---|---|"
  const body = rows.map(
    (r) =>
      `| ${r.servers} | ${r.placed}/${r.asked}${r.failed ? ` (${r.failed} failed)` : ""} | ${f2(r.ordersPerSec)} | ${f0(r.completeP50)} / ${f0(r.completeP95)} | ` +
      `${r.decided}/${r.placed} | ${f2(r.decisionsPerSec)} | ${f2(capacity.decisionsPerSec)} (${capacity.decided}/${capacity.orders} queued) | ${f2(capacity.decisionsPerSec / r.ordersPerSec)} | ` +
      `${f0(r.afterP50)} / ${f0(r.afterP95)} | ${f0(r.routingP50)} / ${f0(r.routingP95)} | ${r.backlog} | ${f2(r.load)} |`
  )
  return [head, ...body].join("\n")
}

function waveTable(w: WaveRow): string {
  return [
    `| wave orders | labels bought | failed | request → every label purchased | labels/s | per label p50 / p95 ms (ledger row → purchased) | packing the wave (${w.orders} pack requests, one after another) |`,
    "|---|---|---|---|---|---|---|",
    `| ${w.orders} | ${w.bought} | ${w.failed} | ${(w.wallMs / 1000).toFixed(1)} s | ${f2(w.labelsPerSec)} | ${f0(w.labelP50)} / ${f0(w.labelP95)} | ${(w.packMs / 1000).toFixed(1)} s |`,
  ].join("\n")
}

function writeDocs(md: string, machine: string, counts: string) {
  const file = path.join(ROOT, "docs", "benchmarks.md")
  const section = [
    "<!-- cluster:start -->",
    "<!-- written by npm run bench:cluster -->",
    "## Scale-out: servers and workers on Redis",
    "",
    `Machine: ${machine}. ${counts}`,
    "",
    "The app as `medusa start` processes (NODE_ENV=development, admin off) on one embedded PostgreSQL (fsync off)",
    "and one Redis (Debian's redis-server, append-only file on): Medusa's Redis event bus, workflow engine, locking",
    "and cache; two workers (`MEDUSA_WORKER_MODE=worker`: subscribers and jobs) and one, then two, servers",
    "(`MEDUSA_WORKER_MODE=server`: HTTP only), the second server added to the same cluster and database. The demo",
    "store with no orders before the run. Each order is the shopper's whole checkout over the store API (see",
    "bench:routing-e2e: cart, shipping options, shipping method, payment collection and session, complete) with",
    "the plugin's checkout (routing reserves at checkout), the k-th checkout on server k mod n. Routing decisions",
    "are recorded by the `order.placed` subscriber on a worker and read from the database every 200 ms (never",
    "through the servers). orders/s: orders completed over the time from the phase's start to the last completion;",
    "decisions/s (live): decisions over the time from the same start to the last decision. Routing capacity: the event",
    "bus queue paused (bullmq), the same number of orders placed over both servers (their `order.placed` events wait",
    "in Redis), then the queue resumed and the two workers' decisions timed from the resume to the last one: what",
    "routing can do when it is never short of work. capacity ÷ orders/s >= 1.0: routing keeps pace with checkout.",
    "order.placed → decision: the decision's `created_at` (stamped on the worker) minus the moment the completion",
    "response reached the client; `order.placed` is emitted as cart completion ends, so this is the event's hop",
    "through Redis plus the routing workflow on a worker (the same clock: one machine). decision - order created_at",
    "also includes the rest of cart completion after the order row is written. decided after placing stopped:",
    "orders whose decision came after the last checkout completed (the backlog routing had then). load: the",
    "1-minute load average as placing stopped (2 cores): this run's two or three app processes, database, Redis",
    "and client are most of 2; anything above is other work.",
    "",
    `The wave: ${WAVE} single-unit Boston orders (Newark ships them) placed through checkout over both servers and`,
    "routed, built into one wave at Newark, picked through the scan routes and packed (Medusa's fulfillment per",
    "order); then one `POST /admin/oms/waves/:id/labels` with the offline carrier (in-process purchase book, no",
    "network), which buys on the server that takes the request, four at a time under the account's shared pace",
    "(Redis lock and cache), and answers once every label is bought. per label: the ledger row's `created_at`",
    "(written before the carrier is called, after the order lock is taken) to its `purchased_at`.",
    "",
    md,
    "<!-- cluster:end -->",
  ].join("\n")
  const doc = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "# Benchmarks\n"
  fs.writeFileSync(file, writeSection(doc, "cluster", section))
}

// ---------------------------------------------------------------- main

async function main() {
  fs.mkdirSync(WORK_DIR, { recursive: true })
  const loadBefore = os.loadavg()[0]
  process.env.OMS_PG_PORT = PG_PORT
  const db = await startDatabase({ purpose: "test", database: DATABASE })
  const appDb = { ...db, database: DATABASE, url: db.url.replace(/\/[^/]*$/, `/${DATABASE}`) }
  let redis: any = null
  let cluster: any = null
  let watcher: Watcher | null = null
  const extra: any[] = []
  let stopping = false
  const cleanUp = async () => {
    if (stopping) return
    stopping = true
    await watcher?.stop().catch(() => undefined)
    await Promise.all(extra.map((p) => p.stop()))
    await cluster?.stop()
    await redis?.stop()
    await db.stop()
  }
  const onSignal = () => void cleanUp().then(() => process.exit(130))
  process.once("SIGINT", onSignal)
  process.once("SIGTERM", onSignal)

  try {
    log(`${elapsed()} PostgreSQL on ${db.port}; database ${DATABASE} afresh`)
    await dropDatabase(db, DATABASE)
    await createDatabaseIfMissing(db, DATABASE)
    await medusa(["db:migrate"], appDb, { quiet: true })
    redis = await startRedis({ name: "bench-cluster", port: REDIS_PORT, fresh: true })
    await medusa(["exec", "./scripts/seed/run.ts"], appDb, { quiet: true, extraEnv: { OMS_SEED_ORDERS: "0", OMS_SEED_HISTORY: "false", REDIS_URL: redis.url } })
    log(`${elapsed()} migrated and seeded (no orders); Redis on ${redis.port}`)

    const env = { LOG_LEVEL: "warn", OMS_ROUTING_CHECKOUT: "true" }
    cluster = await startCluster({ db: appDb, redisUrl: redis.url, servers: 1, workers: 2, logDir: WORK_DIR, env })
    log(`${elapsed()} 1 server and 2 workers up`)
    watcher = decisionWatcher(db)
    const token = await adminToken(cluster.servers[0].base)
    const store = await readStore(cluster.servers[0].base, token)
    const warm = await placeOrders([cluster.servers[0].base], store, makeOrders(8001, WARMUP), 1, PHASE_MS, async (r) => watcher!.watch(r))
    if (!warm.results.some((r) => r.ok)) throw new Error(`warm-up orders failed: ${warm.results[0]?.error}`)
    await watcher.drain(DECISION_WAIT_MS)

    const rows: Row[] = []
    rows.push(await checkoutPhase([cluster.servers[0].base], store, watcher, makeOrders(8002, ORDERS)))
    log(`${elapsed()} 1 server: ${rows[0].placed} orders, ${f2(rows[0].ordersPerSec)}/s, ${f2(rows[0].decisionsPerSec)} decisions/s${rows[0].firstError ? `; ${rows[0].firstError}` : ""}`)

    const second = await startApp({ role: "server", name: "server-2", db: appDb, redisUrl: redis.url, logFile: path.join(WORK_DIR, "server-2.log"), env })
    extra.push(second)
    const bases = [cluster.servers[0].base, second.base]
    await placeOrders([second.base], store, makeOrders(8003, WARMUP), 1, PHASE_MS, async (r) => watcher!.watch(r))
    await watcher.drain(DECISION_WAIT_MS)
    rows.push(await checkoutPhase(bases, store, watcher, makeOrders(8004, ORDERS)))
    log(`${elapsed()} 2 servers: ${rows[1].placed} orders, ${f2(rows[1].ordersPerSec)}/s, ${f2(rows[1].decisionsPerSec)} decisions/s${rows[1].firstError ? `; ${rows[1].firstError}` : ""}`)

    const capacity = await capacityPhase(bases, store, watcher, redis.url, makeOrders(8005, ORDERS))
    log(`${elapsed()} routing capacity: ${capacity.decided}/${capacity.orders} queued orders at ${f2(capacity.decisionsPerSec)} decisions/s${capacity.firstError ? `; ${capacity.firstError}` : ""}`)

    const wave = await wavePhase(bases, store, token, watcher, db)
    log(`${elapsed()} wave: ${wave.bought} labels in ${(wave.wallMs / 1000).toFixed(1)} s${wave.firstError ? `; ${wave.firstError}` : ""}`)

    const md = checkoutTable(rows, capacity) + "\n\n" + waveTable(wave)
    console.log(md)
    const loadAfter = os.loadavg()[0]
    const cpu = os.cpus()
    const machine =
      `${cpu[0]?.model ?? "unknown CPU"} (${cpu.length} cores), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, ` +
      `1-minute load average ${loadBefore.toFixed(2)} before the run and ${loadAfter.toFixed(2)} at its end ` +
      `(the run's own processes, up to two servers, two workers, PostgreSQL, Redis and the client, load 2 cores by themselves; ` +
      `a load well above that, or above 0.5 before the run, is other work and makes the timings noisy)`
    const counts =
      `Counts: ${WARMUP} warm-up orders per server, then ${ORDERS} orders per server count at concurrency ${CONC} ` +
      `(each phase capped at ${PHASE_MS / 1000} s of placing), then a wave of ${WAVE} Boston orders at Newark; one run of the script, ${elapsed()} in all.`
    console.log(`\n${machine}. ${counts}`)
    if (rows.some((r) => r.decided < r.placed)) log("some orders were not routed; see the table")
    if (writeToDocs) writeDocs(md, machine, counts)
  } catch (e) {
    log(`failed: ${(e as Error).message}`)
    for (const p of [...(cluster?.all() ?? []), ...extra]) log(`--- tail of ${path.relative(ROOT, p.logFile)} ---\n${p.tail(15)}`)
    process.exitCode = 1
  } finally {
    await cleanUp()
  }
}

main()
