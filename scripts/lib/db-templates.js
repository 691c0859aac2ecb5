// Template databases for the test layers. Migrating Medusa's and the plugin's modules takes 15
// to 30 seconds; every http spec file, browser spec and cluster spec used to pay it. Instead the
// schema is migrated once into a template and each spec's database is a copy of it
// (CREATE DATABASE ... TEMPLATE, well under a second).
//
// A template carries a fingerprint of what its schema depends on (Medusa's version, the plugin's
// migrations and links, the app config) as its database comment, and is built again when that
// changes. Building holds a PostgreSQL advisory lock, so two jest workers (or two layers) that
// need the same template build it once.
const crypto = require("crypto")
const fs = require("fs")
const path = require("path")
const { ROOT } = require("./cluster")
const { withClient, dropDatabase } = require("./database")
const { medusa } = require("./medusa")

const quote = (name) => `"${String(name).replace(/"/g, '""')}"`

function filesUnder(dir) {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]))
}

/**
 * What a migrated schema depends on: Medusa's version, the plugin's migrations and links, the
 * app config. `extra` files (a seed, say) join the hash for templates that hold data too.
 */
function schemaFingerprint(extra = []) {
  const hash = crypto.createHash("sha1")
  hash.update(require(path.join(ROOT, "node_modules", "@medusajs", "medusa", "package.json")).version)
  const files = [
    ...filesUnder(path.join(ROOT, "src", "modules")).filter((f) => f.includes(`${path.sep}migrations${path.sep}`)),
    ...filesUnder(path.join(ROOT, "src", "links")),
    path.join(ROOT, "medusa-config.ts"),
    ...extra.flatMap((f) => (fs.existsSync(f) && fs.statSync(f).isDirectory() ? filesUnder(f) : [f])),
  ].sort()
  for (const f of files) hash.update(`${path.relative(ROOT, f)}\0`).update(fs.readFileSync(f))
  return hash.digest("hex")
}

async function commentOf(db, name) {
  return withClient(db, async (client) => {
    const { rows } = await client.query(
      "select shobj_description(oid, 'pg_database') as comment from pg_database where datname = $1",
      [name]
    )
    return rows.length ? rows[0].comment : null
  })
}

/** A number for pg_advisory_lock from a template's name. */
function lockId(name) {
  return crypto.createHash("sha1").update(`oms-template:${name}`).digest().readInt32BE(0)
}

/**
 * Makes sure the template `name` exists with `fingerprint`; when it does not, builds it with
 * `build(templateDb)` on a freshly created database. Returns whether it was built now.
 */
async function ensureTemplate(db, { name, fingerprint, build }) {
  if ((await commentOf(db, name)) === fingerprint) return false
  const { Client } = require("pg")
  const lock = new Client({ host: db.host, port: db.port, user: db.user, password: db.password, database: "postgres" })
  await lock.connect()
  try {
    await lock.query("select pg_advisory_lock($1)", [lockId(name)])
    // Someone else may have built it while this one waited for the lock.
    if ((await commentOf(db, name)) === fingerprint) return false
    await dropDatabase(db, name)
    await withClient(db, (client) => client.query(`create database ${quote(name)}`))
    const auth = `${encodeURIComponent(db.user)}:${encodeURIComponent(db.password)}`
    const target = { ...db, database: name, url: `postgres://${auth}@${db.host}:${db.port}/${name}` }
    await build(target)
    // A template must have no open connection when it is copied; the comment marks it complete.
    await withClient(db, (client) => client.query(`comment on database ${quote(name)} is '${fingerprint}'`))
    return true
  } finally {
    await lock.query("select pg_advisory_unlock($1)", [lockId(name)]).catch(() => undefined)
    await lock.end().catch(() => undefined)
  }
}

/**
 * The schema only, as `medusa db:migrate` leaves it. `scripts: false` skips Medusa's data
 * migration scripts (the http layer's test runner never ran them; the browser servers did).
 */
const MIGRATED = { true: "oms_tpl_migrated_scripts", false: "oms_tpl_migrated" }

async function ensureMigratedTemplate(db, { scripts = false } = {}) {
  const name = MIGRATED[String(Boolean(scripts))]
  const built = await ensureTemplate(db, {
    name,
    fingerprint: schemaFingerprint(),
    build: (target) => medusa(["db:migrate", ...(scripts ? [] : ["--skip-scripts"])], target, { quiet: true, extraEnv: { REDIS_URL: "" } }),
  })
  return { name, built }
}

/** Creates `database` afresh (dropped first) as a copy of `template`. */
async function cloneTemplate(db, template, database) {
  await dropDatabase(db, database)
  await withClient(db, async (client) => {
    // Nobody may be connected to a template while it is copied (a build that just finished).
    await client.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()", [template])
    await client.query(`create database ${quote(database)} template ${quote(template)}`)
  })
}

module.exports = { schemaFingerprint, ensureTemplate, ensureMigratedTemplate, cloneTemplate }
