// Medusa's Redis event bus as seen from outside the app: the queue is bullmq's `events-queue`
// under the prefix `RedisEventBusService` (node_modules/@medusajs/event-bus-redis), one job per
// event, named after it, carrying { data, metadata }. A test re-publishes an event there to
// deliver it again, as Redis does after a worker died mid-job or a retry.
import { Queue } from "bullmq"
import IORedis from "ioredis"
import type { TestCluster } from "./harness"

const QUEUE = "events-queue"
const PREFIX = "RedisEventBusService"
/** EventPriority.DEFAULT of @medusajs/framework/utils: what the app's own emits carry. */
const DEFAULT_PRIORITY = 100

export type EventBus = {
  /** Adds `times` more deliveries of the event `name` with `data`. */
  republish(name: string, data: Record<string, unknown>, times?: number): Promise<void>
  /** Jobs queued or running now (waiting, prioritized, delayed, active). */
  pending(): Promise<number>
  /** Waits until no job is queued or running for `quietMs` in a row. */
  settle(options?: { quietMs?: number; timeoutMs?: number }): Promise<void>
  close(): Promise<void>
}

export function eventBus(cluster: TestCluster): EventBus {
  const connection = new IORedis(cluster.redis.url, { maxRetriesPerRequest: null })
  const queue = new Queue(QUEUE, { prefix: PREFIX, connection })
  const pending = async () => {
    const counts = await queue.getJobCounts("wait", "prioritized", "delayed", "active")
    return Object.values(counts).reduce((a, b) => a + b, 0)
  }
  return {
    async republish(name, data, times = 2) {
      const job = { data, metadata: { source: "cluster-test redelivery", createdAt: new Date().toISOString() } }
      await queue.addBulk(
        Array.from({ length: times }, () => ({ name, data: job, opts: { removeOnComplete: true, attempts: 1, priority: DEFAULT_PRIORITY } }))
      )
    },
    pending,
    async settle({ quietMs = 1500, timeoutMs = 90_000 } = {}) {
      const until = Date.now() + timeoutMs
      let quietSince = Date.now()
      for (;;) {
        if ((await pending()) > 0) quietSince = Date.now()
        else if (Date.now() - quietSince >= quietMs) return
        if (Date.now() > until) throw new Error(`the event queue still had ${await pending()} job(s) after ${timeoutMs / 1000} s`)
        await new Promise((r) => setTimeout(r, 200))
      }
    },
    async close() {
      await queue.close()
      connection.disconnect()
    },
  }
}
