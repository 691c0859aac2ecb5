// Generates a migration for each plugin module from its data models:
//   npm run db:generate            (all modules)
// medusa plugin:db:generate needs a live database and reads DB_* variables, not .env.
const { spawn } = require("child_process")
const { startDatabase, ROOT } = require("./lib/database")
const { explain } = require("./lib/database-error")

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
  const code = await new Promise((resolve) => {
    spawn("npx", ["medusa", "plugin:db:generate"], { cwd: ROOT, env, stdio: "inherit" }).on("close", resolve)
  })
  await db.stop()
  process.exit(code ?? 1)
}

main().catch((e) => {
  console.error(`[oms] ${explain(e)}`)
  process.exit(1)
})
