// `npm run db:reset`: drops the dev database and builds it again (migrations + demo seed).
const { startDatabase, describeDatabase, dropDatabase, createDatabaseIfMissing } = require("./lib/database")
const { medusa } = require("./lib/medusa")
const { explain } = require("./lib/database-error")

async function main() {
  const db = await startDatabase({ purpose: "dev", database: "medusa_oms" })
  console.log(`[oms] database: ${describeDatabase(db)}`)
  try {
    console.log(`[oms] dropping ${db.database}`)
    await dropDatabase(db, db.database)
    await createDatabaseIfMissing(db, db.database)
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
