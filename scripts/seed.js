// `npm run seed`: migrates and seeds the dev database (idempotent: a seeded store is left as is).
const { startDatabase } = require("./lib/database")
const { medusa } = require("./lib/medusa")

async function main() {
  const db = await startDatabase({ purpose: "dev", database: "medusa_oms" })
  try {
    await medusa(["db:migrate"], db)
    await medusa(["exec", "./scripts/seed/run.ts"], db)
  } finally {
    await db.stop()
  }
}

main().catch((e) => {
  console.error(`[oms] ${e.message}`)
  process.exit(1)
})
