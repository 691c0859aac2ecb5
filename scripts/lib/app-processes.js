// The app as separate processes on one database and one Redis: `medusa start` servers
// (MEDUSA_WORKER_MODE=server: HTTP only) and workers (MEDUSA_WORKER_MODE=worker: subscribers and
// jobs; they answer /health on their own port). Used by npm run dev:cluster, the cluster test
// layer and bench:cluster. Each process runs in its own process group, its output in a log file,
// so a test can SIGKILL one worker and start it again.
const fs = require("fs")
const net = require("net")
const path = require("path")
const { medusaChild } = require("./medusa")

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/** A free TCP port from the kernel. */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.unref()
    srv.on("error", reject)
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
  })
}

function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, "utf8").split("\n").slice(-lines).join("\n")
  } catch {
    return "(no log)"
  }
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0)
    return true
  } catch {
    return false
  }
}

/**
 * Starts one app process and waits for its /health.
 *   role: "server" | "worker" | "shared"
 *   db: from scripts/lib/database.js startDatabase() (its url is DATABASE_URL)
 *   redisUrl: REDIS_URL (required for server and worker)
 *   port: the HTTP port (a free one when omitted)
 *   logFile: where stdout and stderr go
 *   env: more environment (e.g. OMS_ROUTING_CHECKOUT)
 * Returns { role, name, port, base, logFile, pid, exited, stop(), kill(signal), restart(), tail() }.
 * `restart()` starts the same role again on the same port (after a kill).
 */
async function startApp({ role = "shared", name = role, db, redisUrl, port, logFile, env = {}, healthTimeoutMs = 240_000 }) {
  if (role !== "shared" && !redisUrl) throw new Error(`a ${role} process needs redisUrl (MEDUSA_WORKER_MODE=${role} shares state through Redis)`)
  const appPort = port || (await freePort())
  fs.mkdirSync(path.dirname(logFile), { recursive: true })
  const proc = {
    role,
    name,
    port: appPort,
    base: `http://localhost:${appPort}`,
    logFile,
    pid: null,
    child: null,
    tail: (lines) => tail(logFile, lines),
  }

  const launch = async () => {
    const out = fs.openSync(logFile, "a")
    // `medusa start` with NODE_ENV=development runs the TypeScript sources as `medusa develop`
    // does, minus the file watcher; the admin dashboard is neither built nor served.
    const child = medusaChild(["start"], db, {
      extraEnv: {
        PORT: String(appPort),
        NODE_ENV: "development",
        LOG_LEVEL: process.env.LOG_LEVEL || "info",
        MEDUSA_ADMIN_DISABLE: "true",
        MEDUSA_WORKER_MODE: role,
        ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
        ...env,
      },
      stdio: ["ignore", out, out],
    })
    fs.closeSync(out)
    proc.child = child
    proc.pid = child.pid
    proc.exited = new Promise((r) => child.once("exit", (code, signal) => r({ code, signal })))
    const deadline = Date.now() + healthTimeoutMs
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}) before /health answered\n${tail(logFile)}`)
      }
      const code = await fetch(`${proc.base}/health`, { signal: AbortSignal.timeout(10_000) }).then(
        (r) => r.status,
        () => null
      )
      if (code === 200) return proc
      if (Date.now() > deadline) {
        await proc.kill("SIGKILL")
        throw new Error(`${name}: /health did not answer in ${healthTimeoutMs / 1000} s\n${tail(logFile)}`)
      }
      await sleep(300)
    }
  }

  /** Sends `signal` to the whole process group and waits until it is gone. */
  proc.kill = async (signal = "SIGKILL") => {
    const pid = proc.pid
    if (!pid || !groupAlive(pid)) return
    try {
      process.kill(-pid, signal)
    } catch {
      return
    }
    const until = Date.now() + 10_000
    while (Date.now() < until && groupAlive(pid)) await sleep(100)
  }
  /** SIGTERM, then SIGKILL after 8 s. */
  proc.stop = async () => {
    const pid = proc.pid
    if (!pid || !groupAlive(pid)) return
    try {
      process.kill(-pid, "SIGTERM")
    } catch {
      return
    }
    const until = Date.now() + 8000
    while (Date.now() < until && groupAlive(pid)) await sleep(200)
    if (groupAlive(pid)) await proc.kill("SIGKILL")
  }
  proc.restart = async () => {
    await proc.kill("SIGKILL")
    fs.appendFileSync(logFile, `\n----- restarted ${new Date().toISOString()} -----\n`)
    return launch()
  }
  return launch()
}

/**
 * One Redis-backed cluster: `servers` HTTP servers and `workers` workers on one database.
 * The database must be migrated (and seeded) before. Processes start one after another (each
 * boot loads every module; two at once on two cores only makes both slower).
 */
async function startCluster({ db, redisUrl, servers = 1, workers = 2, logDir, env = {}, serverEnv = {}, workerEnv = {} }) {
  const procs = { servers: [], workers: [] }
  const all = () => [...procs.servers, ...procs.workers]
  try {
    for (let i = 0; i < workers; i++) {
      procs.workers.push(
        await startApp({ role: "worker", name: `worker-${i + 1}`, db, redisUrl, logFile: path.join(logDir, `worker-${i + 1}.log`), env: { ...env, ...workerEnv } })
      )
    }
    for (let i = 0; i < servers; i++) {
      procs.servers.push(
        await startApp({ role: "server", name: `server-${i + 1}`, db, redisUrl, logFile: path.join(logDir, `server-${i + 1}.log`), env: { ...env, ...serverEnv } })
      )
    }
  } catch (e) {
    await Promise.all(all().map((p) => p.stop()))
    throw e
  }
  return { ...procs, all, stop: () => Promise.all(all().map((p) => p.stop())) }
}

module.exports = { startApp, startCluster, freePort, tail }
