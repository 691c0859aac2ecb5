import { inScope, type Bind, type FactsWindow, type MetricSqlBuilder, type MetricSqlFilters } from "../../../lib/metrics/sql"
import type { MetricKey } from "../../../lib/metrics/types"

/**
 * The dashboard's metrics whose facts are parcels: Medusa's outbound fulfillments (the
 * order_fulfillment link, so return fulfillments stay out; canceled ones left out) and the
 * label ledger with its tracking events. src/lib/metrics/sql.ts names the columns.
 *
 * An order is SHIPPED once every unit of its current version has shipped (Medusa's
 * order_item.shipped_quantity), at its LAST parcel's shipped_at; DELIVERED likewise with
 * delivered_quantity and delivered_at. A partly shipped order is not counted yet.
 */

/** Orders placed in the window whose every unit reached `column` (shipped_quantity | delivered_quantity). */
const COMPLETE_ORDERS = (bind: Bind, w: FactsWindow, column: "shipped_quantity" | "delivered_quantity") => `
  SELECT o.id AS order_id, o.created_at AS placed_at, o.sales_channel_id
    FROM "order" o
    JOIN order_item oi ON oi.order_id = o.id AND oi.version = o.version AND oi.deleted_at IS NULL
   WHERE o.deleted_at IS NULL AND o.is_draft_order = false AND o.status <> 'canceled'
     AND o.created_at >= ${bind(w.start)} AND o.created_at < ${bind(w.end)}${inScope(bind, w, "o.id")}
   GROUP BY o.id, o.created_at, o.sales_channel_id
  HAVING SUM(oi.quantity) > 0 AND SUM(oi.${column}) >= SUM(oi.quantity)`

/** The complete orders' outbound parcels, with the carriers of their purchased labels. */
const PARCELS = `
  SELECT c.order_id, c.placed_at, c.sales_channel_id, f.id AS fulfillment_id, f.location_id, f.shipped_at, f.delivered_at,
         COALESCE((SELECT array_agg(DISTINCT l.carrier) FROM oms_label l
                    WHERE l.fulfillment_id = f.id AND l.kind = 'outbound' AND l.status = 'purchased' AND l.deleted_at IS NULL),
                  '{}'::text[]) AS carriers
    FROM shipping_complete_orders c
    JOIN order_fulfillment ofl ON ofl.order_id = c.order_id AND ofl.deleted_at IS NULL
    JOIN fulfillment f ON f.id = ofl.fulfillment_id AND f.deleted_at IS NULL AND f.canceled_at IS NULL`

/** Hours from placed to the last parcel's `column`, per order and (dims) per location it left. */
function leadTime(quantity: "shipped_quantity" | "delivered_quantity", column: "shipped_at" | "delivered_at"): MetricSqlBuilder {
  return (bind, w) => ({
    with: `shipping_complete_orders AS (${COMPLETE_ORDERS(bind, w, quantity)}),
      shipping_parcels AS (${PARCELS})`,
    facts: `SELECT order_id, placed_at AS at, sales_channel_id, array_agg(DISTINCT location_id) AS location_ids,
                   COALESCE(array_agg(DISTINCT carrier) FILTER (WHERE carrier IS NOT NULL), '{}'::text[]) AS carriers,
                   GREATEST(EXTRACT(EPOCH FROM (MAX(${column}) - placed_at)) / 3600.0, 0)::float AS value, 1::float AS den
              FROM shipping_parcels LEFT JOIN LATERAL unnest(carriers) AS carrier ON true
             GROUP BY order_id, placed_at, sales_channel_id
            HAVING bool_and(${column} IS NOT NULL)`,
    dims: `SELECT 'location' AS dim, location_id AS key, NULL::text AS label, order_id, placed_at AS at, sales_channel_id,
                  ARRAY[location_id] AS location_ids,
                  COALESCE(array_agg(DISTINCT carrier) FILTER (WHERE carrier IS NOT NULL), '{}'::text[]) AS carriers,
                  GREATEST(EXTRACT(EPOCH FROM (MAX(${column}) - placed_at)) / 3600.0, 0)::float AS value, 1::float AS den,
                  1::float AS units
             FROM shipping_parcels LEFT JOIN LATERAL unnest(carriers) AS carrier ON true
            GROUP BY location_id, order_id, placed_at, sales_channel_id
           HAVING bool_and(${column} IS NOT NULL)`,
  })
}

/** Purchased outbound labels, narrowed inside by carrier and location (another carrier's label is not this one's cost). */
const LABELS = (bind: Bind, filters: MetricSqlFilters, w: FactsWindow) => `
  SELECT l.id, l.order_id, l.carrier, l.location_id, l.amount, l.currency_code, l.purchased_at, l.rate, o.sales_channel_id
    FROM oms_label l
    LEFT JOIN "order" o ON o.id = l.order_id
   WHERE l.deleted_at IS NULL AND l.kind = 'outbound' AND l.status = 'purchased' AND l.order_id IS NOT NULL
     AND l.purchased_at >= ${bind(w.start)} AND l.purchased_at < ${bind(w.end)}${inScope(bind, w, "l.order_id")}
     ${filters.carrier ? `AND l.carrier = ${bind(filters.carrier)}` : ""}
     ${filters.location_id ? `AND l.location_id = ${bind(filters.location_id)}` : ""}`

/** One dims row per location of each fact. */
const PER_LOCATION = `
  SELECT 'location' AS dim, l AS key, NULL::text AS label, f.order_id, f.at, f.sales_channel_id,
         ARRAY[l] AS location_ids, f.carriers, f.value, f.den, 1::float AS units
    FROM facts f, unnest(f.location_ids) AS l`

