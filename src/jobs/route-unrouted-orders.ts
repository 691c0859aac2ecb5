import type { MedusaContainer } from "@medusajs/framework/types"
import { ROUTING_MODULE, RoutingModuleService } from "../modules/routing"
import { findUnroutedOrders } from "../workflows/routing/utils/unrouted-orders"
import { routeOrderWorkflow } from "../workflows/routing/workflows/route-order"

// Events arrive at least once, but "once" can fail: a worker SIGKILLed mid-routing leaves the
// order lock held for its TTL (120 s), and the event's redelivery (BullMQ's stalled-job check,
// 30-60 s later) times out on that lock after 30 s; the Redis event bus does not retry a failed
// subscriber (attempts: 1). This job routes what is left: orders placed more than
// OMS_ROUTING_SWEEP_AFTER_SECONDS (60) ago, within the last day, with no decision, at most
// SWEEP_BATCH (200) a run. Routing an already routed order is a no-op, so it is safe beside the
// subscriber.
const SWEEP_EVERY_SECONDS = Number(process.env.OMS_ROUTING_SWEEP_EVERY_SECONDS || 60)
// Read at each run (the schedule above is fixed when the job is registered).
const sweepAfterSeconds = () => Number(process.env.OMS_ROUTING_SWEEP_AFTER_SECONDS || 60)
const LOOK_BACK_HOURS = 24

export default async function routeUnroutedOrders(container: MedusaContainer) {
  const routing = container.resolve<RoutingModuleService>(ROUTING_MODULE)
  if (!routing.getOmsOptions().routing.enabled) return
  const logger = container.resolve("logger") as { info: (m: string) => void; warn: (m: string) => void }
  const now = Date.now()
  const orderIds = await findUnroutedOrders(
    container,
    new Date(now - LOOK_BACK_HOURS * 3600_000),
    new Date(now - sweepAfterSeconds() * 1000)
  )
  for (const order_id of orderIds) {
    try {
      const { result } = await routeOrderWorkflow(container).run({ input: { order_id } })
      // Skipped: its order.placed was routed meanwhile (a slow worker, not a lost event).
      if (!result.skipped) logger.info(`medusa-oms: routed ${order_id}, whose order.placed had not been routed`)
    } catch (e) {
      // Its lock is still held (a dead worker's): the next run tries again.
      logger.warn(`medusa-oms: could not route ${order_id} yet (${(e as Error).message}); next sweep retries`)
    }
  }
}

export const config = {
  name: "oms-route-unrouted-orders",
  schedule: { interval: SWEEP_EVERY_SECONDS * 1000 },
}
