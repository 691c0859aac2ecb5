// A real Medusa server with the demo store, for the browser tests: its own database on the
// server scripts/test.js started, copied from the migrated template and seeded, then the dev server (the admin
// served by Vite, the plugin loaded from src/) on a free port.
import { ChildProcess } from "child_process"
import fs from "fs"
import net from "net"
import path from "path"

// CommonJS helpers shared with the npm scripts.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { dropDatabase, ROOT } = require("../../scripts/lib/database")
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { ensureMigratedTemplate, cloneTemplate } = require("../../scripts/lib/db-templates")
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { medusa, medusaChild } = require("../../scripts/lib/medusa")

export type Db = { host: string; port: number; user: string; password: string; url: string }

export type Server = {
  baseUrl: string
  db: Db
  logFile: string
  stop: () => Promise<void>
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** The database server scripts/test.js passes in DB_*; `url` points at `database`. */
export function databaseFromEnv(database: string): Db {
  const { DB_HOST, DB_PORT, DB_USERNAME, DB_PASSWORD } = process.env
  if (!DB_HOST || !DB_PORT) {
    throw new Error("the browser tests need DB_HOST and DB_PORT: run them with `node scripts/test.js browser`")
  }
  const user = DB_USERNAME || "postgres"
  const password = DB_PASSWORD || ""
  const auth = `${encodeURIComponent(user)}:${encodeURIComponent(password)}`
  return {
    host: DB_HOST,
    port: Number(DB_PORT),
    user,
    password,
    url: `postgres://${auth}@${DB_HOST}:${DB_PORT}/${database}`,
  }
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.unref()
    srv.once("error", reject)
    srv.listen(0, () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })
}

/** The last `lines` lines of a file, or a note that it is missing. */
export function tail(file: string, lines = 60): string {
  if (!fs.existsSync(file)) return `(no log at ${file})`
  return fs.readFileSync(file, "utf8").split("\n").slice(-lines).join("\n")
}

async function status(url: string): Promise<number | null> {
  try {
    const res = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(60_000) })
    await res.arrayBuffer().catch(() => undefined)
    return res.status
  } catch {
    return null
  }
}

/** Polls `url` until it answers 200; fails early when the server process has exited. */
async function waitFor200(url: string, child: ChildProcess, deadline: number) {
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before ${url} answered`)
    }
    const code = await status(url)
    if (code === 200) return
    if (Date.now() > deadline) throw new Error(`${url} did not answer 200 in time (last: ${code ?? "no answer"})`)
    await sleep(1000)
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(-pid, 0)
    return true
  } catch {
    return false
  }
}

/** SIGTERM to the whole process group, SIGKILL after `graceMs` if anything is left. */
async function killGroup(pid: number, graceMs = 8000) {
  try {
    process.kill(-pid, "SIGTERM")
  } catch {
    return
  }
  const until = Date.now() + graceMs
  while (Date.now() < until) {
    if (!alive(pid)) return
    await sleep(200)
  }
  try {
    process.kill(-pid, "SIGKILL")
  } catch {
    // gone meanwhile
  }
}

/**
 * Creates `database` afresh as a copy of the migrated template, seeds the demo store with `orders`
 * orders, starts the server and waits until both the API and the admin answer.
 *
 * The server is `medusa start` with NODE_ENV=development, which is exactly the process
 * `medusa develop` forks, minus develop's file watcher: other people edit the repository
 * while tests run, and each saved file would restart a `medusa develop` server mid-test.
 * OMS_BROWSER_SERVER=develop runs `medusa develop` itself instead.
 */
export async function startServer({
  database,
  orders,
  startupTimeoutMs = 300_000,
  demoCarrier = true,
  history = false,
}: {
  database: string
  orders: number
  startupTimeoutMs?: number
  /** false: the store without the seed's offline demo carrier (a test that adds its own account). */
  demoCarrier?: boolean
  /** The demo orders' past weeks too (scripts/seed/demo-history.ts), for the Performance page: true or how many orders. */
  history?: boolean | number
}): Promise<Server> {
  const db = databaseFromEnv(database)
  const logDir = path.join(ROOT, ".data", "browser")
  fs.mkdirSync(logDir, { recursive: true })
  const logFile = path.join(logDir, "server.log")
  fs.writeFileSync(logFile, "")

  const started = Date.now()
  const note = (message: string) =>
    fs.appendFileSync(logFile, `[browser-tests] ${((Date.now() - started) / 1000).toFixed(1)}s ${message}\n`)

  // A copy of the migrated template (built once per run by scripts/test.js, here when missing).
  const template = await ensureMigratedTemplate(db, { scripts: true })
  await cloneTemplate(db, template.name, database)
  note(`created database ${database} from ${template.name}${template.built ? " (template migrated now)" : ""}`)
  await medusa(["exec", "./scripts/seed/run.ts"], db, { quiet: true, extraEnv: { OMS_SEED_ORDERS: String(orders), OMS_SEED_CARRIER: String(demoCarrier), OMS_SEED_HISTORY: String(history !== false), OMS_SEED_HISTORY_ORDERS: String(history === true ? 24 : history || 0) } })
  note(`seeded ${orders} orders`)

  const port = await freePort()
  const baseUrl = `http://localhost:${port}`
  const origins = `${baseUrl},http://127.0.0.1:${port}`
  const useDevelop = process.env.OMS_BROWSER_SERVER === "develop"
  const out = fs.openSync(logFile, "a")
  const child: ChildProcess = medusaChild(useDevelop ? ["develop"] : ["start"], db, {
    extraEnv: {
      PORT: String(port),
      NODE_ENV: "development",
      LOG_LEVEL: "info",
      ADMIN_CORS: origins,
      AUTH_CORS: origins,
      STORE_CORS: origins,
    },
    stdio: ["ignore", out, out],
  })
  fs.closeSync(out)
  const pid = child.pid!

  // Should the test process end without afterAll (a crash, forceExit), take the server along.
  const killOnExit = () => {
    try {
      process.kill(-pid, "SIGKILL")
    } catch {
      // already gone
    }
  }
  process.once("exit", killOnExit)

  let stopped = false
  const stop = async () => {
    if (stopped) return
    stopped = true
    await killGroup(pid)
    process.removeListener("exit", killOnExit)
  }

  try {
    const deadline = Date.now() + startupTimeoutMs
    await waitFor200(`${baseUrl}/health`, child, deadline)
    note(`${baseUrl}/health answers`)
    // The first admin request compiles the dashboard with Vite.
    await waitFor200(`${baseUrl}/app`, child, deadline)
    note(`${baseUrl}/app answers`)
  } catch (error) {
    await stop()
    throw new Error(`${(error as Error).message}\n--- tail of ${path.relative(ROOT, logFile)} ---\n${tail(logFile)}`)
  }

  return { baseUrl, db, logFile, stop }
}

export async function dropServerDatabase(db: Db, database: string) {
  await dropDatabase(db, database)
}
