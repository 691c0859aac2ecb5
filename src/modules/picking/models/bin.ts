import { model } from "@medusajs/framework/utils"

/**
 * Where one inventory item lives at one stock location: its bin code (e.g. "A-03-2-B") and
 * its place on the picker's walk. One live bin per location and item.
 */
export const Bin = model
  .define("oms_bin", {
    id: model.id({ prefix: "obin" }).primaryKey(),
    stock_location_id: model.text(),
    inventory_item_id: model.text(),
    /** Stored upper case and trimmed, as scanners type it. */
    code: model.text(),
    /** Position on the walk (ascending); null when the code does not follow zone-aisle-shelf-slot. */
    walk_sequence: model.number().nullable(),
    /** "code": derived from the code by the walk order; "manual": set by a person, kept on re-import. */
    walk_sequence_source: model.enum(["code", "manual"]).default("code"),
  })
  .indexes([
    { on: ["stock_location_id", "inventory_item_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["stock_location_id", "code"], where: "deleted_at IS NULL" },
  ])
