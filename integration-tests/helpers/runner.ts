// Medusa's integration test runner, on a database copied from the migrated template
// (scripts/lib/db-templates.js) instead of one migrated from nothing: the runner still runs its
// migrations and link sync, which find everything up to date, so the app it boots is the same.
import crypto from "crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"

// CommonJS helpers shared with scripts/test.js.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { ensureMigratedTemplate, cloneTemplate } = require("../../scripts/lib/db-templates")

type RunnerOptions = Parameters<typeof medusaIntegrationTestRunner>[0]

/** The database server scripts/test.js passes in DB_* (the same one the runner connects to). */
function serverFromEnv() {
  const { DB_HOST, DB_PORT, DB_USERNAME, DB_PASSWORD } = process.env
  if (!DB_HOST || !DB_PORT) throw new Error("the http specs need DB_HOST and DB_PORT: run them with `npm test -- http`")
  return { host: DB_HOST, port: Number(DB_PORT), user: DB_USERNAME || "postgres", password: DB_PASSWORD || "" }
}

export function omsIntegrationTestRunner(options: RunnerOptions) {
  // One database per spec file and jest worker, as the runner's own default name is.
  const dbName = `oms-${crypto.randomUUID().slice(0, 8)}-integration-${process.env.JEST_WORKER_ID ?? "1"}`
  return medusaIntegrationTestRunner({
    ...options,
    dbName,
    hooks: {
      ...options.hooks,
      // Runs before the runner creates its database; the runner then finds it existing.
      beforeServerStart: async (container) => {
        const server = serverFromEnv()
        // Built already by scripts/test.js; a spec started by hand builds it here (once).
        const { name } = await ensureMigratedTemplate(server)
        await cloneTemplate(server, name, dbName)
        await options.hooks?.beforeServerStart?.(container)
      },
    },
  })
}
