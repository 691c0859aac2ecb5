// The cluster test layer's harness: per spec file one fresh database on the test PostgreSQL
// (scripts/test.js passes its DB_*), migrated and seeded with the demo store (no orders), one
// fresh Redis, and the app as separate `medusa start` processes (servers and workers, see
// scripts/lib/app-processes.js), driven over HTTP as a storefront and an admin would.
// The test process reads the database directly (pg) only to assert; it never writes app data.
import fs from "fs"
import path from "path"
import axios, { AxiosInstance } from "axios"
import { Pool } from "pg"

// CommonJS helpers shared with the npm scripts.
/* eslint-disable @typescript-eslint/no-var-requires */
const { ROOT } = require("../../scripts/lib/database")
const { medusa } = require("../../scripts/lib/medusa")
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { ensureTemplate, ensureMigratedTemplate, cloneTemplate, schemaFingerprint } = require("../../scripts/lib/db-templates")
const { startRedis } = require("../../scripts/lib/redis")
const { startApp, freePort, tail } = require("../../scripts/lib/app-processes")
const { DEMO_LOGIN } = require("../../scripts/lib/demo")
/* eslint-enable @typescript-eslint/no-var-requires */

export type Db = { host: string; port: number; user: string; password: string; database: string; url: string }

/** One `medusa start` process, as scripts/lib/app-processes.js returns it. */
export type AppProcess = {
  role: "server" | "worker" | "shared"
  name: string
  port: number
  base: string
  logFile: string
  pid: number
  exited: Promise<{ code: number | null; signal: string | null }>
  stop(): Promise<void>
  kill(signal?: string): Promise<void>
  restart(): Promise<AppProcess>
  tail(lines?: number): string
}

export type RedisHandle = {
  url: string
  port: number
  logFile: string
  stop(): Promise<void>
  restart(options?: { downMs?: number }): Promise<void>
}

/** The seeded demo store's ids, read from the database after the seed. */
export type DemoStoreIds = {
  publishable_key: string
  sales_channel_id: string
  regions: Record<string, string> // currency code -> region id
  locations: Record<string, string> // stock location name -> id
  variants: Record<string, string> // sku -> variant id
  inventory_items: Record<string, string> // sku -> inventory item id
}

export type ClusterOptions = {
  /** Names the database (oms_cluster_<name>), the Redis data folder and the log folder. */
  name: string
  servers?: number
  workers?: number
  /** Environment for every app process, and for servers / workers only. */
  env?: Record<string, string>
  serverEnv?: Record<string, string>
  workerEnv?: Record<string, string>
}

export type TestCluster = {
  db: Db
  redis: RedisHandle
  servers: AppProcess[]
  workers: AppProcess[]
  store: DemoStoreIds
  logDir: string
  /** SQL against the spec's database (assertions only). */
  sql<T = any>(text: string, params?: unknown[]): Promise<T[]>
  /** An HTTP client for a server (axios; `validateStatus` leaves non-2xx answers to the caller when asked). */
  api(server?: number): AxiosInstance
  /** Bearer headers of the demo admin, logged in through the real auth route of `server`. */
  adminHeaders(server?: number): Promise<{ headers: Record<string, string> }>
  /** Starts one more worker (e.g. with a test-only pause), named `name`, logging to its own file. */
  startWorker(name: string, env?: Record<string, string>): Promise<AppProcess>
  /** What every process logged last, for a failing test's message. */
  tails(lines?: number): string
  stop(): Promise<void>
}

/** The test PostgreSQL scripts/test.js started, pointed at `database`. */
export function databaseFromEnv(database: string): Db {
  const { DB_HOST, DB_PORT, DB_USERNAME, DB_PASSWORD } = process.env
  if (!DB_HOST || !DB_PORT) throw new Error("the cluster tests need DB_HOST and DB_PORT: run them with `npm test -- cluster`")
  const user = DB_USERNAME || "postgres"
  const password = DB_PASSWORD || ""
  const auth = `${encodeURIComponent(user)}:${encodeURIComponent(password)}`
  return { host: DB_HOST, port: Number(DB_PORT), user, password, database, url: `postgres://${auth}@${DB_HOST}:${DB_PORT}/${database}` }
}

