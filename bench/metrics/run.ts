/**
 * `npm run bench:metrics`: the operations dashboard on a year of orders. For 10,000 and 100,000
 * orders (written in bulk, see write-orders.ts): the facts table built from scratch and refreshed,
 * the time of every metric's statement (median of OMS_BENCH_RUNS, 5, after a warm-up), the SQL
 * statements each sends, and the whole page's data (what GET /admin/oms/metrics computes) end to
 * end, over the last 30 days (first computed live from the modules' tables, "before", then from
 * the facts table) and over the whole year (from the facts table; OMS_BENCH_YEAR_RUNS, 3, no warm-up).
 * Prints a markdown table and writes it into docs/benchmarks.md between the metrics markers.
 *
 *   npm run bench:metrics                 (both sizes; about 20 minutes on a busy 2-core machine)
 *   npm run bench:metrics -- --quick      (2,000 orders, 3 runs, no "before" pass, docs left alone)
 *   npm run bench:metrics -- --no-docs    (docs left alone)   --fresh (write the orders again)
 *   npm run bench:metrics -- --migrate-only   (make or migrate the databases, measure nothing)
 *   npm run bench:metrics -- --write-only     (also write the orders, measure nothing: a later run on a
 *                                              quiet machine measures them without writing again)
 *
 * Its own embedded PostgreSQL cluster (OMS_PG_PORT, 54373 unless set) and one database per size
 * (medusa_oms_bench_metrics_<size>), kept between runs: the orders are written once per size and
 * writer version, migrations run again when the plugin's migration files changed. Query plans of
 * every metric statement go to .data/bench-metrics/plans/.
 */
import { createHash } from "crypto"
import fs from "fs"
import os from "os"
import path from "path"
import type { SizeResult } from "./exec"

// CommonJS helpers shared with the npm scripts.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startDatabase, createDatabaseIfMissing, dropDatabase, ROOT } = require("../../scripts/lib/database")
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { medusa } = require("../../scripts/lib/medusa")
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { Client } = require("pg")

