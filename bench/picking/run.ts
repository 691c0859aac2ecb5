/**
 * `npm run bench:picking`: how long a wave takes to build and print at the sizes a busy
 * warehouse meets (up to 1,000 orders / 5,000 lines), and how many SQL statements the build
 * sends (the target: the count does not grow with the number of orders).
 *
 * Its own embedded PostgreSQL cluster (OMS_PG_PORT, 54371 unless set) and database
 * (medusa_oms_bench_picking, dropped and recreated), migrated, then `medusa exec
 * bench/picking/exec.ts` does the work in the app's container. Best of OMS_BENCH_REPEATS (3)
 * per size. Prints a markdown table and writes it into docs/benchmarks.md between the
 * picking markers (--no-docs leaves the docs alone).
 */
import fs from "fs"
import os from "os"
import path from "path"
import type { PickingBenchRow } from "./exec"
import { pdfBenchTable, runPickListPdfBench } from "./pdf-render"

// CommonJS helpers shared with the npm scripts.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startDatabase, dropDatabase, createDatabaseIfMissing, ROOT } = require("../../scripts/lib/database")
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { medusa } = require("../../scripts/lib/medusa")

const DATABASE = "medusa_oms_bench_picking"
const writeToDocs = !process.argv.includes("--no-docs")
const log = (m: string) => process.stderr.write(`[bench:picking] ${m}\n`)

async function main() {
  process.env.OMS_PG_PORT = process.env.OMS_PG_PORT || "54371"
  const db = await startDatabase({ purpose: "test" })
  const out = path.join(ROOT, ".data", "bench-picking.json")
  try {
    await dropDatabase(db, DATABASE)
    await createDatabaseIfMissing(db, DATABASE)
    const appDb = { ...db, database: DATABASE, url: db.url.replace(/\/[^/]*$/, `/${DATABASE}`) }
    log("migrating")
    await medusa(["db:migrate"], appDb, { quiet: true })
    log("seeding the demo store and the routed orders, then measuring")
    await medusa(["exec", "./bench/picking/exec.ts"], appDb, {
      extraEnv: { OMS_BENCH_OUT: out, LOG_LEVEL: "error", OMS_ROUTING_ENABLED: "false" },
    })
  } finally {
    await db.stop()
  }

  const rows = JSON.parse(fs.readFileSync(out, "utf8")) as PickingBenchRow[]
  const table = [
    "| orders | lines | units | stops | wave build | SQL statements (without BEGIN/COMMIT) | pick list PDF | PDF size | pages | build + PDF |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows.map(
      (r) =>
        `| ${r.orders} | ${r.lines} | ${r.units} | ${r.stops} | ${r.build_ms} ms | ${r.statements} (${r.statements_without_tx}) | ${r.pdf_ms} ms | ${r.pdf_kb} KB | ${r.pdf_pages} | ${r.total_ms} ms |`
    ),
  ].join("\n")
  console.log(table)
  // The demo catalog has 57 items at Newark, so the waves above have at most 57 stops; the PDF
  // alone is also measured on synthetic waves with many more distinct items (no database).
  log("pick list PDF on synthetic waves with more items")
  const pdfTable = pdfBenchTable(await runPickListPdfBench())
  console.log(pdfTable)
  if (writeToDocs) writeDocs(table, pdfTable)
}

function writeDocs(table: string, pdfTable: string) {
  const file = path.join(ROOT, "docs", "benchmarks.md")
  const cpus = os.cpus()
  const machine = `${cpus.length} × ${cpus[0]?.model?.trim() ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, 1-minute load ${os.loadavg()[0].toFixed(2)}`
  const section = [
    "<!-- picking:start -->",
    "<!-- written by npm run bench:picking -->",
    "## Picking: wave build and pick list PDF",
    "",
    `Machine: ${machine}. ${new Date().toISOString().slice(0, 10)}.`,
    "",
    "The demo store on its own embedded PostgreSQL, plus orders of five lines (1-2 units each) routed to",
    "Newark and reserved there, written in bulk; a bin for every item at Newark. Each row is the best of three",
    "runs: `createWaveWorkflow` with `max_orders` set to the size (lock, read what waits, select, walk-order the",
    "pick list, store the wave and its lines, emit `oms.wave.created`), then `renderPickListPdf` on A4.",
    "The wave is cancelled between runs. SQL statements are counted at the `pg` driver during the build.",
    "Target: build + PDF under 3 s at 1,000 orders / 5,000 lines, and a statement count that does not grow with",
    "the number of orders.",
    "",
    table,
    "",
    "The demo catalog stocks 57 items at Newark, so those pick lists have at most 57 stops. The PDF alone on",
    "synthetic waves (fixed seed, `bench/picking/pdf-render.ts`) with more distinct items, five renders each:",
    "",
    pdfTable,
    "<!-- picking:end -->",
  ].join("\n")
  let doc = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "# Benchmarks\n"
  const start = doc.indexOf("<!-- picking:start -->")
  const end = doc.indexOf("<!-- picking:end -->")
  if (start >= 0 && end > start) doc = doc.slice(0, start) + section + doc.slice(end + "<!-- picking:end -->".length)
  else doc = `${doc.trimEnd()}\n\n${section}\n`
  fs.writeFileSync(file, doc)
  log(`table written to ${path.relative(ROOT, file)}`)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
