import { FactsWindow, inScope, type MetricSqlBuilder } from "../../../lib/metrics/sql"
import type { MetricKey } from "../../../lib/metrics/types"

/**
 * The dashboard's metrics whose facts are routing decisions (and, for stock cover, Medusa's
 * inventory levels and shipped fulfillments, which routing plans against). Written as facts for
 * src/lib/metrics/sql.ts (columns named there); the service runs one statement per metric.
 *
 * Orders are Medusa's "order" rows placed in the window (created_at), drafts left out; the
 * decision counts when it placed units (routed or partially routed): held, backordered and
 * canceled decisions have no plan to measure.
 */
const ROUTED_ORDERS = (bind: (v: unknown) => string, w: FactsWindow) => `
  SELECT d.order_id, o.created_at AS placed_at, o.sales_channel_id, d.location_ids, d.created_at AS routed_at, d.plan
    FROM oms_routing_decision d
    JOIN "order" o ON o.id = d.order_id AND o.deleted_at IS NULL AND o.is_draft_order = false
   WHERE d.deleted_at IS NULL AND d.status IN ('routed', 'partially_routed')
     AND o.created_at >= ${bind(w.start)} AND o.created_at < ${bind(w.end)}${inScope(bind, w, "d.order_id")}`

/** One dims row per location of each fact (an order split over two locations counts at both). */
const PER_LOCATION = `
  SELECT 'location' AS dim, l AS key, NULL::text AS label, f.order_id, f.at, f.sales_channel_id,
         ARRAY[l] AS location_ids, f.carriers, f.value, f.den, 1::float AS units
    FROM facts f, unnest(f.location_ids) AS l`

/** Shipments of a plan as rows (a plan without an array reads as none). */
const SHIPMENTS = (plan: string) =>
  `jsonb_array_elements(CASE WHEN jsonb_typeof(${plan}->'shipments') = 'array' THEN ${plan}->'shipments' ELSE '[]'::jsonb END)`

export const ROUTING_METRIC_SQL: Partial<Record<MetricKey, MetricSqlBuilder>> = {
  // Hours from placed to the decision (its created_at is the first routing; re-routes update it).
  placed_to_routed: (bind, w) => ({
    with: `routing_orders AS (${ROUTED_ORDERS(bind, w)})`,
    facts: `SELECT r.order_id, r.placed_at AS at, r.sales_channel_id, r.location_ids, '{}'::text[] AS carriers,
                   GREATEST(EXTRACT(EPOCH FROM (r.routed_at - r.placed_at)) / 3600.0, 0)::float AS value, 1::float AS den
              FROM routing_orders r`,
    dims: PER_LOCATION,
  }),

  // Split: the decision ships from more than one location.
  split_rate: (bind, w) => ({
    with: `routing_orders AS (${ROUTED_ORDERS(bind, w)})`,
    facts: `SELECT r.order_id, r.placed_at AS at, r.sales_channel_id, r.location_ids, '{}'::text[] AS carriers,
                   (CASE WHEN cardinality(r.location_ids) > 1 THEN 1 ELSE 0 END)::float AS value, 1::float AS den
              FROM routing_orders r`,
    dims: PER_LOCATION,
  }),

  // Km of the plan's shipments (as the planner stored them: shipments[].distance_km; none = 0).
  distance_per_order: (bind, w) => ({
    with: `routing_orders AS (${ROUTED_ORDERS(bind, w)}),
      routing_shipments AS (
        SELECT r.order_id, r.placed_at, r.sales_channel_id, s->>'location_id' AS location_id,
               COALESCE(NULLIF(s->>'distance_km', '')::float, 0) AS km
          FROM routing_orders r, ${SHIPMENTS("r.plan")} AS s)`,
    facts: `SELECT r.order_id, r.placed_at AS at, r.sales_channel_id, r.location_ids, '{}'::text[] AS carriers,
                   COALESCE(k.km, 0)::float AS value, 1::float AS den
              FROM routing_orders r
              LEFT JOIN (SELECT order_id, SUM(km) AS km FROM routing_shipments GROUP BY order_id) k ON k.order_id = r.order_id`,
    dims: `SELECT 'location' AS dim, s.location_id AS key, NULL::text AS label, s.order_id, s.placed_at AS at,
                  s.sales_channel_id, ARRAY[s.location_id] AS location_ids, '{}'::text[] AS carriers,
                  SUM(s.km)::float AS value, 1::float AS den, 1::float AS units
             FROM routing_shipments s
            GROUP BY s.location_id, s.order_id, s.placed_at, s.sales_channel_id`,
  }),

  // Units shipped (outbound fulfillments, by shipped_at) per location; stock on hand now as extra rows.
  stock_cover_days: (bind, w, filters) => ({
    // order_id is the fulfillment's order (the facts table refreshes per order); no drill-down.
    facts: `SELECT ofl.order_id, f.shipped_at AS at, NULL::text AS sales_channel_id, ARRAY[f.location_id] AS location_ids,
                   '{}'::text[] AS carriers, SUM(fi.quantity)::float AS value, 0::float AS den
              FROM fulfillment f
              JOIN order_fulfillment ofl ON ofl.fulfillment_id = f.id AND ofl.deleted_at IS NULL
              JOIN fulfillment_item fi ON fi.fulfillment_id = f.id AND fi.deleted_at IS NULL
             WHERE f.deleted_at IS NULL AND f.canceled_at IS NULL
               AND f.shipped_at >= ${bind(w.start)} AND f.shipped_at < ${bind(w.end)}${inScope(bind, w, "ofl.order_id")}
             GROUP BY f.id, ofl.order_id, f.shipped_at, f.location_id`,
    dims: PER_LOCATION,
    extra: (bindLast) => `
      SELECT 'now' AS period, 'stock' AS dim, il.location_id AS key, NULL::text AS label, COUNT(*)::int AS n,
             SUM(il.stocked_quantity)::float AS num, NULL::float AS den, NULL::float AS units, NULL::float AS p50, NULL::float AS p90
        FROM inventory_level il
       WHERE il.deleted_at IS NULL${filters.location_id ? ` AND il.location_id = ${bindLast(filters.location_id)}` : ""}
       GROUP BY il.location_id`,
  }),
}

/**
 * Orders whose routing facts may have changed since `since` (a bound instant): a decision
 * written or re-routed, and Medusa's order row itself (placed, canceled, edited: a new version
 * bumps it). Every write through the ORM stamps updated_at, soft deletes included.
 */
export const ROUTING_CHANGED_ORDERS = (since: () => string) => `
  SELECT d.order_id FROM oms_routing_decision d WHERE d.updated_at >= ${since()}
  UNION ALL
  SELECT o.id FROM "order" o WHERE o.updated_at >= ${since()}`
