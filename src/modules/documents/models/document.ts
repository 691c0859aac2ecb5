import { model } from "@medusajs/framework/utils"

/**
 * An issued invoice or credit note. Written once, in the same transaction that takes its number
 * from the sequence, with the PDF's bytes (base64) and their sha-256, so a download years later
 * is the same file. `source_key` names what it answers (`invoice:<order>`, `refund:<refund>`,
 * `return:<case>`): unique, so a repeated event finds the document instead of numbering another.
 */
export const Document = model
  .define("oms_document", {
    id: model.id({ prefix: "odoc" }).primaryKey(),
    kind: model.enum(["invoice", "credit_note"]),
    number: model.text(),
    store_id: model.text(),
    year: model.number(),
    sequence: model.number(),
    source_key: model.text(),
    order_id: model.text(),
    order_display_id: model.number().nullable(),
    customer_id: model.text().nullable(),
    /** A credit note's invoice (a document id). */
    invoice_id: model.text().nullable(),
    refund_id: model.text().nullable(),
    return_id: model.text().nullable(),
    return_case_id: model.text().nullable(),
    locale: model.text().default("en"),
    currency_code: model.text(),
    total: model.float(),
    tax_total: model.float(),
    /** The FinancialDocument the PDF was rendered from (src/lib/documents/invoice/document.ts). */
    content: model.json(),
    file_base64: model.text(),
    file_sha256: model.text(),
    file_size: model.number(),
    issued_at: model.dateTime(),
  })
  .indexes([
    { name: "IDX_oms_document_kind_number", on: ["kind", "number"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_oms_document_source_key", on: ["source_key"], unique: true, where: "deleted_at IS NULL" },
    { on: ["order_id"], where: "deleted_at IS NULL" },
  ])
