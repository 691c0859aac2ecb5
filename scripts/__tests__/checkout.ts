// Fresh checkouts for the first-run tests: the scripts and package.json copied, node_modules
// hard-linked (cp -al: seconds, no disk), so every path the scripts use lies inside the copy.
import { ChildProcess, execFileSync, spawn } from "child_process"
import fs from "fs"
import net from "net"
import os from "os"
import path from "path"

const { ROOT, sharedHome } = require("../lib/cluster")

/** A private folder (mode 0700) on the file system of this checkout's node_modules. */
export function privateFolder(): string {
  const nodeModules = fs.realpathSync(path.join(ROOT, "node_modules"))
  const sameDevice = fs.statSync(os.tmpdir()).dev === fs.statSync(nodeModules).dev
  const parent = sameDevice ? os.tmpdir() : path.join(ROOT, ".data")
  fs.mkdirSync(parent, { recursive: true })
  const dir = fs.mkdtempSync(path.join(parent, "oms-first-run-"))
  fs.chmodSync(dir, 0o700)
  return fs.realpathSync(dir)
}

/** A checkout named `medusa-oms` inside `parent`. */
export function makeCheckout(parent: string, name = "medusa-oms"): string {
  const dir = path.join(parent, name)
  fs.mkdirSync(dir)
  fs.cpSync(path.join(ROOT, "scripts"), path.join(dir, "scripts"), { recursive: true })
  fs.copyFileSync(path.join(ROOT, "package.json"), path.join(dir, "package.json"))
  execFileSync("cp", ["-al", fs.realpathSync(path.join(ROOT, "node_modules")), path.join(dir, "node_modules")])
  return dir
}

/** Removes a checkout's folder and whatever its database kept outside it. */
export function removeCheckouts(parent: string, checkouts: string[]) {
  for (const checkout of checkouts) fs.rmSync(sharedHome(checkout), { recursive: true, force: true })
  fs.rmSync(parent, { recursive: true, force: true })
}

/** Environment for a checkout's scripts: no DATABASE_URL, the given OMS_PG_PORT. */
export function envFor(port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, OMS_PG_PORT: String(port), MEDUSA_DISABLE_TELEMETRY: "true" }
  delete env.DATABASE_URL
  delete env.OMS_PG_HOME
  return env
}

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

/** Node code run with a checkout's database.js, like a script of that checkout. */
const PROBE = `
const { startDatabase, describeDatabase, withClient } = require("./scripts/lib/database")
const { explain } = require("./scripts/lib/database-error")
const [purpose, database, hold] = process.argv.slice(1)
startDatabase({ purpose, database }).then(async (db) => {
  const row = await withClient(db, async (c) => (await c.query("select current_database() as name, 1 + 1 as two")).rows[0], database)
  const report = JSON.stringify({ line: describeDatabase(db), dataDir: db.dataDir, reused: db.reused, ...row })
  if (hold !== "hold") {
    console.log(report)
    await db.stop()
    return
  }
  process.on("SIGTERM", async () => { await db.stop(); process.exit(0) })
  console.log("READY " + report)
}).catch((e) => { console.error(explain(e)); process.exit(1) })
`

export type Probe = { status: number | null; stdout: string; stderr: string }

/** Starts the checkout's embedded database, runs one query and stops it. */
export function probe(checkout: string, port: number, database = "first_run", purpose = "test"): Promise<Probe> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["-e", PROBE, purpose, database], { cwd: checkout, env: envFor(port) })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (d) => (stdout += d))
    child.stderr.on("data", (d) => (stderr += d))
    child.on("close", (status) => resolve({ status, stdout, stderr }))
  })
}

/** Starts the checkout's embedded database and keeps it running until `release()`. */
export async function hold(checkout: string, port: number, database = "first_run") {
  const child: ChildProcess = spawn(process.execPath, ["-e", PROBE, "test", database, "hold"], { cwd: checkout, env: envFor(port) })
  let stderr = ""
  child.stderr!.on("data", (d) => (stderr += d))
  const report = await new Promise<any>((resolve, reject) => {
    let stdout = ""
    child.stdout!.on("data", (d) => {
      stdout += d
      const line = stdout.split("\n").find((l) => l.startsWith("READY "))
      if (line) resolve(JSON.parse(line.slice(6)))
    })
    child.on("close", (code) => reject(new Error(`the database of ${checkout} did not start (exit ${code}): ${stderr}`)))
  })
  const release = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve()
      child.once("close", () => resolve())
      child.kill("SIGTERM")
    })
  return { report, release }
}

/** Runs one of the checkout's npm scripts (its node file) to the end; never blocks this process. */
export function runScript(checkout: string, script: string, args: string[], port: number): Promise<Probe> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join("scripts", script), ...args], { cwd: checkout, env: envFor(port) })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (d) => (stdout += d))
    child.stderr.on("data", (d) => (stderr += d))
    child.on("close", (status) => resolve({ status, stdout, stderr }))
  })
}