/**
 * Builds the whole cluster for one spec file. Everything it started is stopped again if a
 * later part fails to start; call `stop()` in afterAll.
 */
export async function startTestCluster(options: ClusterOptions): Promise<TestCluster> {
  const { name, servers = 1, workers = 2 } = options
  const database = `oms_cluster_${name.replace(/[^a-z0-9_]/gi, "_")}`
  const db = databaseFromEnv(database)
  const logDir = path.join(ROOT, ".data", "cluster-tests", name)
  fs.rmSync(logDir, { recursive: true, force: true })
  fs.mkdirSync(logDir, { recursive: true })
  const note = (m: string) => fs.appendFileSync(path.join(logDir, "harness.log"), `${new Date().toISOString()} ${m}\n`)

  await freshDatabase(db, note)

  const pool = new Pool({ connectionString: db.url, max: 4 })
  const sql = async <T>(text: string, params: unknown[] = []) => (await pool.query(text, params)).rows as T[]
  const started: { redis?: RedisHandle; procs: AppProcess[] } = { procs: [] }
  const stopAll = async () => {
    // Workers first, so none is mid-job when its Redis or database goes.
    await Promise.all(started.procs.filter((p) => p.role === "worker").map((p) => p.stop().catch(() => undefined)))
    await Promise.all(started.procs.filter((p) => p.role !== "worker").map((p) => p.stop().catch(() => undefined)))
    await started.redis?.stop().catch(() => undefined)
    await pool.end().catch(() => undefined)
  }
  // Should jest exit without afterAll (a crash, --forceExit), no process of ours is left behind.
  const killOnExit = () => {
    for (const p of started.procs) {
      try {
        process.kill(-p.pid, "SIGKILL")
      } catch {
        // gone already
      }
    }
  }
  process.once("exit", killOnExit)

  const appEnv = {
    // The workers' "Processing order.placed" lines and our own logs are part of what tests read.
    LOG_LEVEL: "info",
    // Test pause points (src/workflows/shared/test-pause.ts) leave their once-only tokens here.
    OMS_TEST_PAUSE_DIR: logDir,
    // The sweep that routes orders whose order.placed was lost (src/jobs/route-unrouted-orders.ts),
    // sooner than in a shop so a test sees it within a minute or two.
    OMS_ROUTING_SWEEP_EVERY_SECONDS: "10",
    OMS_ROUTING_SWEEP_AFTER_SECONDS: "20",
    ...(options.env ?? {}),
  }
  const launch = async (role: "server" | "worker", procName: string, env: Record<string, string>) => {
    const p: AppProcess = await startApp({
      role,
      name: procName,
      db,
      redisUrl: started.redis!.url,
      logFile: path.join(logDir, `${procName}.log`),
      env: { ...appEnv, ...env },
    })
    started.procs.push(p)
    return p
  }

  try {
    const redisPort = Number(process.env.OMS_REDIS_PORT) || (await freePort())
    started.redis = (await startRedis({ name: `cluster-test-${name}`, port: redisPort, fresh: true, log: note })) as RedisHandle
    const workerProcs: AppProcess[] = []
    const serverProcs: AppProcess[] = []
    // One after another: each boot loads every module, two at once on two cores only slows both.
    for (let i = 1; i <= workers; i++) workerProcs.push(await launch("worker", `worker-${i}`, options.workerEnv ?? {}))
    for (let i = 1; i <= servers; i++) serverProcs.push(await launch("server", `server-${i}`, options.serverEnv ?? {}))
    note(`up: ${servers} server(s), ${workers} worker(s), redis ${started.redis.url}`)

    const store = await readDemoStore(sql)
    const clients = new Map<number, AxiosInstance>()
    const api = (server = 0) => {
      if (!clients.has(server)) {
        const proc = serverProcs[server]
        if (!proc) throw new Error(`no server ${server}; the cluster has ${serverProcs.length}`)
        clients.set(server, axios.create({ baseURL: proc.base, timeout: 120_000 }))
      }
      return clients.get(server)!
    }
    const cluster: TestCluster = {
      db,
      redis: started.redis,
      servers: serverProcs,
      workers: workerProcs,
      store,
      logDir,
      sql,
      api,
      adminHeaders: async (server = 0) => {
        const { data } = await api(server).post("/auth/user/emailpass", DEMO_LOGIN)
        return { headers: { authorization: `Bearer ${data.token}` } }
      },
      startWorker: (procName, env = {}) => launch("worker", procName, { ...(options.workerEnv ?? {}), ...env }),
      tails: (lines = 30) =>
        started.procs.map((p) => `--- ${p.name} (${path.relative(ROOT, p.logFile)}) ---\n${tail(p.logFile, lines)}`).join("\n"),
      stop: async () => {
        await stopAll()
        process.removeListener("exit", killOnExit)
      },
    }
    return cluster
  } catch (error) {
    await stopAll()
    process.removeListener("exit", killOnExit)
    throw error
  }
}