export const SHIPPING_METRIC_SQL: Partial<Record<MetricKey, MetricSqlBuilder>> = {
  placed_to_shipped: leadTime("shipped_quantity", "shipped_at"),
  placed_to_delivered: leadTime("delivered_quantity", "delivered_at"),

  // Per shipped order: its outbound fulfillments (per location: the ones that left from there).
  parcels_per_order: (bind, w) => ({
    with: `shipping_complete_orders AS (${COMPLETE_ORDERS(bind, w, "shipped_quantity")}),
      shipping_parcels AS (${PARCELS})`,
    facts: `SELECT order_id, placed_at AS at, sales_channel_id, array_agg(DISTINCT location_id) AS location_ids,
                   '{}'::text[] AS carriers, COUNT(*)::float AS value, 1::float AS den
              FROM shipping_parcels GROUP BY order_id, placed_at, sales_channel_id`,
    dims: `SELECT 'location' AS dim, location_id AS key, NULL::text AS label, order_id, placed_at AS at, sales_channel_id,
                  ARRAY[location_id] AS location_ids, '{}'::text[] AS carriers, COUNT(*)::float AS value, 1::float AS den,
                  1::float AS units
             FROM shipping_parcels GROUP BY location_id, order_id, placed_at, sales_channel_id`,
  }),

  // Per order: the amounts of its labels bought in the window (at the first of them); dims per carrier and location.
  label_cost_per_order: (bind, w, filters) => ({
    with: `shipping_labels AS (${LABELS(bind, filters, w)})`,
    facts: `SELECT order_id, MIN(purchased_at) AS at, MAX(sales_channel_id) AS sales_channel_id,
                   array_agg(DISTINCT location_id) FILTER (WHERE location_id IS NOT NULL) AS location_ids,
                   array_agg(DISTINCT carrier) AS carriers, COALESCE(SUM(amount), 0)::float AS value, 1::float AS den
              FROM shipping_labels GROUP BY order_id`,
    dims: `SELECT 'carrier' AS dim, carrier AS key, MAX(currency_code) AS label, order_id, MIN(purchased_at) AS at,
                  MAX(sales_channel_id) AS sales_channel_id, array_agg(DISTINCT location_id) AS location_ids, ARRAY[carrier] AS carriers,
                  COALESCE(SUM(amount), 0)::float AS value, 1::float AS den, COUNT(*)::float AS units
             FROM shipping_labels GROUP BY carrier, order_id
           UNION ALL
           SELECT 'location' AS dim, location_id AS key, MAX(currency_code) AS label, order_id, MIN(purchased_at) AS at,
                  MAX(sales_channel_id) AS sales_channel_id, ARRAY[location_id] AS location_ids, array_agg(DISTINCT carrier) AS carriers,
                  COALESCE(SUM(amount), 0)::float AS value, 1::float AS den, COUNT(*)::float AS units
             FROM shipping_labels WHERE location_id IS NOT NULL GROUP BY location_id, order_id`,
  }),

  // Per outbound label with a transit estimate, delivered in the window: on time when the first
  // delivered event's local day is no later than the purchase's local day plus the rate's days.
  on_time_delivery: (bind, w) => ({
    with: `shipping_delivered AS (
      SELECT l.id, l.order_id, l.carrier, l.location_id, o.sales_channel_id,
             (MIN(e.occurred_at) AT TIME ZONE ${bind(w.timezone)})::date
               <= (l.purchased_at AT TIME ZONE ${bind(w.timezone)})::date + ROUND((l.rate->>'days')::numeric)::int AS on_time,
             MIN(e.occurred_at) AS delivered_at
        FROM oms_label l
        JOIN oms_tracking_event e ON e.label_id = l.id AND e.status = 'delivered' AND e.deleted_at IS NULL
        LEFT JOIN "order" o ON o.id = l.order_id
       WHERE l.deleted_at IS NULL AND l.kind = 'outbound' AND l.status = 'purchased' AND l.purchased_at IS NOT NULL
         AND jsonb_typeof(l.rate->'days') = 'number'
         AND e.occurred_at >= ${bind(w.start)}${inScope(bind, w, "l.order_id")}
       GROUP BY l.id, l.order_id, l.carrier, l.location_id, l.purchased_at, l.rate, o.sales_channel_id)`,
    facts: `SELECT order_id, delivered_at AS at, sales_channel_id,
                   CASE WHEN location_id IS NULL THEN '{}'::text[] ELSE ARRAY[location_id] END AS location_ids,
                   ARRAY[carrier] AS carriers, (CASE WHEN on_time THEN 1 ELSE 0 END)::float AS value, 1::float AS den
              FROM shipping_delivered`,
    dims: `SELECT 'carrier' AS dim, f.carriers[1] AS key, NULL::text AS label, f.order_id, f.at, f.sales_channel_id,
                  f.location_ids, f.carriers, f.value, f.den, 1::float AS units
             FROM facts f
           UNION ALL ${PER_LOCATION}`,
  }),
}

/**
 * Orders whose parcel facts may have changed since `since`: Medusa's fulfillments (created with
 * their order link, shipped, delivered, canceled: the order items' shipped and delivered
 * quantities move in the same workflows, and an order edit bumps the order row, which routing's
 * list reads), the label ledger and its tracking events.
 */
export const SHIPPING_CHANGED_ORDERS = (since: () => string) => `
  SELECT ofl.order_id FROM fulfillment f JOIN order_fulfillment ofl ON ofl.fulfillment_id = f.id WHERE f.updated_at >= ${since()}
  UNION ALL
  SELECT l.order_id FROM oms_label l WHERE l.updated_at >= ${since()}
  UNION ALL
  SELECT l.order_id FROM oms_tracking_event e JOIN oms_label l ON l.id = e.label_id WHERE e.updated_at >= ${since()}`
