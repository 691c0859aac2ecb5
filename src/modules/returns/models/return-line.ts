import { model } from "@medusajs/framework/utils"
import { ReturnCase } from "./return-case"

/**
 * One order line (some of its units) in a return: what was asked, why, and where it goes.
 * `destination_location_id` and its sentence come from the destination rule at request time;
 * the inspector may restock elsewhere (recorded on the inspection entry).
 */
export const ReturnLine = model
  .define("oms_return_line", {
    id: model.id({ prefix: "orline" }).primaryKey(),
    order_line_item_id: model.text(),
    variant_id: model.text().nullable(),
    product_id: model.text().nullable(),
    inventory_item_id: model.text().nullable(),
    sku: model.text().nullable(),
    barcode: model.text().nullable(),
    title: model.text(),
    quantity: model.number(),
    /** Refund per unit before fees (discounts and tax included), frozen at request time. */
    unit_refund: model.float(),
    reason_id: model.text().nullable(),
    reason_value: model.text().nullable(),
    note: model.text().nullable(),
    photo_urls: model.array().default([]),
    /** Keep-it: refunded without coming back. */
    keep_it: model.boolean().default(false),
    destination_location_id: model.text().nullable(),
    destination_sentence: model.text().nullable(),
    return_case: model.belongsTo(() => ReturnCase, { mappedBy: "lines" }),
  })
  .indexes([
    // The dashboard's facts refresh finds changed orders by updated_at, soft-deleted rows too (src/modules/metrics).
    { name: "IDX_oms_return_line_updated_at", on: ["updated_at"], where: null },
    { on: ["order_line_item_id"], where: "deleted_at IS NULL" }])
