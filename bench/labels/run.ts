/**
 * `npm run bench:labels`: a packed wave's labels bought against a fake EasyPost that answers in
 * 50-200 ms and allows 20 requests/s: wall time, labels/s as a share of what the limit allows,
 * 429s, retries and double purchases (must be 0).
 *
 * Its own embedded PostgreSQL cluster (OMS_PG_PORT, 54373 unless set) and database
 * (medusa_oms_bench_labels, dropped and recreated), migrated, then `medusa exec
 * bench/labels/exec.ts` does the work in the app's container. Prints a markdown table and
 * writes it into docs/benchmarks.md between the labels markers (--no-docs leaves the docs alone).
 */
import fs from "fs"
import os from "os"
import path from "path"
import type { CheckoutBenchResult } from "./checkout-exec"
import type { LabelsBenchResult } from "./exec"

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startDatabase, dropDatabase, createDatabaseIfMissing, ROOT } = require("../../scripts/lib/database")
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { medusa } = require("../../scripts/lib/medusa")

const DATABASE = "medusa_oms_bench_labels"
const writeToDocs = !process.argv.includes("--no-docs")
const log = (m: string) => process.stderr.write(`[bench:labels] ${m}\n`)

async function freshDatabase(db: any) {
  await dropDatabase(db, DATABASE)
  await createDatabaseIfMissing(db, DATABASE)
  const appDb = { ...db, database: DATABASE, url: db.url.replace(/\/[^/]*$/, `/${DATABASE}`) }
  log("migrating")
  await medusa(["db:migrate"], appDb, { quiet: true })
  return appDb
}

const pctl = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b)
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))])
}

async function main() {
  process.env.OMS_PG_PORT = process.env.OMS_PG_PORT || "54373"
  const db = await startDatabase({ purpose: "test" })
  const out = path.join(ROOT, ".data", "bench-labels.json")
  const checkoutOut = (cache: boolean) => path.join(ROOT, ".data", `bench-labels-checkout-${cache ? "cache" : "nocache"}.json`)
  try {
    const appDb = await freshDatabase(db)
    log("seeding, writing the packed wave, buying its labels")
    await medusa(["exec", "./bench/labels/exec.ts"], appDb, {
      extraEnv: { OMS_BENCH_OUT: out, LOG_LEVEL: "error", OMS_ROUTING_ENABLED: "false" },
    })
    for (const cache of [true, false]) {
      const checkoutDb = await freshDatabase(db)
      log(`checkout with live rates, quote cache ${cache ? "on" : "off"}`)
      await medusa(["exec", "./bench/labels/checkout-exec.ts"], checkoutDb, {
        extraEnv: {
          OMS_BENCH_OUT: checkoutOut(cache),
          LOG_LEVEL: "error",
          OMS_ROUTING_ENABLED: "false",
          OMS_QUOTE_CACHE_SECONDS: cache ? "600" : "0",
        },
      })
    }
  } finally {
    await db.stop()
  }
  const r = JSON.parse(fs.readFileSync(out, "utf8")) as LabelsBenchResult
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`
  const table = [
    "| orders | limit | concurrency | wall time | labels bought | failed | API requests per label | labels/s | allowed labels/s | share of the limit | 429s | retries | double purchases |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    `| ${r.orders} | ${r.limit_rps}/s | ${r.concurrency} | ${r.wall_s} s | ${r.labels} | ${r.failed} | ${r.requests_per_label} | ${r.labels_per_s} | ${r.allowed_labels_per_s} | ${pct(r.share_of_limit)} | ${r.answered_429} (${pct(r.share_429)}) | ${r.retries} | ${r.double_purchases} |`,
  ].join("\n")
  const passes = [true, false].map((cache) => JSON.parse(fs.readFileSync(checkoutOut(cache), "utf8")) as CheckoutBenchResult)
  const checkoutTable = [
    "| quote cache | carts | add shipping method p50 / p95 | cart refresh p50 / p95 | carrier rate requests |",
    "|---|---:|---:|---:|---:|",
    ...passes.map(
      (c) =>
        `| ${c.cache ? "on (600 s)" : "off"} | ${c.carts} | ${pctl(c.add_ms, 50)} / ${pctl(c.add_ms, 95)} ms | ${pctl(c.refresh_ms, 50)} / ${pctl(c.refresh_ms, 95)} ms | ${c.carrier_rate_requests} |`
    ),
  ].join("\n")
  console.log(table)
  console.log(checkoutTable)
  if (writeToDocs) {
    const machine = `${os.cpus().length} cores, ${os.cpus()[0]?.model ?? "unknown CPU"}, node ${process.version}`
    const doc = path.join(ROOT, "docs", "benchmarks.md")
    const section = `<!-- labels:start -->\n${table}\n\nCheckout with live rates (the fake EasyPost answering in 50-200 ms; three refreshes per cart):\n\n${checkoutTable}\n\nMeasured ${new Date().toISOString().slice(0, 10)} on ${machine}.\n<!-- labels:end -->`
    let text = fs.readFileSync(doc, "utf8")
    text = /<!-- labels:start -->[\s\S]*<!-- labels:end -->/.test(text)
      ? text.replace(/<!-- labels:start -->[\s\S]*<!-- labels:end -->/, section)
      : `${text.trimEnd()}\n\n## Labels: a packed wave against a rate-limited carrier\n\n${section}\n`
    fs.writeFileSync(doc, text)
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
