import { model } from "@medusajs/framework/utils"

/**
 * An order packed from a wave: the Medusa fulfillment it created and the parcel it went in.
 * One per wave and order; checked under the order lock before packing, so asking twice
 * returns the first pack instead of creating a second fulfillment.
 */
export const Pack = model
  .define("oms_pack", {
    id: model.id({ prefix: "opack" }).primaryKey(),
    wave_id: model.text(),
    order_id: model.text(),
    status: model.enum(["packed"]).default("packed"),
    fulfillment_id: model.text().nullable(),
    /** { weight, length, width, height } as packed (filled from the variants, editable). */
    parcel: model.json().nullable(),
    /** [{ line_item_id, quantity }] that went into the parcel. */
    items: model.json().nullable(),
    packed_by: model.text().nullable(),
  })
  .indexes([
    // The dashboard's facts refresh finds changed orders by updated_at, soft-deleted rows too (src/modules/metrics).
    { name: "IDX_oms_pack_updated_at", on: ["updated_at"], where: null },
    { on: ["wave_id", "order_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["order_id"], where: "deleted_at IS NULL" },
  ])
