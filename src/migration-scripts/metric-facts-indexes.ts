import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * updated_at indexes on Medusa's "order" and fulfillment tables, under the plugin's own names:
 * the dashboard's facts refresh asks both which rows changed since its watermark
 * (src/modules/metrics/queries/facts.ts), and without them scans both tables on every page
 * (about 70 ms at 100,000 orders, growing with them). A migration script, not a module
 * migration: module migrations may run before Medusa's own have made those tables. Dropping
 * them costs nothing but that speed.
 */
export default async function metricFactsIndexes({ container }: ExecArgs) {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  await pg.raw(`CREATE INDEX IF NOT EXISTS "IDX_oms_order_updated_at" ON "order" ("updated_at")`)
  await pg.raw(`CREATE INDEX IF NOT EXISTS "IDX_oms_fulfillment_updated_at" ON "fulfillment" ("updated_at")`)
}
