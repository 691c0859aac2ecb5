import { model } from "@medusajs/framework/utils"

/** A store's own text for one message in one locale; without a row the default text is used. */
export const MessageTemplate = model
  .define("oms_message_template", {
    id: model.id({ prefix: "omtpl" }).primaryKey(),
    kind: model.text(),
    locale: model.text(),
    subject: model.text(),
    body: model.text(),
    updated_by: model.text().nullable(),
  })
  .indexes([{ name: "IDX_oms_message_template_kind_locale", on: ["kind", "locale"], unique: true, where: "deleted_at IS NULL" }])
