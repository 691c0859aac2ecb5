/**
 * Pick-list PDF render time and size on synthetic waves (fixed seed, no database).
 *
 *   npx ts-node --transpile-only bench/picking/pdf-render.ts
 *
 * Entry for other benchmarks: runPickListPdfBench() -> rows, pdfBenchTable(rows) -> markdown.
 */
import { renderPickListPdf, type Paper } from "../../src/lib/documents"
import { syntheticPickList, type SyntheticWave } from "./pdf-wave"

export type PdfBenchRow = {
  orders: number
  lines: number
  skus: number
  stops: number
  units: number
  paper: Paper
  /** Fastest of the runs, then the median, in milliseconds. */
  best_ms: number
  median_ms: number
  /** The first render in the process: loads fonts and encodes every barcode (cache cold). */
  cold_ms: number
  kb: number
  pages: number
}

export const DEFAULT_CASES: (SyntheticWave & { paper: Paper })[] = [
  { orders: 100, lines: 500, skus: 300, paper: "a4" },
  { orders: 1000, lines: 5000, skus: 500, paper: "a4" },
  { orders: 1000, lines: 5000, skus: 2000, paper: "a4" },
  { orders: 1000, lines: 5000, skus: 2000, paper: "letter" },
]

export async function runPickListPdfBench(cases = DEFAULT_CASES, runs = 5): Promise<PdfBenchRow[]> {
  const rows: PdfBenchRow[] = []
  for (const c of cases) {
    // Each case gets its own seed so SKU codes differ between cases and the first run is really cold.
    const list = syntheticPickList({ ...c, seed: c.orders * 7 + c.skus })
    const times: number[] = []
    let pdf: Buffer = Buffer.alloc(0)
    for (let r = 0; r < runs; r++) {
      const started = process.hrtime.bigint()
      pdf = await renderPickListPdf(list, { paper: c.paper, generated_at: "2025-06-02T14:05:00Z" })
      times.push(Number(process.hrtime.bigint() - started) / 1e6)
    }
    const sorted = [...times].sort((a, b) => a - b)
    rows.push({
      orders: c.orders,
      lines: c.lines,
      skus: c.skus,
      stops: list.stops.length,
      units: list.units,
      paper: c.paper,
      cold_ms: Math.round(times[0]),
      best_ms: Math.round(sorted[0]),
      median_ms: Math.round(sorted[Math.floor(sorted.length / 2)]),
      kb: Math.round(pdf.length / 1024),
      pages: (pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length,
    })
  }
  return rows
}

export function pdfBenchTable(rows: PdfBenchRow[]): string {
  const header = "| orders | lines | SKUs | stops | units | paper | first render | best | median | size | pages |"
  const rule = "|---:|---:|---:|---:|---:|:---|---:|---:|---:|---:|---:|"
  const body = rows.map(
    (r) =>
      `| ${r.orders} | ${r.lines} | ${r.skus} | ${r.stops} | ${r.units} | ${r.paper} | ${r.cold_ms} ms | ${r.best_ms} ms | ${r.median_ms} ms | ${r.kb} KB | ${r.pages} |`
  )
  return [header, rule, ...body].join("\n")
}

if (require.main === module) {
  runPickListPdfBench()
    .then((rows) => {
      console.log(pdfBenchTable(rows))
      console.log(`\nnode ${process.version}, 1-minute load ${require("os").loadavg()[0].toFixed(2)}`)
    })
    .catch((error) => {
      console.error(error)
      process.exit(1)
    })
}
