import { model } from "@medusajs/framework/utils"

/**
 * A store's paperwork settings (one row per store): the seller printed on every invoice, the
 * number formats, when an invoice is issued, the customers' default locale and the messages
 * the store turned off.
 */
export const DocumentSettings = model
  .define("oms_document_settings", {
    id: model.id({ prefix: "odset" }).primaryKey(),
    store_id: model.text(),
    /** SellerDetails: name, address_lines, vat_id, email, bank. */
    seller: model.json(),
    invoice_format: model.text().default("INV-{YYYY}-{SEQ:5}"),
    credit_note_format: model.text().default("CN-{YYYY}-{SEQ:5}"),
    invoice_trigger: model.enum(["capture", "fulfillment"]).default("capture"),
    default_locale: model.text().default("en"),
    paper: model.enum(["a4", "letter"]).default("a4"),
    /** Where customers' links point (return slips), e.g. "https://shop.example"; null = relative links. */
    public_url: model.text().nullable(),
    /** MessageKind[] the store does not send. */
    disabled_messages: model.json(),
  })
  .indexes([{ name: "IDX_oms_document_settings_store", on: ["store_id"], unique: true, where: "deleted_at IS NULL" }])
