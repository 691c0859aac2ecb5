// Entry point for `medusa exec`: seeds the demo store, its bins and the demo admin (all idempotent).
import { ExecArgs } from "@medusajs/framework/types"
import { DEMO_ADMIN, ensureAdminUser } from "./admin-user"
import { seedDemoBins } from "./demo-bins"
import { seedDemoStore } from "./demo-store"
import { seedDemoCarrier } from "./demo-carrier"
import { seedDemoHistory } from "./demo-history"

export default async function seed({ container }: ExecArgs) {
  const log = (m: string) => console.log(`[seed] ${m}`)
  const store = await seedDemoStore(container, { orders: Number(process.env.OMS_SEED_ORDERS ?? 30), log })
  const bins = await seedDemoBins(container, store)
  // OMS_SEED_CARRIER=false leaves the offline demo carrier out (the labels browser test adds its own).
  const carrier = process.env.OMS_SEED_CARRIER === "false" ? { created: false } : await seedDemoCarrier(container, store)
  // OMS_SEED_HISTORY=false leaves out the past weeks' orders (they need the offline carrier).
  const withHistory = process.env.OMS_SEED_HISTORY !== "false" && process.env.OMS_SEED_CARRIER !== "false"
  const history = withHistory
    ? await seedDemoHistory(container, store, { orders: Number(process.env.OMS_SEED_HISTORY_ORDERS ?? 24), log })
    : null
  const admin = await ensureAdminUser(container)
  log(
    `${store.already_seeded ? "found" : "created"} ${Object.keys(store.locations).length} warehouses, ` +
      `${Object.keys(store.variants).length} variants, ${store.order_ids.length} orders; ` +
      `bins: ${bins.added} added, ${bins.kept} kept; ` +
      `offline carrier ${process.env.OMS_SEED_CARRIER === "false" ? "left out" : carrier.created ? "added" : "kept"}; ` +
      `history ${history ? (history.created ? `${history.orders} orders, ${history.returns} returns in ${(history.ms / 1000).toFixed(0)} s` : "kept") : "left out"}; ` +
      `admin ${DEMO_ADMIN.email} ${admin.created ? "created" : "exists"}`
  )
  log(`publishable key: ${store.publishable_key}`)
}
