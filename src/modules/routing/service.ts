import { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { OmsOptions, parseOmsOptions } from "../../lib/config/options"
import { parseStoredShipments } from "../../lib/routing/stored"
import { LocationProfile } from "./models/location-profile"
import { countsFromRow, ROUTING_COUNTS_SQL, RoutingCounts } from "./queries/routing-counts"
import { CONFIG_STAMP_SQL } from "./queries/config-stamp"
import { RoutingDecision } from "./models/routing-decision"
import { RuleSet } from "./models/rule-set"
import { ShadowResult } from "./models/shadow-result"
import { Simulation } from "./models/simulation"

/** Generated CRUD for routing's stored configuration, plus the plugin's validated options. */
/** Units routing planned at one location for one order line (and inventory item), not yet fulfilled in full. */
export type PlannedAllocation = {
  order_id: string
  /** The planner's line id: "<line_item_id>|<inventory_item_id>". */
  line_id: string
  inventory_item_id: string
  quantity: number
}

/** Decisions that still place units: routed or partly routed, and not settled (every unit fulfilled). */
const OPEN_PLAN_SQL = `
  SELECT id, order_id, plan->'shipments' AS shipments
    FROM oms_routing_decision
   WHERE deleted_at IS NULL AND fulfilled_at IS NULL
     AND status IN ('routed', 'partially_routed')
     AND location_ids @> ARRAY[?]::text[]`

class RoutingModuleService extends MedusaService({
  LocationProfile,
  RoutingDecision,
  RuleSet,
  Simulation,
  ShadowResult,
}) {
  protected readonly omsOptions_: OmsOptions

  constructor(container: Record<string, unknown>, options?: Record<string, unknown>) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.omsOptions_ = parseOmsOptions(options ?? {})
  }

  /** The plugin's options with defaults filled in (validated at start-up by the loader). */
  getOmsOptions(): OmsOptions {
    return this.omsOptions_
  }

  /** Routed today, split rate, km per order, held and backordered now: one aggregate query. */
  @InjectManager()
  async routingCounts(todayStartsAt: Date, @MedusaContext() sharedContext: Context = {}): Promise<RoutingCounts> {
    const manager = sharedContext.manager as { execute: (sql: string, params: unknown[]) => Promise<any[]> }
    const [row] = await manager.execute(ROUTING_COUNTS_SQL, [todayStartsAt.toISOString()])
    return countsFromRow(row)
  }

  /** The stamp of routing's configuration for a sales channel (queries/config-stamp.ts): one statement. */
  @InjectManager()
  async routingConfigStamp(salesChannelId: string | null, @MedusaContext() sharedContext: Context = {}): Promise<string> {
    const manager = sharedContext.manager as { execute: (sql: string, params: unknown[]) => Promise<any[]> }
    const [row] = await manager.execute(CONFIG_STAMP_SQL, [salesChannelId ?? ""])
    return String(row.stamp)
  }

  /**
   * Orders each location ships (part of) since `since` (today's start for daily capacity):
   * one grouped query over the decisions' location lists.
   */
  @InjectManager()
  async ordersPerLocationSince(since: Date, @MedusaContext() sharedContext: Context = {}): Promise<Record<string, number>> {
    const manager = sharedContext.manager as { execute: (sql: string, params: unknown[]) => Promise<any[]> }
    const rows = await manager.execute(
      `SELECT location_id, COUNT(*)::int AS orders
         FROM oms_routing_decision, unnest(location_ids) AS location_id
        WHERE deleted_at IS NULL AND created_at >= ?
        GROUP BY location_id`,
      [since.toISOString()]
    )
    return Object.fromEntries(rows.map((r) => [r.location_id, r.orders]))
  }

  /**
   * What routing planned at a stock location and is still open: one allocation per order and
   * planner line, units summed over the plan's shipments from there. One query; only the plans'
   * shipments are read (not what the planner saw), and each through the stored plan's parser.
   * Picking builds its waves from this instead of reading routing's decisions itself.
   */
  @InjectManager()
  async listOpenAllocationsAt(
    stockLocationId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<PlannedAllocation[]> {
    const manager = sharedContext.manager as { execute: (sql: string, params: unknown[]) => Promise<any[]> }
    const rows = await manager.execute(OPEN_PLAN_SQL, [stockLocationId])
    const allocations = new Map<string, PlannedAllocation>()
    for (const row of rows) {
      for (const shipment of parseStoredShipments(row.shipments, row.id)) {
        if (shipment.location_id !== stockLocationId) continue
        for (const line of shipment.lines) {
          const key = `${row.order_id} ${line.line_id}`
          const seen = allocations.get(key)
          if (seen) seen.quantity += line.quantity
          else allocations.set(key, { order_id: row.order_id, line_id: line.line_id, inventory_item_id: line.inventory_item_id, quantity: line.quantity })
        }
      }
    }
    return [...allocations.values()]
  }

  /**
   * Orders placed between `since` and `until` with no routing decision (not drafts, not
   * canceled or archived), oldest first: one anti-join on the database, however many orders the
   * day had. The recovery sweep (src/jobs/route-unrouted-orders.ts) routes them.
   */
  @InjectManager()
  async unroutedOrderIds(
    range: { since: Date; until: Date; limit: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    const manager = sharedContext.manager as { execute: (sql: string, params: unknown[]) => Promise<{ id: string }[]> }
    const rows = await manager.execute(
      `SELECT o.id
         FROM "order" o
        WHERE o.deleted_at IS NULL AND o.is_draft_order = false
          AND o.status NOT IN ('canceled', 'draft', 'archived')
          AND o.created_at >= ? AND o.created_at <= ?
          AND NOT EXISTS (SELECT 1 FROM oms_routing_decision d WHERE d.order_id = o.id AND d.deleted_at IS NULL)
        ORDER BY o.created_at, o.id
        LIMIT ?`,
      [range.since, range.until, range.limit]
    )
    return rows.map((r) => r.id)
  }

  /**
   * Orders planned in shadow and how many of them disagree with the live decision, per rule
   * set: one grouped query, however many orders there are.
   */
  @InjectManager()
  async shadowStats(
    ruleSetIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Record<string, { planned: number; disagreements: number }>> {
    const stats: Record<string, { planned: number; disagreements: number }> = {}
    for (const id of ruleSetIds) stats[id] = { planned: 0, disagreements: 0 }
    if (!ruleSetIds.length) return stats
    const manager = sharedContext.manager as { execute: (sql: string, params: unknown[]) => Promise<any[]> }
    const rows = await manager.execute(
      `SELECT rule_set_id, COUNT(*)::int AS planned, (COUNT(*) FILTER (WHERE NOT agrees))::int AS disagreements
         FROM oms_shadow_result
        WHERE deleted_at IS NULL AND rule_set_id IN (${ruleSetIds.map(() => "?").join(", ")})
        GROUP BY rule_set_id`,
      ruleSetIds
    )
    for (const row of rows) stats[row.rule_set_id] = { planned: row.planned, disagreements: row.disagreements }
    return stats
  }
}

export default RoutingModuleService