const quick = process.argv.includes("--quick")
const fresh = process.argv.includes("--fresh")
const writeOnly = process.argv.includes("--write-only")
const writeToDocs = !quick && !process.argv.includes("--no-docs")
const SIZES = (process.env.OMS_BENCH_SIZES || (quick ? "2000" : "10000,100000")).split(",").map(Number)
const RUNS = process.env.OMS_BENCH_RUNS || (quick ? "3" : "5")
const YEAR_RUNS = process.env.OMS_BENCH_YEAR_RUNS || (quick ? "1" : "3")
const WORK_DIR = path.join(ROOT, ".data", "bench-metrics")
const log = (m: string) => process.stderr.write(`[bench:metrics] ${m}\n`)
const t0 = Date.now()
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(0)}s`

/** The plugin's migration files and scripts and Medusa's version: when they change, the database is migrated again. */
function migrationsFingerprint() {
  const hash = createHash("sha256")
  const modules = path.join(ROOT, "src", "modules")
  for (const mod of fs.readdirSync(modules).sort()) {
    const dir = path.join(modules, mod, "migrations")
    if (fs.existsSync(dir)) for (const f of fs.readdirSync(dir).sort()) hash.update(`${mod}/${f}\n`)
  }
  const scripts = path.join(ROOT, "src", "migration-scripts")
  if (fs.existsSync(scripts)) for (const f of fs.readdirSync(scripts).sort()) hash.update(`scripts/${f}\n`)
  hash.update(require(path.join(ROOT, "node_modules", "@medusajs", "medusa", "package.json")).version)
  return hash.digest("hex").slice(0, 16)
}

async function withClient<T>(db: any, database: string, fn: (c: any) => Promise<T>): Promise<T> {
  const client = new Client({ host: db.host, port: db.port, user: db.user, password: db.password, database })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

async function databaseExists(db: any, name: string) {
  return withClient(db, "postgres", async (c) => (await c.query("select 1 from pg_database where datname = $1", [name])).rows.length > 0)
}

async function migratedWith(db: any, name: string): Promise<string | null> {
  return withClient(db, name, async (c) => {
    const { rows } = await c.query("select to_regclass('bench_metrics_migrations') as t")
    if (!rows[0].t) return null
    return (await c.query("select fingerprint from bench_metrics_migrations")).rows[0]?.fingerprint ?? null
  })
}

async function runSize(db: any, size: number): Promise<SizeResult> {
  const name = `medusa_oms_bench_metrics_${size}`
  const appDb = { ...db, database: name, url: db.url.replace(/\/[^/]*$/, `/${name}`) }
  if (fresh) await dropDatabase(db, name)
  const existed = await databaseExists(db, name)
  await createDatabaseIfMissing(db, name)
  const fingerprint = migrationsFingerprint()
  if (!existed || (await migratedWith(db, name)) !== fingerprint) {
    log(`${elapsed()} ${name}: migrating`)
    await medusa(["db:migrate"], appDb, { quiet: true })
    await withClient(db, name, async (c) => {
      await c.query("create table if not exists bench_metrics_migrations (fingerprint text)")
      await c.query("delete from bench_metrics_migrations")
      await c.query("insert into bench_metrics_migrations values ($1)", [fingerprint])
    })
  }
  if (process.argv.includes("--migrate-only")) return null as unknown as SizeResult
  const out = path.join(WORK_DIR, `result-${size}.json`)
  log(`${elapsed()} ${name}: seeding (once), writing the orders (once), measuring`)
  await medusa(["exec", "./bench/metrics/exec.ts"], appDb, {
    extraEnv: {
      OMS_BENCH_SIZE: String(size),
      OMS_BENCH_RUNS: RUNS,
      OMS_BENCH_YEAR_RUNS: YEAR_RUNS,
      OMS_BENCH_OUT: out,
      OMS_BENCH_PLANS: path.join(WORK_DIR, "plans"),
      OMS_BENCH_BEFORE: quick ? "false" : process.env.OMS_BENCH_BEFORE ?? "true",
      LOG_LEVEL: "error",
      OMS_ROUTING_ENABLED: "false",
      OMS_BENCH_WRITE_ONLY: writeOnly ? "true" : "false",
    },
  })
  if (writeOnly) return null as unknown as SizeResult
  return JSON.parse(fs.readFileSync(out, "utf8")) as SizeResult
}

const ms = (x: number | undefined) => (x === undefined ? "n/a" : x < 10 ? x.toFixed(1) : x.toFixed(0))

function table(results: SizeResult[]): string {
  const ranges = results[0].after.map((r) => r.range)
  const keys = results[0].after[0].metrics.map((m) => m.key)
  const cols: { head: string; cell: (key: string | null) => string }[] = []
  cols.push({
    head: `statements (${results.map((r) => r.size.toLocaleString("en-US")).join(" / ")} orders)`,
    cell: (key) =>
      results
        .map((r) => {
          const range = r.after[r.after.length - 1]
          return String(key ? range.metrics.find((m) => m.key === key)?.statements ?? "n/a" : range.page.statements)
        })
        .join(" / "),
  })
  for (const r of results) {
    for (const [k, range] of ranges.entries()) {
      const before = r.before?.find((b) => b.range === range)
      cols.push({
        head: `${r.size.toLocaleString("en-US")} orders, ${range}${before ? ": before → after" : ""} (ms)`,
        cell: (key) => {
          const pick = (x: SizeResult["after"][number] | undefined) => (key ? x?.metrics.find((m) => m.key === key)?.median_ms : x?.page.median_ms)
          return before ? `${ms(pick(before))} → ${ms(pick(r.after[k]))}` : ms(pick(r.after[k]))
        },
      })
    }
  }
  const head = `| metric | ${cols.map((c) => c.head).join(" | ")} |\n|---|${cols.map(() => "---:").join("|")}|`
  const rows = keys.map((key) => `| ${key} | ${cols.map((c) => c.cell(key)).join(" | ")} |`)
  const page = `| **whole page** (GET /admin/oms/metrics, compare on) | ${cols.map((c) => `**${c.cell(null)}**`).join(" | ")} |`
  return [head, ...rows, page].join("\n")
}

function dataLine(results: SizeResult[]) {
  return results
    .map((r) => {
      const w = r.written
      return `${r.size.toLocaleString("en-US")} orders: ${w.lines.toLocaleString("en-US")} lines, ${w.fulfillments.toLocaleString("en-US")} fulfillments, ${w.waves.toLocaleString("en-US")} waves, ${w.labels.toLocaleString("en-US")} labels, ${w.returns.toLocaleString("en-US")} returns (written in ${(w.ms / 1000).toFixed(0)} s)`
    })
    .join("; ")
}

/** The facts table's own costs per size: the first build, and the page's refresh. */
function factsTable(results: SizeResult[]): string {
  const rows = results.map((r) => {
    const f = r.facts
    return `| ${r.size.toLocaleString("en-US")} | ${f.rebuild.orders.toLocaleString("en-US")} orders, ${f.rebuild.rows.toLocaleString("en-US")} rows: ${(f.rebuild.median_ms / 1000).toFixed(1)} s (${f.rebuild.statements}) | ${ms(f.unchanged.median_ms)} (${f.unchanged.statements}) | ${ms(f.changed.median_ms)} (${f.changed.statements}) |`
  })
  const changed = results[0].facts.changed.orders.toLocaleString("en-US")
  return [
    `| orders | build from scratch (statements) | refresh, nothing changed: ms (statements) | refresh, the latest ${changed} orders changed: ms (statements) |`,
    "|---:|---|---:|---:|",
    ...rows,
  ].join("\n")
}

function writeDocs(md: string, results: SizeResult[], machine: string, loadBefore: number) {
  const file = path.join(ROOT, "docs", "benchmarks.md")
  const section = [
    "<!-- metrics:start -->",
    "<!-- written by npm run bench:metrics -->",
    "## Operations dashboard: metrics on a year of orders",
    "",
    `Machine: ${machine}. ` +
      (loadBefore >= 0.5
        ? "**Other work shared the two cores** (the load average before the run), so every time here is noisy; the statement counts are exact."
        : "Nothing else visibly ran (the load average before the run); the statement counts do not depend on it."),
    "",
    `Data (bench/metrics/write-orders.ts, fixed seeds, written in bulk with INSERT ... SELECT over generate_series into`,
    "a database made by the app's own migrations, in the shapes the app writes): " + dataLine(results) + ".",
    "Orders over the 365 days before the run, 55 % US / 25 % EU / 20 % UK over four warehouses, two sales channels,",
    "~15 % split, 2 % canceled, 1.5 % held, 3 % never picked, recent ones still on their way; waves per warehouse and",
    "three hours with wrong scans and short picks; labels from five carriers with prices and promised days; tracking",
    "to delivered (~88 % on time); ~8 % of delivered orders asked back with reasons.",
    "",
    `Each cell is the median time of the dashboard's own function for that metric (the metrics module's \`metricRows\`, as`,
    "GET /admin/oms/metrics calls it, with the comparison period on): over the last 30 days (by day) the median of",
    `${RUNS} runs after a warm-up, over the whole year (by week) ${YEAR_RUNS === "1" ? "one run" : `the median of ${YEAR_RUNS} runs`} without one. "whole page" is the`,
    "route's own `resolveFilters` + `buildReport` (the facts table's refresh, every metric in parallel, the comparison",
    "period, the tables per location and carrier, the returns breakdowns, the locations' names). Statements: SQL",
    "statements sent to PostgreSQL during one run (counted at the `pg` driver, transaction control left out).",
    results[0].before
      ? "before: each metric computed live from the owning modules' tables (`live`, as every metric was computed before " +
        "the facts table; its page cell is the fifteen live statements at once); after: read from the facts table " +
        "(`oms_metric_fact`), the page with its refresh."
      : "",
    "",
    md,
    "",
    "The facts table itself (`MetricsModuleService.refreshFacts`; one run for the build and the changed orders, the median",
    `of ${RUNS} for the refresh with nothing changed):`,
    "",
    factsTable(results),
    "",
    fs.readFileSync(path.join(__dirname, "findings.md"), "utf8").trim(),
    "<!-- metrics:end -->",
  ].join("\n")
  let doc = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "# Benchmarks\n"
  const pattern = /<!-- metrics:start -->[\s\S]*?<!-- metrics:end -->/
  doc = pattern.test(doc) ? doc.replace(pattern, section) : doc.trimEnd() + "\n\n" + section + "\n"
  fs.writeFileSync(file, doc)
  log(`table written to ${path.relative(ROOT, file)}`)
}

