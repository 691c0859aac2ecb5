import { model } from "@medusajs/framework/utils"

/**
 * How routing sees one Medusa stock location: whether it may ship, how it ranks, which
 * markets it serves and how much it may take per day. One profile per stock location;
 * a location without a profile behaves as the defaults below.
 */
export const LocationProfile = model
  .define("oms_location_profile", {
    id: model.id({ prefix: "olp" }).primaryKey(),
    stock_location_id: model.text(),
    /** Paused locations are skipped by routing but keep their stock and orders. */
    active: model.boolean().default(true),
    /** Lower ships first when earlier rules tie (1 before 2); 0 is the default. */
    priority: model.number().default(0),
    /** ISO 3166-1 alpha-2 country codes (upper case); empty means every market. */
    markets: model.array().default([]),
    /** Orders this location may be routed per day; null means no limit. */
    daily_capacity: model.number().nullable(),
    /** Units per item held back from routing (kept for walk-in sales, damages, counts). */
    safety_stock: model.number().default(0),
    /** Overrides the geocoded address when set (degrees, WGS84). */
    latitude: model.float().nullable(),
    longitude: model.float().nullable(),
  })
  .indexes([
    {
      on: ["stock_location_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])
