/**
 * The metrics benchmark's inside half, run by `medusa exec` on its own database (see run.ts):
 * the demo store, then for each size a year of orders written in bulk (write-orders.ts), and
 * the dashboard's numbers computed by the same functions GET /admin/oms/metrics calls
 * (report.ts): the facts table built from scratch (every order), then time per metric statement
 * (median of several runs), the statements each one and the whole report sends, and the whole
 * page end to end; the refresh with nothing changed and with OMS_BENCH_CHANGED orders changed.
 * With OMS_BENCH_BEFORE (default) the metrics over 30 days also computed live from the owning
 * modules' tables ("before": what each did before the facts table). One size per run
 * (OMS_BENCH_SIZE); results go to OMS_BENCH_OUT as JSON, the query plans of every metric
 * statement to OMS_BENCH_PLANS.
 */
import { createHash } from "crypto"
import fs from "fs"
import path from "path"
import { Client } from "pg"
import { ExecArgs } from "@medusajs/framework/types"
import { seedDemoStore } from "../../scripts/seed/demo-store"
import { loadReference } from "./reference"
import { clearOrders, writeOrders, type WriteResult } from "./write-orders"
import { recordStatements, Statement } from "./sql-log"
import { livePageRunner, pageRunner, metricRunners, RANGES, refreshRunner, type Runner } from "./report"

const size = Number(process.env.OMS_BENCH_SIZE || 10000)
const runs = Number(process.env.OMS_BENCH_RUNS || 5)
/** The whole year is the slow case: fewer runs, no warm-up (the 30 days warmed the caches), no "before" pass. */
const yearRuns = Number(process.env.OMS_BENCH_YEAR_RUNS || 3)
const compareLive = process.env.OMS_BENCH_BEFORE !== "false"
/** Orders touched (updated_at now) before the timed refresh of changed orders. */
const changedOrders = Number(process.env.OMS_BENCH_CHANGED || 1000)
const log = (m: string) => process.stderr.write(`[bench:metrics] ${m}\n`)

export type Timing = { key: string; median_ms: number; min_ms: number; max_ms: number; statements: number }
export type RangeResult = { range: string; from: string; to: string; metrics: Timing[]; page: Timing }
export type SizeResult = {
  size: number
  written: WriteResult
  /** Whether this run wrote the orders (false: the database already held them, same writer). */
  fresh: boolean
  now: string
  /** The facts table: built for every order, refreshed with nothing changed, refreshed after `changed` orders changed. */
  facts: { rebuild: Timing & { orders: number; rows: number }; unchanged: Timing; changed: Timing & { orders: number } }
  /** Computed live from the owning modules' tables (30 days). */
  before?: RangeResult[]
  after: RangeResult[]
}

export default async function bench({ container }: ExecArgs) {
  const store = await seedDemoStore(container, { orders: 0 })
  const client = new Client({ connectionString: process.env.DATABASE_URL })
  await client.connect()
  const plansDir = process.env.OMS_BENCH_PLANS
  if (plansDir) fs.mkdirSync(plansDir, { recursive: true })
  try {
    const { written, now, fresh } = await ensureOrders(client, store)
    // --write-only: the orders are written (the slow, load-insensitive half); measure in a later run.
    if (process.env.OMS_BENCH_WRITE_ONLY === "true") return
    const built = await measureBuild(container, client)
    const result = { size, written, fresh, now: now.toISOString(), after: [] } as unknown as SizeResult
    if (compareLive) result.before = await measureAll(container, now, "before", plansDir, ["30 days"], true)
    result.after = await measureAll(container, now, "after", plansDir)
    // Last: the touched orders stay inside the refresh's overlap for a while, and every page would take them in again.
    result.facts = { ...built, changed: await measureChanged(container, client) }
    fs.writeFileSync(process.env.OMS_BENCH_OUT || "/dev/stdout", JSON.stringify(result, null, 2))
  } finally {
    await client.end()
  }
}

