import { model } from "@medusajs/framework/utils"

/**
 * The next number of one kind of document, per store and year. It is only ever moved by
 * `UPDATE ... SET next = next + 1 RETURNING` inside the transaction that writes the document,
 * so the row lock hands each number to one writer, and a writer that fails rolls its number
 * back: no number twice, no gaps.
 */
export const DocumentSequence = model
  .define("oms_document_sequence", {
    id: model.id({ prefix: "odseq" }).primaryKey(),
    store_id: model.text(),
    kind: model.enum(["invoice", "credit_note"]),
    year: model.number(),
    next: model.number().default(1),
  })
  .indexes([{ name: "IDX_oms_document_sequence_scope", on: ["store_id", "kind", "year"], unique: true }])
