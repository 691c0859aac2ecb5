/**
 * The aggregates behind the Returns page's numbers, one statement each whatever the number of
 * orders. Returned units are the lines of cases (not canceled) requested in the range; the
 * wholes they are compared with come from Medusa's own tables in the same database:
 * - fulfilled units: items of the orders' fulfillments (order_fulfillment link, so return
 *   fulfillments are left out) created in the range, not canceled;
 * - sold units: the current version of each order's items (order_item.version = order.version),
 *   orders placed in the range, not canceled or drafts;
 * - shipped units: items of those fulfillments shipped in the range, by the location they left.
 * Every statement takes the range twice or more: `from` then `to` each time, as `?` pairs.
 */

/** The returned lines in the range; `c` is the case, `l` the line. */
const RETURNED_LINES = `
  FROM oms_return_line l
  JOIN oms_return_case c ON c.id = l.return_case_id AND c.deleted_at IS NULL
 WHERE l.deleted_at IS NULL AND c.status <> 'canceled'
   AND c.requested_at >= ? AND c.requested_at <= ?`

/** Outbound fulfillment items (`f` fulfillment, `fi` its items) of an order, not canceled. */
const ORDER_FULFILLMENT_ITEMS = `
  FROM fulfillment f
  JOIN order_fulfillment ofl ON ofl.fulfillment_id = f.id AND ofl.deleted_at IS NULL
  JOIN fulfillment_item fi ON fi.fulfillment_id = f.id AND fi.deleted_at IS NULL
 WHERE f.deleted_at IS NULL AND f.canceled_at IS NULL`

/** Per reason value: cases and units returned, and every unit fulfilled in the range. Params: from, to, from, to. */
export const RETURNS_BY_REASON_SQL = `
WITH returned AS (
  SELECT l.reason_value, COUNT(DISTINCT c.id)::int AS returns, SUM(l.quantity)::int AS units
  ${RETURNED_LINES}
  GROUP BY l.reason_value
), fulfilled AS (
  SELECT COALESCE(SUM(fi.quantity), 0)::int AS units
  ${ORDER_FULFILLMENT_ITEMS}
   AND f.created_at >= ? AND f.created_at <= ?
)
SELECT r.reason_value, r.returns, r.units, fulfilled.units AS fulfilled_units
  FROM returned r CROSS JOIN fulfilled
 ORDER BY r.units DESC, r.reason_value NULLS LAST`

/**
 * Per product and SKU: units returned and units sold in the range (only the products that came
 * back are summed on the sales side). Params: from, to, from, to. The 100 most returned.
 */
export const RETURNS_BY_PRODUCT_SQL = `
WITH returned AS (
  SELECT l.product_id, l.sku, MAX(l.title) AS title, SUM(l.quantity)::int AS units
  ${RETURNED_LINES}
  GROUP BY l.product_id, l.sku
), sold AS (
  SELECT li.product_id, li.variant_sku AS sku, SUM(oi.quantity)::int AS sold_units
    FROM "order" o
    JOIN order_item oi ON oi.order_id = o.id AND oi.version = o.version AND oi.deleted_at IS NULL
    JOIN order_line_item li ON li.id = oi.item_id AND li.deleted_at IS NULL
   WHERE o.deleted_at IS NULL AND o.is_draft_order = false AND o.status <> 'canceled'
     AND o.created_at >= ? AND o.created_at <= ?
     AND (li.product_id IN (SELECT product_id FROM returned) OR li.variant_sku IN (SELECT sku FROM returned))
   GROUP BY li.product_id, li.variant_sku
)
SELECT r.product_id, r.sku, r.title, r.units, COALESCE(s.sold_units, 0)::int AS sold_units
  FROM returned r
  LEFT JOIN sold s ON s.product_id IS NOT DISTINCT FROM r.product_id AND s.sku IS NOT DISTINCT FROM r.sku
 ORDER BY r.units DESC, r.sku NULLS LAST
 LIMIT 100`

/**
 * Per location: units returned there (the lines' destination) and units shipped from it in the
 * range; a location with only one of the two is listed too. Params: from, to, from, to.
 */
export const RETURNS_BY_LOCATION_SQL = `
WITH returned AS (
  SELECT l.destination_location_id AS location_id, SUM(l.quantity)::int AS units
  ${RETURNED_LINES}
  GROUP BY l.destination_location_id
), shipped AS (
  SELECT f.location_id, SUM(fi.quantity)::int AS shipped_units
  ${ORDER_FULFILLMENT_ITEMS}
   AND f.shipped_at >= ? AND f.shipped_at <= ?
  GROUP BY f.location_id
)
SELECT COALESCE(r.location_id, s.location_id) AS location_id,
       COALESCE(r.units, 0)::int AS units,
       COALESCE(s.shipped_units, 0)::int AS shipped_units
  FROM returned r
  FULL OUTER JOIN shipped s ON s.location_id = r.location_id
 ORDER BY units DESC, shipped_units DESC, location_id NULLS LAST`

/** Hours from request to resolution of the cases resolved in the range: count, median, 90th percentile. Params: from, to. */
export const RESOLUTION_HOURS_SQL = `
SELECT COUNT(*)::int AS count,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) AS p50,
       percentile_cont(0.9) WITHIN GROUP (ORDER BY hours) AS p90
  FROM (
    SELECT EXTRACT(EPOCH FROM (resolved_at - requested_at)) / 3600.0 AS hours
      FROM oms_return_case
     WHERE deleted_at IS NULL AND status = 'resolved' AND resolved_at IS NOT NULL
       AND resolved_at >= ? AND resolved_at <= ?
  ) resolved`
