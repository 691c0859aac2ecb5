/**
 * Routing end to end, on the real app: a `medusa start` server with the demo store, orders
 * placed through the store API (cart, address, shipping method, payment session, complete),
 * and the time until each order's routing decision is recorded. Two passes: the plugin's
 * checkout override on (routing reserves at checkout), then off (Medusa's own cart
 * completion; the order.placed subscriber still routes). Prints a markdown table and writes it
 * into docs/benchmarks.md between the routing-e2e markers.
 *
 *   npm run bench:routing-e2e             (--quick: a smoke run; --quick and --no-docs leave the docs alone)
 *
 * Its own embedded PostgreSQL cluster (OMS_PG_PORT, 54369 unless set; the data folder is made
 * afresh each run) and its own database (medusa_oms_bench, dropped and recreated). Counts:
 * OMS_BENCH_SEQ (40) orders at concurrency 1, OMS_BENCH_CONC (80) at concurrency 4, each phase
 * also stopped after OMS_BENCH_PHASE_SECONDS (60) of placing. Fixed seeds: the same carts in
 * both passes.
 */
import { ChildProcess } from "child_process"
import fs from "fs"
import net from "net"
import os from "os"
import path from "path"
import { buildCatalog } from "../../scripts/seed/catalog"
import { DEMO_LOCATIONS } from "../../scripts/seed/geography"
import {
  HttpError, OrderSpec, Result, Store, adminToken, api, f0, f2, makeOrders, pct, placeOrders, readStore, sleep, writeSection,
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
const SEQ = Number(process.env.OMS_BENCH_SEQ || (quick ? 6 : 40))
const CONC = Number(process.env.OMS_BENCH_CONC || (quick ? 12 : 80))
const PHASE_MS = 1000 * Number(process.env.OMS_BENCH_PHASE_SECONDS || (quick ? 30 : 60))
const WARMUP = quick ? 2 : 4
const POLL_MS = 100
/** Pass order; OMS_BENCH_PASSES=medusa,routing runs Medusa's own checkout first (an order-bias check). */
const PASSES = (process.env.OMS_BENCH_PASSES || "routing,medusa").split(",").map((p) => {
  if (p !== "routing" && p !== "medusa") throw new Error(`OMS_BENCH_PASSES: unknown pass "${p}"`)
  return p as "routing" | "medusa"
})
const ROUTING_WAIT_MS = 60_000
const WORK_DIR = path.join(ROOT, ".data", "bench-routing-e2e")

const log = (m: string) => process.stderr.write(`[bench:routing-e2e] ${m}\n`)
const t0 = Date.now()
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(0)}s`

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

type Phase = { concurrency: number; asked: number; results: Result[]; phaseStart: number; placingEnd: number; load: number }

async function runPhase(base: string, store: Store, token: string, specs: OrderSpec[], concurrency: number, budgetMs: number): Promise<Phase> {
  // The decision is awaited beside the next checkout, so routing never paces placing.
  const placing = await placeOrders([base], store, specs, concurrency, budgetMs, (r) => awaitDecision(base, token, r))
  return { concurrency, asked: specs.length, ...placing }
}

// ---------------------------------------------------------------- figures

type Row = {
  pass: string
  concurrency: number
  placed: number
  asked: number
  failed: number
  ordersPerSec: number
  completeP50: number
  completeP95: number
  routingP50: number
  routingP95: number
  seenP50: number
  seenP95: number
  decided: number
  decisionsPerSec: number
  afterP50: number
  afterP95: number
  statuses: string
  load: number
  firstError?: string
}

function summarise(pass: string, p: Phase): Row {
  const ok = p.results.filter((r) => r.ok)
  const decided = ok.filter((r) => r.decisionCreatedAt !== undefined)
  const lastCompletion = Math.max(...ok.map((r) => r.completedAt))
  const lastDecision = Math.max(...decided.map((r) => r.decisionCreatedAt!))
  const statuses: Record<string, number> = {}
  for (const r of decided) statuses[r.status!] = (statuses[r.status!] ?? 0) + 1
  return {
    pass,
    concurrency: p.concurrency,
    placed: ok.length,
    asked: p.asked,
    failed: p.results.length - ok.length,
    ordersPerSec: ok.length / ((lastCompletion - p.phaseStart) / 1000),
    completeP50: pct(ok.map((r) => r.completedAt - r.completeSentAt), 50),
    completeP95: pct(ok.map((r) => r.completedAt - r.completeSentAt), 95),
    routingP50: pct(decided.map((r) => r.decisionCreatedAt! - r.orderCreatedAt!), 50),
    routingP95: pct(decided.map((r) => r.decisionCreatedAt! - r.orderCreatedAt!), 95),
    seenP50: pct(decided.map((r) => r.decisionSeenAt! - r.completedAt), 50),
    seenP95: pct(decided.map((r) => r.decisionSeenAt! - r.completedAt), 95),
    decided: decided.length,
    decisionsPerSec: decided.length / ((lastDecision - p.phaseStart) / 1000),
    afterP50: pct(decided.map((r) => r.decisionCreatedAt! - r.completedAt), 50),
    afterP95: pct(decided.map((r) => r.decisionCreatedAt! - r.completedAt), 95),
    load: p.load,
    statuses: Object.entries(statuses).map(([k, v]) => `${k} ${v}`).join(", "),
    firstError: p.results.find((r) => r.error)?.error,
  }
}

function table(rows: Row[]): string {
  const head =
    "| checkout | concurrency | orders placed | orders/s | complete p50 / p95 ms | routing p50 / p95 ms (decision - order created_at) | decision after response p50 / p95 ms | seen by poll p50 / p95 ms | decisions | decisions/s | statuses | load |\n" +
    "|---|---|---|---|---|---|---|---|---|---|---|---|"
  const body = rows.map(
    (r) =>
      `| ${r.pass} | ${r.concurrency} | ${r.placed}/${r.asked}${r.failed ? ` (${r.failed} failed)` : ""} | ${f2(r.ordersPerSec)} | ` +
      `${f0(r.completeP50)} / ${f0(r.completeP95)} | ${f0(r.routingP50)} / ${f0(r.routingP95)} | ${f0(r.afterP50)} / ${f0(r.afterP95)} | ` +
      `${f0(r.seenP50)} / ${f0(r.seenP95)} | ${r.decided}/${r.placed} | ${f2(r.decisionsPerSec)} | ${r.statuses} | ${f2(r.load)} |`
  )
  return [head, ...body].join("\n")
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
    extraEnv: { PORT: String(port), NODE_ENV: "development", LOG_LEVEL: "info", MEDUSA_ADMIN_DISABLE: "true", ...extraEnv },
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

/** One pass: a server with the given checkout, warm-up orders, then the two phases. */
async function runPass(db: any, pass: "routing" | "medusa", seedBase: number): Promise<Row[]> {
  const label = pass === "routing" ? "plugin (routing at checkout)" : "Medusa's own (override off)"
  log(`${elapsed()} starting the server, checkout: ${label}`)
  const server = await startServer(db, pass, { OMS_ROUTING_CHECKOUT: pass === "routing" ? "true" : "false" })
  try {
    log(`${elapsed()} ${server.base}/health answers`)
    const token = await adminToken(server.base)
    const store = await readStore(server.base, token)
    // Warm-up: first requests load code paths, prepare statements and fill caches.
    const warm = await runPhase(server.base, store, token, makeOrders(seedBase, WARMUP), 1, PHASE_MS)
    const warmFailed = warm.results.filter((r) => !r.ok)
    if (warmFailed.length === warm.results.length) throw new Error(`warm-up orders failed: ${warmFailed[0]?.error}`)
    log(`${elapsed()} warmed up with ${warm.results.length} orders`)
    const rows: Row[] = []
    for (const [concurrency, n, seed] of [[1, SEQ, seedBase + 1], [4, CONC, seedBase + 2]] as const) {
      const phase = await runPhase(server.base, store, token, makeOrders(seed, n), concurrency, PHASE_MS)
      const row = summarise(label, phase)
      rows.push(row)
      log(
        `${elapsed()} concurrency ${concurrency}: ${row.placed}/${n} placed, ${f2(row.ordersPerSec)} orders/s, complete p50 ${f0(row.completeP50)} ms, ` +
          `routing p50 ${f0(row.routingP50)} ms, ${row.decided} decisions, ${f2(row.decisionsPerSec)}/s` +
          (row.firstError ? `; first error: ${row.firstError}` : "")
      )
    }
    return rows
  } catch (e) {
    throw new Error(`${(e as Error).message}\n--- tail of ${path.relative(ROOT, server.logFile)} ---\n${tail(server.logFile)}`)
  } finally {
    await server.stop()
  }
}

// ---------------------------------------------------------------- main

function writeDocs(md: string, machine: string, counts: string) {
  const file = path.join(ROOT, "docs", "benchmarks.md")
  const section = [
    "<!-- routing-e2e:start -->",
    "<!-- written by npm run bench:routing-e2e -->",
    "## Routing end to end (the real app)",
    "",
    `Machine: ${machine}. ${counts}`,
    "",
    "One `medusa start` server (NODE_ENV=development, admin off, in-memory event bus and workflow engine,",
    `embedded PostgreSQL with fsync off), the demo store (${DEMO_LOCATIONS.length} warehouses, ${buildCatalog().flatMap((p) => p.variants).length} variants) with no orders before the run.`,
    "Each order is the shopper's whole checkout over the store API (cart with address and 1-3 lines in stock in",
    "the shopper's market, shipping options, shipping method, payment collection and session, complete); the",
    "same carts (fixed seeds) in both passes, warm-up orders first. orders/s: orders completed over the phase's",
    "wall time (all six requests of each checkout count). complete: `POST /store/carts/:id/complete` alone.",
    "routing: the decision's `created_at` minus the order's `created_at` (both stamped by the app, same clock).",
    "The order is created in the middle of cart completion, so this includes the rest of the completion (links,",
    "promotions, payment authorisation, the response), the `order.placed` event hop and the routing workflow.",
    "decision after response: the decision's `created_at` minus the moment the completion response reached the",
    "client (negative would mean routed before the shopper had the answer). seen by poll: first 200 from",
    "`GET /admin/oms/orders/:id/routing` (polled every 100 ms, beside the next checkout) after the completion",
    "response, so coarse by up to one poll. decisions/s: decisions recorded over the time from the phase's start",
    "to the last decision (orders/s and decisions/s share the start). Second pass: the plugin's checkout override",
    "off (`OMS_ROUTING_CHECKOUT=false`), so carts complete through Medusa's own workflow (Medusa's rate on",
    "this machine) and are routed afterwards by the `order.placed` subscriber, which then moves the reservations",
    "checkout made where the plan wants them. Both passes share one database (the second sees the first's orders",
    "and a little less stock) and a machine other work may be using: differences between passes within about",
    "a third are noise (`OMS_BENCH_PASSES=medusa,routing` runs them the other way round to check). load: the",
    "machine's 1-minute load average as the phase stopped placing (2 cores); this run's own server, database and",
    "client account for up to about 2 of it, anything above is other work.",
    "",
    md,
    "<!-- routing-e2e:end -->",
  ].join("\n")
  const doc = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "# Benchmarks\n"
  fs.writeFileSync(file, writeSection(doc, "routing-e2e", section))
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
    await medusa(["exec", "./scripts/seed/run.ts"], db, { quiet: true, extraEnv: { OMS_SEED_ORDERS: "0" } })
    log(`${elapsed()} seeded the demo store (no orders)`)

    const rows: Row[] = []
    for (const pass of PASSES) rows.push(...(await runPass(db, pass, 7001)))
    const md = table(rows)
    console.log(md)
    const loadAfter = os.loadavg()[0]
    const cpu = os.cpus()
    const shared =
      loadBefore >= 0.5
        ? `shared with other work (1-minute load average ${loadBefore.toFixed(2)} before the run, ${loadAfter.toFixed(2)} at its end)`
        : `not visibly shared (1-minute load average ${loadBefore.toFixed(2)} before the run, ${loadAfter.toFixed(2)} at its end)`
    const machine = `${cpu[0]?.model ?? "unknown CPU"} (${cpu.length} cores), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, ${shared}`
    const counts =
      `Counts: ${WARMUP} warm-up orders, then ${SEQ} orders at concurrency 1 and ${CONC} at concurrency 4 per pass ` +
      `(each phase capped at ${PHASE_MS / 1000} s of placing), passes in the order shown; one run of the script, ${elapsed()} in all.`
    console.log(`\n${machine}. ${counts}`)
    if (rows.some((r) => !r.placed || r.decided < r.placed)) log("some orders failed or were not routed; see the table")
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
