// `npm test`: every layer, each on real parts, then one plain summary line:
//   N passed, N failed, N skipped
// `npm test -- http` (or scripts, unit, carriers, modules, cluster, consumer, browser) runs one layer;
// `npm test -- http fulfillment` runs only that layer's spec files whose path matches "fulfillment";
// `npm test -- cluster routing --name=SIGKILL` only the tests of those files whose name matches.
const fs = require("fs")
const path = require("path")
const { spawn, spawnSync } = require("child_process")
const { ROOT } = require("./lib/cluster")
const { explain } = require("./lib/database-error")

// scripts first: when the first run itself is broken (database start-up, lockfile), say so early.
const ALL = ["scripts", "unit", "carriers", "modules", "http", "cluster", "consumer", "browser"]
// cluster: the app as one or two servers and two workers on a real Redis (integration-tests/cluster).
const NEEDS_DB = new Set(["modules", "http", "cluster", "consumer", "browser"])
// One folder per run: two runs side by side (say, a layer run by hand during a full run)
// must not delete each other's results.
const RESULTS = path.join(ROOT, ".data", "test-results", `run-${process.pid}`)
let testName = null

async function main() {
  const { dependenciesInstalled, installDependencies } = require("./lib/medusa")
  if (!dependenciesInstalled()) installDependencies()
  const { startDatabase, describeDatabase } = require("./lib/database")

  // `--name=<text>` runs only the tests whose name matches (jest's -t), in the layers named.
  const nameArg = process.argv.slice(2).find((a) => a.startsWith("--name="))
  testName = nameArg ? nameArg.slice("--name=".length) : null
  const words = process.argv.slice(2).filter((a) => !a.startsWith("-"))
  const asked = words.filter((w) => ALL.includes(w))
  // Any other word narrows the run to spec files whose path matches it (jest's testPathPattern).
  const patterns = words.filter((w) => !ALL.includes(w))
  if (patterns.length && !asked.length) throw new Error(`name a layer before "${patterns[0]}"; layers: ${ALL.join(", ")}`)
  const layers = asked.length ? asked : ALL
  fs.mkdirSync(RESULTS, { recursive: true })

  if (layers.includes("browser")) ensureChromium()
  if (layers.includes("cluster")) require("./lib/redis").ensureRedis()
  if (layers.includes("consumer")) buildPackage()

  let db = null
  if (layers.some((l) => NEEDS_DB.has(l))) {
    db = await startDatabase({ purpose: "test" })
    console.log(`[test] database: ${describeDatabase(db)}`)
  }

  const totals = { passed: 0, failed: 0, skipped: 0 }
  const rows = []
  try {
    for (const layer of layers) {
      const r = await runLayer(layer, db, patterns)
      rows.push([layer, r])
      totals.passed += r.passed
      totals.failed += r.failed
      totals.skipped += r.skipped
    }
  } finally {
    if (db) await db.stop()
    fs.rmSync(RESULTS, { recursive: true, force: true })
  }

  console.log("\n[test] layer      passed failed skipped")
  for (const [layer, r] of rows) {
    console.log(`[test] ${layer.padEnd(10)} ${String(r.passed).padStart(6)} ${String(r.failed).padStart(6)} ${String(r.skipped).padStart(7)}${r.crashed ? "  (runner failed: see above)" : ""}`)
  }
  const failures = rows.flatMap(([layer, r]) => (r.failures || []).map((f) => ({ layer, ...f })))
  if (failures.length) {
    console.log("\n[test] failed:")
    for (const f of failures) console.log(`[test]   ${f.layer} ${f.file} › ${f.test}\n[test]     ${f.message}`)
  }
  console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
  const crashed = rows.some(([, r]) => r.crashed)
  process.exit(totals.failed > 0 || crashed ? 1 : 0)
}

function httpWorkers() {
  const n = Number(process.env.OMS_TEST_WORKERS || 2)
  if (!Number.isInteger(n) || n < 1) throw new Error(`OMS_TEST_WORKERS must be a whole number of at least 1; got "${process.env.OMS_TEST_WORKERS}"`)
  return n
}

// Layers whose spec files start from a copy of a migrated template (scripts/lib/db-templates.js):
// the http runner's without Medusa's data migration scripts (it never ran them), the servers'
// of the browser and cluster specs with them (`medusa db:migrate`, as an operator runs it).
const TEMPLATE_LAYERS = new Map([["http", { scripts: false }], ["browser", { scripts: true }], ["cluster", { scripts: true }]])

