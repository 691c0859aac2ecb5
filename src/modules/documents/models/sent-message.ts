import { model } from "@medusajs/framework/utils"

/**
 * The sent-message ledger: one row per (message, entity, template), claimed BEFORE the
 * notification module is asked to send, under a unique key, so an event that arrives three
 * times sends once. `notification_id` is the notification module's record.
 */
export const SentMessage = model
  .define("oms_sent_message", {
    id: model.id({ prefix: "omsg" }).primaryKey(),
    idempotency_key: model.text(),
    kind: model.text(),
    entity_id: model.text(),
    order_id: model.text(),
    template_key: model.text(),
    locale: model.text(),
    to: model.text(),
    status: model.enum(["sending", "sent", "failed"]).default("sending"),
    notification_id: model.text().nullable(),
    subject: model.text().nullable(),
    error: model.text().nullable(),
  })
  .indexes([
    { name: "IDX_oms_sent_message_key", on: ["idempotency_key"], unique: true, where: "deleted_at IS NULL" },
    { on: ["order_id"], where: "deleted_at IS NULL" },
  ])
