// Generates a migration for each plugin module from its data models:
//   npm run db:generate            (all modules)
// medusa plugin:db:generate needs a live database and reads DB_* variables, not .env.
const { spawnSync } = require("child_process")
const { startDatabase, ROOT } = require("./lib/database")

async function main() {
  const db = await startDatabase({ purpose: "dev", database: "medusa_oms_generate" })
  const env = {
    ...process.env,
    DB_HOST: db.host,
    DB_PORT: String(db.port),
    DB_USERNAME: db.user,
    DB_PASSWORD: db.password,
    DB_DATABASE: db.database,
    DATABASE_URL: db.url,
    MEDUSA_DISABLE_TELEMETRY: "true",
  }
  const res = spawnSync("npx", ["medusa", "plugin:db:generate"], { cwd: ROOT, env, stdio: "inherit" })
  await db.stop()
  process.exit(res.status ?? 1)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
