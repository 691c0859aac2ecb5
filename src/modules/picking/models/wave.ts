import { model } from "@medusajs/framework/utils"

/**
 * A batch of orders picked together at one stock location in one walk.
 * open -> picking -> picked -> packed, or canceled (which frees its lines for another wave).
 * The pick list and the scan state are the pure core's JSON (src/lib/picking), stored as is.
 */
export const Wave = model
  .define("oms_wave", {
    id: model.id({ prefix: "owave" }).primaryKey(),
    stock_location_id: model.text(),
    status: model.enum(["open", "picking", "picked", "packed", "canceled"]).default("open"),
    /** The filters the wave was built with (shipping options, cut-off, kind, age, max orders). */
    filters: model.json(),
    /** PickList: stops in walk order with the per-tote breakdown. */
    pick_list: model.json(),
    /** ScanState once picking started; null while open. */
    scan_state: model.json().nullable(),
    created_by: model.text().nullable(),
    order_count: model.number().default(0),
    line_count: model.number().default(0),
    units_total: model.number().default(0),
    units_picked: model.number().default(0),
    units_short: model.number().default(0),
    // Scans refused as the wrong bin or the wrong item while picking (the dashboard's pick
    // accuracy); counted by the scan step, never reset.
    wrong_scans: model.number().default(0),
    packed_orders: model.number().default(0),
    started_at: model.dateTime().nullable(),
    picked_at: model.dateTime().nullable(),
    packed_at: model.dateTime().nullable(),
    canceled_at: model.dateTime().nullable(),
  })
  .indexes([
    // The dashboard's facts refresh finds changed orders by updated_at, soft-deleted rows too (src/modules/metrics).
    { name: "IDX_oms_wave_updated_at", on: ["updated_at"], where: null },
    { on: ["stock_location_id", "status"], where: "deleted_at IS NULL" },
    // Pick accuracy reads the waves whose picking ended in a range (bench:metrics).
    { name: "IDX_oms_wave_picked_at", on: ["picked_at"], where: "picked_at IS NOT NULL AND deleted_at IS NULL" },
  ])
