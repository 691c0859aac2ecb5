/**
 * The metrics benchmark's inside half, run by `medusa exec` on its own database (see run.ts):
 * the demo store, then for each size a year of orders written in bulk (write-orders.ts), and
 * the dashboard's numbers computed by the same functions GET /admin/oms/metrics calls
 * (report.ts): time per metric statement (median of several runs), the statements each one
 * and the whole report sends, and the whole page end to end. With OMS_BENCH_BEFORE (default)
 * the same first with the indexes the plugin adds for the metrics dropped ("before"), then
 * made again. One size per run (OMS_BENCH_SIZE); results go to OMS_BENCH_OUT as JSON, the
 * query plans of every metric statement to OMS_BENCH_PLANS.
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
import { metricIndexes, pageRunner, metricRunners, RANGES, type Runner } from "./report"

const size = Number(process.env.OMS_BENCH_SIZE || 10000)
const runs = Number(process.env.OMS_BENCH_RUNS || 5)
/** The whole year is the slow case: fewer runs, no warm-up (the 30 days warmed the caches), no "before" pass. */
const yearRuns = Number(process.env.OMS_BENCH_YEAR_RUNS || 3)
const compareIndexes = process.env.OMS_BENCH_BEFORE !== "false"
const log = (m: string) => process.stderr.write(`[bench:metrics] ${m}\n`)

export type Timing = { key: string; median_ms: number; min_ms: number; max_ms: number; statements: number }
export type RangeResult = { range: string; from: string; to: string; metrics: Timing[]; page: Timing }
export type SizeResult = {
  size: number
  written: WriteResult
  /** Whether this run wrote the orders (false: the database already held them, same writer). */
  fresh: boolean
  now: string
  indexes: { table: string; name: string; definition: string }[]
  /** Without the plugin's metric indexes, when there are any to drop. */
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
    const indexes = await metricIndexes(client)
    const result: SizeResult = { size, written, fresh, now: now.toISOString(), indexes, after: [] }
    if (compareIndexes && indexes.length) {
      for (const ix of indexes) await client.query(`drop index if exists "${ix.name}"`)
      for (const table of new Set(indexes.map((i) => i.table))) await client.query(`analyze "${table}"`)
      try {
        result.before = await measureAll(container, now, "before", plansDir, ["30 days"])
      } finally {
        for (const ix of indexes) await client.query(ix.definition.replace(/^CREATE (UNIQUE )?INDEX /, "CREATE $1INDEX IF NOT EXISTS "))
        for (const table of new Set(indexes.map((i) => i.table))) await client.query(`analyze "${table}"`)
      }
    }
    result.after = await measureAll(container, now, "after", plansDir)
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

async function measureAll(
  container: ExecArgs["container"],
  now: Date,
  phase: string,
  plansDir?: string,
  only?: string[]
): Promise<RangeResult[]> {
  const results: RangeResult[] = []
  for (const range of RANGES(now).filter((r) => !only || only.includes(r.name))) {
    const year = range.name === "365 days"
    const how = year ? { runs: yearRuns, warm: false } : { runs, warm: true }
    const metrics: Timing[] = []
    for (const runner of metricRunners(container, range)) {
      const { timing, statements } = await measure(runner, how)
      metrics.push(timing)
      if (plansDir && !year) await explain(statements, path.join(plansDir, `${size}-${phase}-${range.name.replace(/\s+/g, "-")}-${runner.key}.txt`))
    }
    const { timing: page, statements: pageStatements } = await measure(pageRunner(container, range), how)
    // The page sends one statement per metric and one for the locations' names; name anything else
    // (the recording is process-wide: a scheduled job firing meanwhile is counted too).
    if (page.statements > metrics.length + 1) {
      for (const st of pageStatements.filter((x) => !/^\s*WITH /.test(x.text))) log(`  page statement: ${st.text.replace(/\s+/g, " ").slice(0, 160)}`)
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