/**
 * The orders of this size, written once: the database keeps a note of the size, the writer's
 * fingerprint and the moment it wrote as "now", so a later run (after a new index, say)
 * measures the same history without writing it again.
 */
async function ensureOrders(client: Client, store: Awaited<ReturnType<typeof seedDemoStore>>) {
  const fingerprint = writerFingerprint()
  await client.query(`create table if not exists bench_metrics_written (size int, fingerprint text, now_ts timestamptz, result jsonb)`)
  const { rows } = await client.query(`select size, fingerprint, now_ts, result from bench_metrics_written`)
  if (rows.length === 1 && rows[0].size === size && rows[0].fingerprint === fingerprint && process.env.OMS_BENCH_FRESH !== "true") {
    log(`${size} orders already written on ${rows[0].now_ts.toISOString()}; measuring them again`)
    return { written: rows[0].result as WriteResult, now: new Date(rows[0].now_ts), fresh: false }
  }
  const ref = await loadReference(client, store)
  log(`reference: ${ref.locations} warehouses, ${ref.variants} stocked variants, 2 sales channels; writing ${size} orders`)
  const now = new Date()
  await client.query(`delete from bench_metrics_written`)
  await clearOrders(client)
  const written = await writeOrders(client, size, now, log)
  await client.query(`insert into bench_metrics_written values ($1, $2, $3, $4)`, [size, fingerprint, now, written])
  log(
    `${size} orders: ${written.orders} orders, ${written.lines} lines, ${written.fulfillments} fulfillments, ${written.waves} waves, ` +
      `${written.labels} labels, ${written.returns} returns in ${(written.ms / 1000).toFixed(1)} s`
  )
  return { written, now, fresh: true }
}

function writerFingerprint() {
  const hash = createHash("sha256")
  for (const file of ["write-orders.ts", "reference.ts"]) hash.update(fs.readFileSync(path.join(__dirname, file)))
  return hash.digest("hex").slice(0, 16)
}

/**
 * The facts table from scratch (its state row removed, as on a first install: every order's
 * rows computed), then the page's refresh with nothing changed (median of the runs).
 */
async function measureBuild(container: ExecArgs["container"], client: Client): Promise<Omit<SizeResult["facts"], "changed">> {
  await client.query(`delete from oms_metric_facts_state`)
  const refresh = refreshRunner(container)
  const t = process.hrtime.bigint()
  const recording = recordStatements()
  const built = (await refresh.run()) as { orders: number }
  const statements = recording.stop().without_transaction_control
  const ms = Number(process.hrtime.bigint() - t) / 1e6
  const { rows } = await client.query(`select count(*)::int as n from oms_metric_fact`)
  await client.query(`analyze oms_metric_fact`)
  log(`facts table built: ${built.orders} orders, ${rows[0].n} rows in ${(ms / 1000).toFixed(1)} s (${statements} statements)`)
  const rebuild = { key: "rebuild", median_ms: ms, min_ms: ms, max_ms: ms, statements, orders: built.orders, rows: rows[0].n }
  const { timing: unchanged } = await measure(refresh, { runs, warm: true })
  log(`facts refresh, nothing changed: ${unchanged.median_ms.toFixed(0)} ms`)
  return { rebuild, unchanged }
}

/**
 * The refresh after `changedOrders` of the latest orders were touched (their updated_at set to
 * now, as any write stamps it). One run: the next refresh would find them again inside the overlap.
 */
async function measureChanged(container: ExecArgs["container"], client: Client): Promise<SizeResult["facts"]["changed"]> {
  const refresh = refreshRunner(container)
  await client.query(
    `update "order" set updated_at = now() where id in (select id from "order" order by created_at desc limit $1)`,
    [changedOrders]
  )
  const { timing } = await measure(refresh, { runs: 1, warm: false })
  log(`facts refresh, ${changedOrders} orders changed: ${timing.median_ms.toFixed(0)} ms`)
  return { ...timing, key: "changed", orders: changedOrders }
}

