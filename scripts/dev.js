// `npm run dev`: from a fresh clone to a running admin with the demo store in one command.
// Installs dependencies if missing, starts the database (embedded unless DATABASE_URL is
// set), migrates, seeds once, makes the demo admin, then runs `medusa develop`.
const { dependenciesInstalled, installDependencies } = require("./lib/medusa")
const { explain } = require("./lib/database-error")

async function main() {
  if (!dependenciesInstalled()) installDependencies()

  const { startDatabase, describeDatabase } = require("./lib/database")
  const { medusa, medusaChild } = require("./lib/medusa")
  const { DEMO_LOGIN } = require("./lib/demo")

  const db = await startDatabase({ purpose: "dev", database: "medusa_oms", log: () => {} })
  console.log(`[oms] database: ${describeDatabase(db)}`)

  console.log("[oms] migrating...")
  await medusa(["db:migrate"], db)
  console.log("[oms] seeding the demo store (once)...")
  await medusa(["exec", "./scripts/seed/run.ts"], db)

  const port = process.env.PORT || "9000"
  const child = medusaChild(["develop"], db, { extraEnv: { PORT: port } })
  const banner = () =>
    console.log(
      `\n[oms] Admin: http://localhost:${port}/app\n[oms] Login: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}\n` +
        `[oms] Order management: http://localhost:${port}/app/oms\n`
    )
  setTimeout(banner, 15000)

  let stopping = false
  const stop = async (code) => {
    if (stopping) return
    stopping = true
    try {
      process.kill(-child.pid, "SIGTERM")
    } catch {}
    await db.stop()
    process.exit(code)
  }
  process.on("SIGINT", () => stop(0))
  process.on("SIGTERM", () => stop(0))
  child.on("exit", (code) => stop(code ?? 0))
}

main().catch((e) => {
  console.error(`[oms] ${explain(e)}`)
  process.exit(1)
})