const TEMPLATE = "oms_cluster_template"

/**
 * Creates `db.database` afresh as a copy of a template database that is migrated and seeded
 * with the demo store (no orders). The template starts as a copy of the migrated one
 * (scripts/lib/db-templates.js), is seeded once (minutes on a busy machine) and is built again
 * when its fingerprint (the schema's plus the seed's) changes.
 */
async function freshDatabase(db: Db, note: (m: string) => void) {
  const built = await ensureTemplate(db, {
    name: TEMPLATE,
    fingerprint: schemaFingerprint([path.join(ROOT, "scripts", "seed")]),
    build: async (template: Db) => {
      const migrated = await ensureMigratedTemplate(db, { scripts: true })
      await cloneTemplate(db, migrated.name, TEMPLATE)
      note(`template copied from ${migrated.name}`)
      // No REDIS_URL: the seed runs in its own process on the in-memory bus; it places no orders.
      await medusa(["exec", "./scripts/seed/run.ts"], template, { quiet: true, extraEnv: { OMS_SEED_ORDERS: "0", OMS_SEED_HISTORY: "false", REDIS_URL: "" } })
    },
  })
  if (built) note("template seeded (demo store, no orders)")
  await cloneTemplate(db, TEMPLATE, db.database)
  note(`database ${db.database} created from ${TEMPLATE}`)
}

async function readDemoStore(sql: TestCluster["sql"]): Promise<DemoStoreIds> {
  const [key] = await sql<{ token: string }>(
    "select token from api_key where type = 'publishable' and title = 'Webshop' and deleted_at is null"
  )
  const [channel] = await sql<{ id: string }>("select id from sales_channel where name = 'Webshop' and deleted_at is null")
  const regions = await sql<{ id: string; currency_code: string }>("select id, currency_code from region where deleted_at is null")
  const locations = await sql<{ id: string; name: string }>("select id, name from stock_location where deleted_at is null")
  const variants = await sql<{ id: string; sku: string }>("select id, sku from product_variant where deleted_at is null")
  const items = await sql<{ id: string; sku: string }>("select id, sku from inventory_item where deleted_at is null")
  if (!key || !channel) throw new Error("the demo store was not seeded (no Webshop publishable key)")
  return {
    publishable_key: key.token,
    sales_channel_id: channel.id,
    regions: Object.fromEntries(regions.map((r) => [r.currency_code, r.id])),
    locations: Object.fromEntries(locations.map((l) => [l.name, l.id])),
    variants: Object.fromEntries(variants.map((v) => [v.sku, v.id])),
    inventory_items: Object.fromEntries(items.map((i) => [i.sku, i.id])),
  }
}
