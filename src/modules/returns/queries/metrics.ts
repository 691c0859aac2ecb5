import { inScope, type MetricSqlBuilder } from "../../../lib/metrics/sql"
import type { MetricKey } from "../../../lib/metrics/types"

/**
 * The dashboard's return metrics (src/lib/metrics/sql.ts names the columns). The return rate
 * is a cohort: units of outbound fulfillments created in the window (Medusa's order_fulfillment
 * link, canceled fulfillments left out), and of those the units customers asked back so far in
 * cases not canceled. A line fulfilled from two locations shares its returned units over them
 * in location order, never more than each one sent, so nothing is counted twice.
 */
export const RETURNS_METRIC_SQL: Partial<Record<MetricKey, MetricSqlBuilder>> = {
  return_rate: (bind, w) => ({
    with: `returns_fulfilled AS (
        SELECT ofl.order_id, fi.line_item_id, f.location_id, MIN(f.created_at) AS at, SUM(fi.quantity)::float AS units
          FROM fulfillment f
          JOIN order_fulfillment ofl ON ofl.fulfillment_id = f.id AND ofl.deleted_at IS NULL
          JOIN fulfillment_item fi ON fi.fulfillment_id = f.id AND fi.deleted_at IS NULL
         WHERE f.deleted_at IS NULL AND f.canceled_at IS NULL
           AND f.created_at >= ${bind(w.start)} AND f.created_at < ${bind(w.end)}${inScope(bind, w, "ofl.order_id")}
         GROUP BY ofl.order_id, fi.line_item_id, f.location_id),
      returns_asked AS (
        SELECT l.order_line_item_id, SUM(l.quantity)::float AS units
          FROM oms_return_line l
          JOIN oms_return_case c ON c.id = l.return_case_id AND c.deleted_at IS NULL AND c.status <> 'canceled'
         WHERE l.deleted_at IS NULL AND l.order_line_item_id IN (SELECT line_item_id FROM returns_fulfilled)
         GROUP BY l.order_line_item_id),
      returns_cohort AS (
        SELECT f.order_id, f.line_item_id, f.location_id, f.at, f.units, o.sales_channel_id, li.product_id, li.product_title,
               GREATEST(0, LEAST(f.units, COALESCE(a.units, 0) - COALESCE(SUM(f.units) OVER (
                 PARTITION BY f.line_item_id ORDER BY f.location_id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)))::float AS returned,
               -- The line's own facts on each of its rows (first row: nth = 1), for the reasons below:
               -- windows, not a GROUP BY of this CTE, whose row estimate PostgreSQL cannot know.
               ROW_NUMBER() OVER (PARTITION BY f.line_item_id ORDER BY f.location_id) AS nth,
               MIN(f.at) OVER (PARTITION BY f.line_item_id) AS line_at,
               array_agg(f.location_id) OVER (PARTITION BY f.line_item_id) AS line_location_ids
          FROM returns_fulfilled f
          LEFT JOIN returns_asked a ON a.order_line_item_id = f.line_item_id
          LEFT JOIN "order" o ON o.id = f.order_id
          LEFT JOIN order_line_item li ON li.id = f.line_item_id)`,
    facts: `SELECT order_id, at, sales_channel_id, ARRAY[location_id] AS location_ids, '{}'::text[] AS carriers,
                   returned AS value, units AS den
              FROM returns_cohort`,
    // Reasons count the asked units of the cohort's lines (their share of all units fulfilled).
    dims: `SELECT 'location' AS dim, location_id AS key, NULL::text AS label, order_id, at, sales_channel_id,
                  ARRAY[location_id] AS location_ids, '{}'::text[] AS carriers, returned AS value, units AS den, returned AS units
             FROM returns_cohort
           UNION ALL
           SELECT 'product' AS dim, product_id AS key, product_title AS label, order_id, at, sales_channel_id,
                  ARRAY[location_id] AS location_ids, '{}'::text[] AS carriers, returned AS value, units AS den, returned AS units
             FROM returns_cohort WHERE product_id IS NOT NULL
           UNION ALL
           SELECT 'reason' AS dim, COALESCE(l.reason_value, 'unspecified') AS key, NULL::text AS label, c.order_id, c.line_at AS at,
                  c.sales_channel_id, c.line_location_ids AS location_ids, '{}'::text[] AS carriers, l.quantity::float AS value,
                  0::float AS den, l.quantity::float AS units
             FROM returns_cohort c
             JOIN oms_return_line l ON l.order_line_item_id = c.line_item_id AND l.deleted_at IS NULL
             JOIN oms_return_case rc ON rc.id = l.return_case_id AND rc.deleted_at IS NULL AND rc.status <> 'canceled'
            WHERE c.nth = 1`,
  }),

  // Hours from request to resolution, per case requested in the window and resolved; its
  // locations are where its lines go back to.
  return_to_resolution: (bind, w) => ({
    facts: `SELECT c.order_id, c.requested_at AS at, o.sales_channel_id,
                   COALESCE((SELECT array_agg(DISTINCT l.destination_location_id) FROM oms_return_line l
                              WHERE l.return_case_id = c.id AND l.deleted_at IS NULL AND l.destination_location_id IS NOT NULL),
                            '{}'::text[]) AS location_ids,
                   '{}'::text[] AS carriers,
                   GREATEST(EXTRACT(EPOCH FROM (c.resolved_at - c.requested_at)) / 3600.0, 0)::float AS value, 1::float AS den
              FROM oms_return_case c
              LEFT JOIN "order" o ON o.id = c.order_id
             WHERE c.deleted_at IS NULL AND c.status = 'resolved' AND c.resolved_at IS NOT NULL
               AND c.requested_at >= ${bind(w.start)} AND c.requested_at < ${bind(w.end)}${inScope(bind, w, "c.order_id")}`,
    dims: `SELECT 'location' AS dim, l AS key, NULL::text AS label, f.order_id, f.at, f.sales_channel_id,
                  ARRAY[l] AS location_ids, f.carriers, f.value, f.den, 1::float AS units
             FROM facts f, unnest(f.location_ids) AS l`,
  }),
}

/** Orders whose return facts may have changed since `since`: their return cases and the cases' lines. */
export const RETURNS_CHANGED_ORDERS = (since: () => string) => `
  SELECT c.order_id FROM oms_return_case c WHERE c.updated_at >= ${since()}
  UNION ALL
  SELECT c.order_id FROM oms_return_line l JOIN oms_return_case c ON c.id = l.return_case_id WHERE l.updated_at >= ${since()}`
