// A private Redis for the cluster mode (npm run dev:cluster, the cluster test layer and
// bench:cluster): Debian's redis-server, installed with apt-get when missing and we are root (as
// the browser tests do with chromium), run on its own port with its data in the checkout's .data.
const fs = require("fs")
const net = require("net")
const path = require("path")
const { spawn, spawnSync } = require("child_process")
const { ROOT } = require("./cluster")

const REDIS_BIN = "/usr/bin/redis-server"

/** Installs Debian's redis-server when it is missing; throws a sentence saying what to do otherwise. */
function ensureRedis() {
  if (fs.existsSync(REDIS_BIN)) return REDIS_BIN
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0
  if (!isRoot) throw new Error("cluster mode needs Debian's redis-server: sudo apt-get install -y redis-server")
  console.log("[oms] installing redis-server (apt-get)")
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" }
  let res = spawnSync("apt-get", ["install", "-y", "-qq", "redis-server"], { stdio: "inherit", env })
  if (res.status !== 0) {
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env })
    res = spawnSync("apt-get", ["install", "-y", "-qq", "redis-server"], { stdio: "inherit", env })
  }
  if (res.status !== 0 || !fs.existsSync(REDIS_BIN)) throw new Error("could not install redis-server")
  return REDIS_BIN
}

function portAnswers(port, host = "127.0.0.1") {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host })
    socket.once("connect", () => (socket.destroy(), resolve(true)))
    socket.once("error", () => resolve(false))
  })
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/**
 * Starts redis-server on `port` (OMS_REDIS_PORT, else 56379) with its data in
 * .data/redis-<name> (emptied first when `fresh`). Append-only file on, so a restart (the fault tests restart it mid-run)
 * keeps the queued events. Returns { url, port, stop(), restart(), kill() }.
 */
async function startRedis({ name = "dev", port = Number(process.env.OMS_REDIS_PORT || 56379), fresh = false, log = () => {} } = {}) {
  const bin = ensureRedis()
  const dir = path.join(ROOT, ".data", `redis-${name}`)
  // fresh: a test or benchmark run starts with no queued events from an earlier run.
  if (fresh) fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(dir, { recursive: true })
  if (await portAnswers(port)) {
    throw new Error(`port ${port} is already in use; set OMS_REDIS_PORT to a free port`)
  }
  const logFile = path.join(dir, "redis.log")
  let child = null
  const launch = async () => {
    const out = fs.openSync(logFile, "a")
    child = spawn(
      bin,
      ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--appendonly", "yes", "--appendfsync", "everysec", "--save", "", "--protected-mode", "no"],
      { stdio: ["ignore", out, out], detached: true }
    )
    fs.closeSync(out)
    const deadline = Date.now() + 15_000
    while (!(await portAnswers(port))) {
      if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode}); see ${logFile}`)
      if (Date.now() > deadline) throw new Error(`redis-server did not answer on ${port}; see ${logFile}`)
      await sleep(100)
    }
    log(`redis-server on ${port} (pid ${child.pid})`)
  }
  const stop = async (signal = "SIGTERM") => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((r) => child.once("exit", r))
    try {
      process.kill(child.pid, signal)
    } catch {
      return
    }
    await Promise.race([exited, sleep(10_000)])
  }
  await launch()
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    logFile,
    stop: () => stop("SIGTERM"),
    /** Stops Redis (SIGTERM writes the append-only file) and starts it again on the same port and data. */
    restart: async ({ downMs = 0 } = {}) => {
      await stop("SIGTERM")
      if (downMs) await sleep(downMs)
      await launch()
    },
  }
}

module.exports = { ensureRedis, startRedis, REDIS_BIN }