/** Builds the layer's migrated template once, before its spec files need it, and says so. */
async function prepareTemplate(db, layer) {
  const { ensureMigratedTemplate } = require("./lib/db-templates")
  const started = Date.now()
  const { name, built } = await ensureMigratedTemplate(db, TEMPLATE_LAYERS.get(layer))
  console.log(`[test] template ${name}: ${built ? `migrated in ${((Date.now() - started) / 1000).toFixed(0)} s` : "up to date"}`)
}

async function runLayer(layer, db, patterns = []) {
  console.log(`\n[test] ===== ${layer} =====`)
  const outputFile = path.join(RESULTS, `${layer}.json`)
  const env = {
    ...process.env,
    TEST_TYPE: layer,
    // Each spec file boots a Medusa app whose memory is not all given back: node's default heap
    // (about 4 GB here) ran out after 40 minutes of http specs in one process. 12 GB keeps a
    // layer in one process on a 24 GB machine; the http layer's two workers are also recycled
    // past 3 GB (see below), so they stay far under it together.
    NODE_OPTIONS: `${process.env.NODE_OPTIONS || ""} --experimental-vm-modules${
      NEEDS_DB.has(layer) ? " --max-old-space-size=12288" : ""
    }`.trim(),
    MEDUSA_DISABLE_TELEMETRY: "true",
    LOG_LEVEL: process.env.LOG_LEVEL || "error",
  }
  if (db) {
    // @medusajs/test-utils reads DB_*; it turns SSL on unless the host says "localhost".
    env.DB_HOST = db.host === "127.0.0.1" ? "localhost" : db.host
    env.DB_PORT = String(db.port)
    env.DB_USERNAME = db.user
    env.DB_PASSWORD = db.password
    env.OMS_TEST_DATABASE_URL = db.url
  }
  const args = [
    path.join(ROOT, "node_modules", "jest", "bin", "jest.js"),
    "--reporters=default",
    `--reporters=${path.join(__dirname, "lib", "jest-count-reporter.js")}`,
    "--forceExit",
  ]
  env.OMS_TEST_COUNTS_FILE = outputFile
  // The http layer runs two spec files at a time (OMS_TEST_WORKERS): one spec keeps about one
  // core busy, the rest of its time waits on PostgreSQL and on timers. Each worker is a fresh
  // process once it holds more than 3 GB after a spec file (the apps' memory is not all given
  // back). The other database layers run one file at a time: their specs start servers, a
  // cluster or a browser of their own.
  if (layer === "http" && httpWorkers() > 1) args.push(`--maxWorkers=${httpWorkers()}`, "--workerIdleMemoryLimit=3GB")
  else if (NEEDS_DB.has(layer)) args.push("--runInBand")
  if (patterns.length) args.push("--testPathPattern", patterns.join("|"))
  if (testName) args.push("-t", testName)
  if (db && TEMPLATE_LAYERS.has(layer)) await prepareTemplate(db, layer)
  const status = await new Promise((resolve) => {
    spawn(process.execPath, args, { cwd: ROOT, env, stdio: "inherit" }).on("close", resolve)
  })

  if (!fs.existsSync(outputFile)) {
    console.log(`[test] ${layer}: jest wrote no results (exit ${status})`)
    return { passed: 0, failed: 0, skipped: 0, crashed: true }
  }
  const counts = JSON.parse(fs.readFileSync(outputFile, "utf8"))
  return {
    passed: counts.passed,
    // A suite that failed to load counts as a failure even though it ran no test.
    failed: counts.failed + counts.broken_suites,
    skipped: counts.skipped,
    failures: counts.failures || [],
    crashed: counts.total === 0 || (status !== 0 && counts.failed + counts.broken_suites === 0),
  }
}

function buildPackage() {
  console.log("\n[test] building the package (medusa plugin:build) for the consumer test")
  const res = spawnSync(path.join(ROOT, "node_modules", ".bin", "medusa"), ["plugin:build"], {
    cwd: ROOT,
    env: { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true" },
    stdio: "inherit",
  })
  if (res.status !== 0) throw new Error("medusa plugin:build failed")
}

/** The browser layer drives Debian's chromium; install it when it is missing and we may. */
function ensureChromium() {
  if (fs.existsSync("/usr/bin/chromium")) return
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0
  if (!isRoot) throw new Error("the browser tests need Debian's chromium: sudo apt-get install -y chromium")
  console.log("[test] installing chromium (apt-get)")
  spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" })
  const res = spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  })
  if (res.status !== 0 || !fs.existsSync("/usr/bin/chromium")) throw new Error("could not install chromium")
}

main().catch((e) => {
  console.error(`[test] ${explain(e)}`)
  console.log("0 passed, 1 failed, 0 skipped")
  process.exit(1)
})