async function measureAll(
  container: ExecArgs["container"],
  now: Date,
  phase: string,
  plansDir?: string,
  only?: string[],
  live = false
): Promise<RangeResult[]> {
  const results: RangeResult[] = []
  for (const range of RANGES(now).filter((r) => !only || only.includes(r.name))) {
    const year = range.name === "365 days"
    const how = year ? { runs: yearRuns, warm: false } : { runs, warm: true }
    const metrics: Timing[] = []
    for (const runner of metricRunners(container, range, live)) {
      const { timing, statements } = await measure(runner, how)
      metrics.push(timing)
      if (plansDir && !year) await explain(statements, path.join(plansDir, `${size}-${phase}-${range.name.replace(/\s+/g, "-")}-${runner.key}.txt`))
    }
    const { timing: page, statements: pageStatements } = await measure(live ? livePageRunner(container, range) : pageRunner(container, range), how)
    // The page sends the refresh's few (the lock, the state, changed orders, the new state), one statement
    // per metric and one for the locations' names; name anything else (the recording is process-wide:
    // a scheduled job firing meanwhile is counted too).
    if (page.statements > metrics.length + (live ? 0 : 5)) {
      for (const st of pageStatements.filter((x) => !/^\s*(WITH |SELECT pg_try_advisory|SELECT version, watermark|SELECT DISTINCT order_id|INSERT INTO oms_metric_facts_state)/.test(x.text))) log(`  page statement: ${st.text.replace(/\s+/g, " ").slice(0, 160)}`)
    }
    results.push({ range: range.name, from: range.from, to: range.to, metrics, page })
    const slowest = [...metrics].sort((a, b) => b.median_ms - a.median_ms)[0]
    log(
      `${size} orders, ${phase}, ${range.name}: page ${page.median_ms.toFixed(0)} ms in ${page.statements} statements` +
        (slowest ? `; slowest metric ${slowest.key} ${slowest.median_ms.toFixed(0)} ms` : "")
    )
  }
  return results
}

/** A warm-up (unless told not to), then timed runs; the statements are those of the first timed run. */
async function measure(runner: Runner, how: { runs: number; warm: boolean }): Promise<{ timing: Timing; statements: Statement[] }> {
  const { runs } = how
  if (how.warm) await runner.run()
  const times: number[] = []
  let statements: Statement[] = []
  let count = 0
  for (let k = 0; k < runs; k++) {
    const recording = k === 0 ? recordStatements() : null
    const t = process.hrtime.bigint()
    await runner.run()
    times.push(Number(process.hrtime.bigint() - t) / 1e6)
    if (recording) {
      const r = recording.stop()
      statements = r.statements
      count = r.without_transaction_control
    }
  }
  const sorted = [...times].sort((a, b) => a - b)
  return {
    timing: { key: runner.key, median_ms: sorted[Math.floor(sorted.length / 2)], min_ms: sorted[0], max_ms: sorted[sorted.length - 1], statements: count },
    statements,
  }
}

/** EXPLAIN (ANALYZE, BUFFERS) of each statement a metric sent, on a connection of our own. */
async function explain(statements: Statement[], file: string) {
  const client = new Client({ connectionString: process.env.DATABASE_URL })
  await client.connect()
  const parts: string[] = []
  try {
    for (const s of statements) {
      const { rows } = await client.query(`explain (analyze, buffers) ${s.text}`, s.values as any[])
      parts.push(`-- ${s.text.replace(/\s+/g, " ")}\n-- values: ${JSON.stringify(s.values)}\n${rows.map((r: any) => r["QUERY PLAN"]).join("\n")}\n`)
    }
  } finally {
    await client.end()
  }
  fs.writeFileSync(file, parts.join("\n"))
  // The statements themselves, to replay them against another index (replay.ts).
  fs.writeFileSync(file.replace(/\.txt$/, ".json"), JSON.stringify(statements))
}
