import { model } from "@medusajs/framework/utils"

/**
 * One order line's units (of one inventory item) that a wave picks at its location.
 * `open` is true while the wave still owns the units (open, picking, picked, not yet packed);
 * the partial unique index makes it impossible for two open waves to hold the same allocation,
 * whatever races the application code loses.
 */
export const WaveLine = model
  .define("oms_wave_line", {
    id: model.id({ prefix: "owline" }).primaryKey(),
    wave_id: model.text(),
    /** The wave's location, copied here so the unique index can name it. */
    stock_location_id: model.text(),
    order_id: model.text(),
    line_item_id: model.text(),
    inventory_item_id: model.text(),
    variant_id: model.text().nullable(),
    sku: model.text().nullable(),
    /** Units to pick; shrinks when a short pick sends units back to routing. */
    quantity: model.number(),
    /** Units when the wave was built. */
    quantity_planned: model.number(),
    picked: model.number().default(0),
    short: model.number().default(0),
    /** 1..n: the tote (or cart slot) the order's units go into. */
    tote: model.number(),
    status: model.enum(["waiting", "picked", "short", "packed", "canceled"]).default("waiting"),
    open: model.boolean().default(true),
  })
  .indexes([
    // The dashboard's facts refresh finds changed orders by updated_at, soft-deleted rows too (src/modules/metrics).
    { name: "IDX_oms_wave_line_updated_at", on: ["updated_at"], where: null },
    {
      name: "IDX_oms_wave_line_one_open_wave",
      on: ["line_item_id", "inventory_item_id", "stock_location_id"],
      unique: true,
      where: "open = true AND deleted_at IS NULL",
    },
    // A wave build reads the lines open waves hold at its location.
    { on: ["stock_location_id"], where: "open = true AND deleted_at IS NULL" },
    { on: ["wave_id"], where: "deleted_at IS NULL" },
    { on: ["order_id"], where: "deleted_at IS NULL" },
  ])
