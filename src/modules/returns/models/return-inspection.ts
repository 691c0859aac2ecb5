import { model } from "@medusajs/framework/utils"
import { ReturnCase } from "./return-case"

/**
 * One graded entry of an inspection: a quantity of a return line (or an unexpected item, with
 * no line) with its grade, disposition and, when restocked, the location it went to.
 */
export const ReturnInspection = model
  .define("oms_return_inspection", {
    id: model.id({ prefix: "orinsp" }).primaryKey(),
    return_line_id: model.text().nullable(),
    scanned_code: model.text().nullable(),
    grade: model.enum(["new", "opened", "damaged", "missing", "wrong_item"]),
    quantity: model.number(),
    disposition: model.enum(["restock", "write_off", "refurbish", "return_to_vendor", "none"]),
    location_id: model.text().nullable(),
    note: model.text().nullable(),
    inspected_by: model.text().nullable(),
    return_case: model.belongsTo(() => ReturnCase, { mappedBy: "inspections" }),
  })
  .indexes([{ on: ["grade"], where: "deleted_at IS NULL" }])
