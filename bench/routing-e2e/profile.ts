/**
 * Where a completion's time goes, ours against Medusa's own: one `medusa start` server per
 * checkout (one after the other, on one database with the demo store), OMS_PROFILE_ORDERS (30)
 * carts made ready first, then completed one at a time with a pause after each (so the
 * order.placed subscriber's work ends before the next completion starts). Per completion the
 * server answers (bench/routing-e2e/count-statements.js) its statements, the summed wait for
 * PostgreSQL and the process's CPU during the request; the medians are printed per checkout.
 * With --cpu-prof, V8's CPU profile of the completions is written per server to
 * .data/bench-routing-e2e/profile-<checkout>.<pid>.cpuprofile and the functions with the most
 * self time are listed side by side (ms per completion), so the difference shows where it is.
 *
 *   npm run bench:routing-e2e:profile [-- --cpu-prof]     (OMS_PROFILE_CHECKOUTS=routing: ours only)
 *
 * Own embedded PostgreSQL (OMS_PG_PORT, 54368 unless set), database medusa_oms_bench_profile afresh.
 */
import { ChildProcess } from "child_process"
import fs from "fs"
import path from "path"
import { adminToken, makeOrders, prepareCart, readStore, sleep, Store } from "../shared/checkout"

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startDatabase, dropDatabase, createDatabaseIfMissing, ROOT } = require("../../scripts/lib/database")
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { medusa, medusaChild } = require("../../scripts/lib/medusa")

const DATABASE = "medusa_oms_bench_profile"
const PG_PORT = process.env.OMS_PG_PORT || "54368"
const ORDERS = Number(process.env.OMS_PROFILE_ORDERS || 30)
const WARMUP = 12
const PAUSE_MS = 1500
const cpuProf = process.argv.includes("--cpu-prof")
const WORK_DIR = path.join(ROOT, ".data", "bench-routing-e2e")
type Checkout = "routing" | "medusa"
const log = (m: string) => process.stderr.write(`[profile] ${m}\n`)

type Sample = { wall: number; cpu: number; db: number; statements: number; lockMs: number }

async function completeTimed(base: string, store: Store, cartId: string): Promise<Sample> {
  const started = Date.now()
  const res = await fetch(`${base}/store/carts/${cartId}/complete`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-publishable-api-key": store.publishableKey },
    body: "{}",
  })
  const body = await res.json()
  const wall = Date.now() - started
  if (!res.ok || body.type !== "order") throw new Error(`completion failed: ${res.status} ${JSON.stringify(body).slice(0, 200)}`)
  const header = (name: string) => Number(res.headers.get(name) ?? NaN)
  return {
    wall,
    cpu: header("x-oms-bench-cpu-ms"),
    db: header("x-oms-bench-db-ms"),
    statements: header("x-oms-bench-statements"),
    lockMs: header("x-oms-bench-lock-ms"),
  }
}

const median = (xs: number[]) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b)
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN
}

async function startServer(db: any, checkout: Checkout): Promise<{ base: string; child: ChildProcess }> {
  const port = 39000 + Math.floor(Math.random() * 2000)
  const out = fs.openSync(path.join(WORK_DIR, `profile-server-${checkout}.log`), "w")
  const preloads = [path.join(__dirname, "count-statements.js"), ...(cpuProf ? [path.join(__dirname, "cpu-profile.js")] : [])]
  const child: ChildProcess = medusaChild(["start"], db, {
    extraEnv: {
      PORT: String(port),
      NODE_ENV: "development",
      MEDUSA_ADMIN_DISABLE: "true",
      OMS_ROUTING_CHECKOUT: checkout === "routing" ? "true" : "false",
      OMS_PROFILE_OUT: path.join(WORK_DIR, `profile-${checkout}`),
      NODE_OPTIONS: preloads.map((p) => `--require ${p}`).join(" "),
    },
    stdio: ["ignore", out, out],
  })
  fs.closeSync(out)
  const base = `http://localhost:${port}`
  for (let i = 0; i < 480; i++) {
    if ((await fetch(`${base}/health`).then((r) => r.status, () => 0)) === 200) return { base, child }
    await sleep(500)
  }
  throw new Error("the server did not answer /health")
}

