import { model } from "@medusajs/framework/utils"

/**
 * Where one order was routed and why: the plan the planner made, its trace in sentences, and
 * every later change (re-route, rejection, move, cancel) appended to `history`. One live
 * decision per order; the unique index is the last guard against a duplicate event.
 */
export const RoutingDecision = model
  .define("oms_routing_decision", {
    id: model.id({ prefix: "ordec" }).primaryKey(),
    order_id: model.text(),
    status: model.enum(["routed", "partially_routed", "held", "backordered", "canceled"]),
    /** "exact" or "heuristic": which search produced the plan. */
    method: model.text(),
    /** The rule set (and version) that decided, e.g. "default". */
    rule_set: model.text().default("default"),
    /** Locations the order ships from; kept as a column so daily capacity is one query. */
    location_ids: model.array().default([]),
    /** { shipments: Shipment[], unallocated: Remainder[] } as the planner returned them. */
    plan: model.json(),
    /** The planner's trace: rule-by-rule sentences and the rule that decided. */
    trace: model.json(),
    /** { entries: [{ at, action, actor, summary }] }, oldest first. */
    history: model.json(),
    /**
     * When every unit of the order had been fulfilled. Picking reads only unsettled decisions,
     * so a wave build does not grow with the store's history.
     */
    fulfilled_at: model.dateTime().nullable(),
  })
  .indexes([
    // The dashboard's facts refresh finds changed orders by updated_at, soft-deleted rows too (src/modules/metrics).
    { name: "IDX_oms_routing_decision_updated_at", on: ["updated_at"], where: null },
    { on: ["order_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["created_at"], where: "deleted_at IS NULL" },
    { on: ["status"], where: "deleted_at IS NULL AND fulfilled_at IS NULL" },
  ])
