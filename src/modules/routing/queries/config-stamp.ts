/**
 * A stamp of everything routing (at checkout and after) reads as configuration for one sales channel: the
 * channel's stock locations (Medusa's link table), the locations and their addresses, routing's
 * location profiles and rule sets. Any insert, update, soft delete or hard delete in those tables
 * changes it (row count, latest updated_at and deleted_at per table), so a copy of the
 * configuration kept with its stamp is used only while it is still exactly what the tables hold.
 * One statement of five index-free aggregates over small tables, instead of reading the
 * configuration (five statements and their object mapping) on every checkout.
 *
 * It reads Medusa's stock-location and link tables by name, as the metrics do: their shape is
 * part of Medusa 2.x's migrations. An http test (checkout.spec.ts) pauses a location's profile
 * and takes a location off the sales channel between two checkouts and expects the next one to
 * plan without it; the tables' columns are the same for the other three.
 */
const part = (table: string, where = "") => `(SELECT COUNT(*) || '/' || COALESCE(MAX(updated_at)::text, '-') || '/' ||
         COALESCE(MAX(deleted_at)::text, '-') FROM ${table}${where})`

export const CONFIG_STAMP_SQL = `
SELECT concat_ws('|',
  ${part("sales_channel_stock_location", " WHERE sales_channel_id = ?")},
  ${part("stock_location")},
  ${part("stock_location_address")},
  ${part("oms_location_profile")},
  ${part("oms_rule_set")}) AS stamp`
