/**
 * Small driver for profiling and regression checks of the routing planner (not part of the
 * published benchmark): runs the benchmark's seeded instances for the chosen families and
 * prints p50/p99/max, exact share and node counts; with --dump FILE writes every plan's
 * locations and method, with --compare FILE checks plans against such a dump.
 *
 *   npx ts-node --transpile-only bench/routing/profile.ts [50x50 ...] [--repeats 3] [--dump f] [--compare f]
 */
import { readFileSync, writeFileSync } from "fs"
import { planAllocation } from "../../src/lib/routing"
import { makeInstance } from "./instances"

const args = process.argv.slice(2)
const opt = (name: string) => {
  const k = args.indexOf(name)
  return k >= 0 ? args[k + 1] : undefined
}
const repeats = Number(opt("--repeats") ?? 3)
const dump = opt("--dump")
const compare = opt("--compare")
const wanted = args.filter((a) => /^\d+x\d+$/.test(a))
const families = (wanted.length ? wanted : ["5x3", "10x10", "20x20", "50x10", "50x50", "200x50"]).map((f) => f.split("x").map(Number))
const densities = [0.15, 0.35, 0.7]
const pct = (s: number[], p: number) => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]

const plans: Record<string, string> = {}
const before: Record<string, string> = compare ? JSON.parse(readFileSync(compare, "utf8")) : {}
let diffs = 0
let checked = 0
for (const [L, I] of families) {
  for (const d of densities) {
    const n = L >= 200 ? 60 : 150
    const times: number[] = []
    let exact = 0
    let nodes = 0
    let ships = 0
    for (let k = 0; k < n; k++) {
      const seed = 1_000_003 * L + 10_007 * I + Math.round(d * 1000) * 31 + k
      const input = makeInstance(seed, L, I, d)
      let plan = planAllocation(input)
      for (let r = 0; r < repeats; r++) {
        const t0 = process.hrtime.bigint()
        plan = planAllocation(input)
        times.push(Number(process.hrtime.bigint() - t0) / 1e6)
      }
      if (plan.method === "exact") exact++
      nodes += plan.trace.search_nodes
      ships += plan.shipments.length
      const key = `${L}x${I}@${d}#${k}`
      const fp = `${plan.method}|${plan.status}|` + plan.shipments.map((s) => `${s.location_id}:${s.lines.map((l) => `${l.line_id}=${l.quantity}`).join(",")}`).join(";") + `|${plan.trace.decision}`
      plans[key] = fp
      if (before[key] !== undefined && before[key].startsWith("exact|")) {
        checked++
        if (before[key] !== fp) {
          diffs++
          if (diffs <= 10) console.log(`DIFF ${key}\n  before ${before[key]}\n  after  ${fp}`)
        }
      }
    }
    times.sort((a, b) => a - b)
    console.log(
      `${L}x${I} @ ${d}: p50 ${pct(times, 50).toFixed(3)} p99 ${pct(times, 99).toFixed(3)} max ${times[times.length - 1].toFixed(3)} ms, exact ${exact}/${n}, nodes avg ${Math.round(nodes / n)}, shipments ${ships}`
    )
  }
}
if (dump) writeFileSync(dump, JSON.stringify(plans))
if (compare) console.log(`compared ${checked} plans that were exact before: ${diffs} differ`)
