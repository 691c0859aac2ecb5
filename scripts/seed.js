// `npm run seed`: migrates and seeds the dev database (idempotent: a seeded store is left as is).
const { startDatabase, describeDatabase } = require("./lib/database")
const { medusa } = require("./lib/medusa")
const { explain } = require("./lib/database-error")

async function main() {
  const db = await startDatabase({ purpose: "dev", database: "medusa_oms" })
  console.log(`[oms] database: ${describeDatabase(db)}`)
  try {
    await medusa(["db:migrate"], db)
    await medusa(["exec", "./scripts/seed/run.ts"], db)
  } finally {
    await db.stop()
  }
}

main().catch((e) => {
  console.error(`[oms] ${explain(e)}`)
  process.exit(1)
})
