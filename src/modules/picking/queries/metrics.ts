import { FactsWindow, inScope, type MetricSqlBuilder } from "../../../lib/metrics/sql"
import type { MetricKey } from "../../../lib/metrics/types"

/**
 * The dashboard's metrics whose facts are waves, wave lines and packs (src/lib/metrics/sql.ts
 * names the columns). Canceled waves and canceled lines never count: their units went back
 * to another wave. Orders are Medusa's "order" rows placed in the window, drafts left out.
 */

/** Per order and wave location: the order's lines in live waves, placed in the window. */
const ORDER_WAVES = (bind: (v: unknown) => string, w: FactsWindow) => `
  SELECT wl.order_id, w.stock_location_id AS location_id, w.id AS wave_id, w.picked_at,
         o.created_at AS placed_at, o.sales_channel_id,
         (SELECT MAX(p.created_at) FROM oms_pack p
           WHERE p.wave_id = w.id AND p.order_id = wl.order_id AND p.deleted_at IS NULL) AS packed_at
    FROM oms_wave_line wl
    JOIN oms_wave w ON w.id = wl.wave_id AND w.deleted_at IS NULL AND w.status <> 'canceled'
    JOIN "order" o ON o.id = wl.order_id AND o.deleted_at IS NULL AND o.is_draft_order = false
   WHERE wl.deleted_at IS NULL AND wl.status <> 'canceled'
     AND o.created_at >= ${bind(w.start)} AND o.created_at < ${bind(w.end)}${inScope(bind, w, "wl.order_id")}
   GROUP BY wl.order_id, w.stock_location_id, w.id, w.picked_at, o.created_at, o.sales_channel_id`

/**
 * Hours from placed to the last of `column` over the order's waves (per location for the
 * dims), counted only when every one of those waves has it.
 */
function leadTime(column: "picked_at" | "packed_at"): MetricSqlBuilder {
  return (bind, w) => ({
    with: `picking_order_waves AS (${ORDER_WAVES(bind, w)}),
      picking_order_locations AS (
        SELECT order_id, location_id, placed_at, sales_channel_id, MAX(${column}) AS done_at
          FROM picking_order_waves
         GROUP BY order_id, location_id, placed_at, sales_channel_id
        HAVING bool_and(${column} IS NOT NULL))`,
    facts: `SELECT order_id, placed_at AS at, sales_channel_id, array_agg(location_id ORDER BY location_id) AS location_ids,
                   '{}'::text[] AS carriers, GREATEST(EXTRACT(EPOCH FROM (MAX(${column}) - placed_at)) / 3600.0, 0)::float AS value,
                   1::float AS den
              FROM picking_order_waves
             GROUP BY order_id, placed_at, sales_channel_id
            HAVING bool_and(${column} IS NOT NULL)`,
    dims: `SELECT 'location' AS dim, location_id AS key, NULL::text AS label, order_id, placed_at AS at, sales_channel_id,
                  ARRAY[location_id] AS location_ids, '{}'::text[] AS carriers,
                  GREATEST(EXTRACT(EPOCH FROM (done_at - placed_at)) / 3600.0, 0)::float AS value, 1::float AS den, 1::float AS units
             FROM picking_order_locations`,
  })
}

/** One dims row per location of each fact. */
const PER_LOCATION = `
  SELECT 'location' AS dim, l AS key, NULL::text AS label, f.order_id, f.at, f.sales_channel_id,
         ARRAY[l] AS location_ids, f.carriers, f.value, f.den, 1::float AS units
    FROM facts f, unnest(f.location_ids) AS l`

export const PICKING_METRIC_SQL: Partial<Record<MetricKey, MetricSqlBuilder>> = {
  placed_to_picked: leadTime("picked_at"),
  placed_to_packed: leadTime("packed_at"),

  // Per wave whose picking ended in the window: refused scans over its lines.
  wrong_scans_per_100_lines: (bind, w) => ({
    facts: `SELECT NULL::text AS order_id, w.picked_at AS at, NULL::text AS sales_channel_id, ARRAY[w.stock_location_id] AS location_ids,
                   '{}'::text[] AS carriers, w.wrong_scans::float AS value, w.line_count::float AS den
              FROM oms_wave w
             WHERE w.deleted_at IS NULL AND w.status <> 'canceled'
               AND w.picked_at >= ${bind(w.start)} AND w.picked_at < ${bind(w.end)}`,
    dims: PER_LOCATION,
  }),

  // Per order and wave picked in the window: its lines picked short over its lines.
  short_picks_per_100_lines: (bind, w) => ({
    facts: `SELECT wl.order_id, w.picked_at AS at, o.sales_channel_id, ARRAY[w.stock_location_id] AS location_ids,
                   '{}'::text[] AS carriers, COUNT(*) FILTER (WHERE wl.short > 0)::float AS value, COUNT(*)::float AS den
              FROM oms_wave w
              JOIN oms_wave_line wl ON wl.wave_id = w.id AND wl.deleted_at IS NULL
              LEFT JOIN "order" o ON o.id = wl.order_id
             WHERE w.deleted_at IS NULL AND w.status <> 'canceled'
               AND w.picked_at >= ${bind(w.start)} AND w.picked_at < ${bind(w.end)}${inScope(bind, w, "wl.order_id")}
             GROUP BY w.id, wl.order_id, w.picked_at, o.sales_channel_id, w.stock_location_id`,
    dims: PER_LOCATION,
  }),
}

/** Orders whose picking facts may have changed since `since`: their wave lines, waves (every order of a wave) and packs. */
export const PICKING_CHANGED_ORDERS = (since: () => string) => `
  SELECT wl.order_id FROM oms_wave_line wl WHERE wl.updated_at >= ${since()}
  UNION ALL
  SELECT wl.order_id FROM oms_wave w JOIN oms_wave_line wl ON wl.wave_id = w.id WHERE w.updated_at >= ${since()}
  UNION ALL
  SELECT p.order_id FROM oms_pack p WHERE p.updated_at >= ${since()}`
