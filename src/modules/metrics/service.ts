import { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import {
  aggregateStatement,
  ordersStatement,
  type AggregateInput,
  type MetricOrderSqlRow,
  type MetricRow,
  type OrdersInput,
  type SqlExecutor,
  type Statement,
} from "../../lib/metrics/sql"
import { MetricFactsState } from "./models/metric-facts-state"
import { builderFor, changedOrdersStatement, factsVersion, insertFactsStatement, STORED_KEYS } from "./queries/facts"

const sql = (sharedContext: Context) => (sharedContext.transactionManager ?? sharedContext.manager) as unknown as SqlExecutor
const run = (sharedContext: Context, s: Statement) => sql(sharedContext).execute(s.sql, s.params)

/**
 * How far back each refresh looks again before its watermark. A change is found by its row's
 * updated_at, stamped by the writer's clock when it flushes, and committed a little later: a
 * transaction still open at the last refresh, or an application server whose clock runs behind
 * the database's, writes stamps older than that watermark. Refreshing an order twice is harmless,
 * but costs: every refresh takes in again the orders written in the last REFRESH_OVERLAP_MS
 * (a workflow step's transaction lasts well under a second; servers keep their clocks by NTP).
 */
export const REFRESH_OVERLAP_MS = 30 * 1000

/**
 * How long a refresh waits for another one (the job's, another page's) before it answers busy:
 * a refresh of the changed orders takes well under a second, so waiting for it gives the page
 * what was just written; a build from scratch takes minutes at scale, and is not waited for.
 */
const LOCK_ATTEMPTS = 50
const LOCK_RETRY_MS = 100

/** Orders refreshed per statement batch, so one refresh never binds an unbounded id list. */
const BATCH = 5000

export type FactsRefresh = {
  /** 'rebuilt' (every order, first run or new definitions), 'refreshed' (the changed orders), 'busy' (another refresh holds the table). */
  outcome: "rebuilt" | "refreshed" | "busy"
  /** Whether the table holds every order's rows (false only while its first build runs elsewhere: read live meanwhile). */
  stored: boolean
  orders: number
  statements: number
}

/** What metricRows and metricOrders read: the table, unless `live` (the table is not built yet). */
export type MetricsRead = { live?: boolean }

/**
 * The dashboard's facts table (oms_metric_fact): every metric's facts and dims per order, as
 * the owning modules' builders compute them, kept current by refreshFacts and read by
 * metricRows / metricOrders in place of the builders' joins. Wrong scans (a wave's, not an
 * order's) and label cost under a carrier filter are computed live (queries/facts.ts says why).
 */
class MetricsModuleService extends MedusaService({ MetricFactsState }) {
  /** The aggregate rows of one metric (one statement). */
  @InjectManager()
  async metricRows(input: AggregateInput & MetricsRead, @MedusaContext() sharedContext: Context = {}): Promise<MetricRow[]> {
    return run(sharedContext, aggregateStatement(builderFor(input.key, input.filters, input.live), input))
  }

  /** One page of the orders behind a metric (one statement). */
  @InjectManager()
  async metricOrders(input: OrdersInput & MetricsRead, @MedusaContext() sharedContext: Context = {}): Promise<MetricOrderSqlRow[]> {
    return run(sharedContext, ordersStatement(builderFor(input.key, input.filters, input.live), input))
  }

  /**
   * Brings the table up to date, in one transaction under an advisory lock (two refreshes never
   * write the same order's rows twice): with no state row, or one built by other definitions,
   * every order's rows are computed again; otherwise those of the orders any module changed since
   * the watermark (less REFRESH_OVERLAP_MS). Readers keep seeing the previous rows until it
   * commits. A caller that finds another refresh running waits for it (up to five seconds), then
   * does its own; past that (a build from scratch) it answers 'busy' and reads the rows as they are.
   */
  @InjectTransactionManager()
  async refreshFacts(@MedusaContext() sharedContext: Context = {}): Promise<FactsRefresh> {
    const exec = sql(sharedContext)
    let statements = 0
    let lock: { locked: boolean; now: string; built: boolean }
    for (let attempt = 1; ; attempt++) {
      ;[lock] = await exec.execute(
        `SELECT pg_try_advisory_xact_lock(hashtext('oms_metric_fact')) AS locked, now() AS now,
                EXISTS (SELECT 1 FROM oms_metric_facts_state WHERE id = 'facts') AS built`,
        []
      )
      statements += 1
      if (lock.locked) break
      if (attempt >= LOCK_ATTEMPTS) return { outcome: "busy", stored: lock.built, orders: 0, statements }
      await new Promise((resolve) => setTimeout(resolve, LOCK_RETRY_MS))
    }
    // Read under the lock, in a statement of its own: the one that took the lock may have begun
    // (and taken its snapshot) before the previous holder committed.
    const [state] = (await exec.execute(`SELECT version, watermark FROM oms_metric_facts_state WHERE id = 'facts'`, [])) as {
      version: string
      watermark: string
    }[]
    statements += 1
    const now = new Date(lock.now)
    const version = factsVersion()

    let outcome: FactsRefresh["outcome"]
    let orders: number
    if (!state || state.version !== version) {
      outcome = "rebuilt"
      await exec.execute(`DELETE FROM oms_metric_fact`, [])
      statements += 1
      for (const key of STORED_KEYS) {
        await run(sharedContext, insertFactsStatement(key))
        statements += 1
      }
      const [count] = await exec.execute(`SELECT COUNT(DISTINCT order_id)::int AS n FROM oms_metric_fact`, [])
      statements += 1
      orders = count.n
    } else {
      outcome = "refreshed"
      const since = new Date(new Date(state.watermark).getTime() - REFRESH_OVERLAP_MS)
      const changed = (await run(sharedContext, changedOrdersStatement(since))).map((r) => r.order_id as string)
      statements += 1
      orders = changed.length
      for (let i = 0; i < changed.length; i += BATCH) {
        const ids = changed.slice(i, i + BATCH)
        await exec.execute(
          `DELETE FROM oms_metric_fact WHERE order_id = ANY(ARRAY(SELECT jsonb_array_elements_text(CAST(? AS jsonb))))`,
          [JSON.stringify(ids)]
        )
        statements += 1
        for (const key of STORED_KEYS) {
          await run(sharedContext, insertFactsStatement(key, ids))
          statements += 1
        }
      }
    }
    await exec.execute(
      `INSERT INTO oms_metric_facts_state (id, version, watermark, orders_refreshed) VALUES ('facts', ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, watermark = EXCLUDED.watermark,
              orders_refreshed = EXCLUDED.orders_refreshed, updated_at = now()`,
      [version, now.toISOString(), orders]
    )
    statements += 1
    return { outcome, stored: true, orders, statements }
  }
}

export default MetricsModuleService