async function main() {
  fs.mkdirSync(WORK_DIR, { recursive: true })
  process.env.OMS_PG_PORT = process.env.OMS_PG_PORT || "54373"
  const loadBefore = os.loadavg()[0]
  const db = await startDatabase({ purpose: "test" })
  const results: SizeResult[] = []
  // OMS_BENCH_INCLUDE=10000: that size's result from an earlier run of this script (a table of
  // two sizes measured one after the other, when one run of both does not fit the time there is).
  for (const size of (process.env.OMS_BENCH_INCLUDE || "").split(",").filter(Boolean).map(Number)) {
    results.push(JSON.parse(fs.readFileSync(path.join(WORK_DIR, `result-${size}.json`), "utf8")) as SizeResult)
  }
  try {
    for (const size of SIZES) results.push(await runSize(db, size))
  } finally {
    await db.stop()
  }
  if (process.argv.includes("--migrate-only") || writeOnly) return
  const md = table(results)
  console.log(md)
  const cpus = os.cpus()
  const machine =
    `${cpus.length} × ${cpus[0]?.model?.trim() ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, ` +
    `${new Date().toISOString().slice(0, 10)}, 1-minute load average ${loadBefore.toFixed(2)} before the run and ${os.loadavg()[0].toFixed(2)} after it, ${elapsed()} in all`
  console.log(`\n${machine}`)
  if (writeToDocs) writeDocs(md, results, machine, loadBefore)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