/** Self time per function (name and file) in ms, from a V8 CPU profile. */
function selfTimes(file: string): Map<string, number> {
  const profile = JSON.parse(fs.readFileSync(file, "utf8"))
  const byId = new Map<number, any>(profile.nodes.map((n: any) => [n.id, n]))
  const times = new Map<string, number>()
  profile.samples.forEach((id: number, i: number) => {
    const node = byId.get(id)
    const frame = node.callFrame
    const where = frame.url ? frame.url.replace(/^.*node_modules\//, "").replace(ROOT + "/", "") : "(native)"
    const key = `${frame.functionName || "(anonymous)"} ${where}:${frame.lineNumber + 1}`
    times.set(key, (times.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
  })
  return times
}

async function main() {
  fs.mkdirSync(WORK_DIR, { recursive: true })
  for (const f of fs.readdirSync(WORK_DIR)) if (f.endsWith(".cpuprofile")) fs.rmSync(path.join(WORK_DIR, f))
  process.env.OMS_PG_PORT = PG_PORT
  fs.rmSync(path.join(ROOT, ".data", `postgres-test-${PG_PORT}`), { recursive: true, force: true })
  const db = await startDatabase({ purpose: "test", database: DATABASE, log: () => undefined })
  const children: ChildProcess[] = []
  try {
    await dropDatabase(db, DATABASE)
    await createDatabaseIfMissing(db, DATABASE)
    await medusa(["db:migrate"], db, { quiet: true })
    await medusa(["exec", "./scripts/seed/run.ts"], db, { quiet: true, extraEnv: { OMS_SEED_ORDERS: "0", OMS_SEED_HISTORY: "false" } })
    const summary: Record<string, Sample> = {}
    const profiles: Record<string, Map<string, number>> = {}
    // OMS_PROFILE_CHECKOUTS=routing: only ours (an experiment on our checkout against a known Medusa figure).
    const checkouts = (process.env.OMS_PROFILE_CHECKOUTS || "routing,medusa").split(",") as Checkout[]
    for (const [k, checkout] of checkouts.entries()) {
      const { base, child } = await startServer(db, checkout)
      children.push(child)
      const token = await adminToken(base)
      const store = await readStore(base, token)
      const specs = makeOrders(9100 + k * 100, WARMUP + ORDERS)
      const carts: string[] = []
      for (const spec of specs) carts.push(await prepareCart(base, store, spec))
      for (const cart of carts.slice(0, WARMUP)) {
        await completeTimed(base, store, cart)
        await sleep(PAUSE_MS)
      }
      if (cpuProf) process.kill(-child.pid!, "SIGUSR2")
      await sleep(300)
      const samples: Sample[] = []
      for (const cart of carts.slice(WARMUP)) {
        samples.push(await completeTimed(base, store, cart))
        await sleep(PAUSE_MS)
      }
      if (cpuProf) {
        process.kill(-child.pid!, "SIGUSR2")
        await sleep(3000)
        // Every process of the server's group wrote one; the server's is the one with the most samples.
        const files = fs.readdirSync(WORK_DIR).filter((f) => f.startsWith(`profile-${checkout}.`) && f.endsWith(".cpuprofile"))
        const largest = files.map((f) => path.join(WORK_DIR, f)).sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0]
        if (largest) profiles[checkout] = selfTimes(largest)
      }
      summary[checkout] = {
        wall: median(samples.map((s) => s.wall)),
        cpu: median(samples.map((s) => s.cpu)),
        db: median(samples.map((s) => s.db)),
        statements: median(samples.map((s) => s.statements)),
        lockMs: median(samples.map((s) => s.lockMs)),
      }
      log(`${checkout}: ${JSON.stringify(summary[checkout])}`)
      process.kill(-child.pid!, "SIGTERM")
      await sleep(3000)
    }
    console.log(`| checkout | completion wall p50 ms | server CPU ms | PostgreSQL wait ms (summed) | statements | ms in the inventory locks |`)
    console.log(`|---|---|---|---|---|---|`)
    for (const [c, s] of Object.entries(summary)) console.log(`| ${c} | ${s.wall} | ${s.cpu} | ${s.db} | ${s.statements} | ${s.lockMs} |`)
    if (profiles.routing && profiles.medusa) {
      const keys = new Set([...profiles.routing.keys(), ...profiles.medusa.keys()])
      const rows = [...keys].map((key) => ({
        key,
        ours: (profiles.routing.get(key) ?? 0) / ORDERS,
        theirs: (profiles.medusa.get(key) ?? 0) / ORDERS,
      }))
      rows.sort((a, b) => Math.abs(b.ours - b.theirs) - Math.abs(a.ours - a.theirs))
      console.log(`\nself time per completion (ms, the ${ORDERS} completions and what ran meanwhile), largest differences first:`)
      console.log(`| function | ours | Medusa's | difference |\n|---|---|---|---|`)
      for (const r of rows.slice(0, 40)) console.log(`| ${r.key} | ${r.ours.toFixed(2)} | ${r.theirs.toFixed(2)} | ${(r.ours - r.theirs).toFixed(2)} |`)
      const total = (m: Map<string, number>) => [...m.entries()].filter(([k]) => !k.startsWith("(idle)")).reduce((s, [, v]) => s + v, 0) / ORDERS
      console.log(`\nbusy self time per completion: ours ${total(profiles.routing).toFixed(1)} ms, Medusa's ${total(profiles.medusa).toFixed(1)} ms`)
    }
  } finally {
    for (const c of children) {
      try {
        process.kill(-c.pid!, "SIGKILL")
      } catch {
        // gone
      }
    }
    await db.stop()
  }
}

main().catch((e) => {
  console.error(e)
  process.exitCode = 1
})
