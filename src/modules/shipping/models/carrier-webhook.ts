import { model } from "@medusajs/framework/utils"

/**
 * One verified webhook delivery from a carrier, kept so a repeated delivery of the same event
 * (carriers deliver at least once) is recognised by its key and does nothing. Written by the
 * hook route before it answers; the tracking updates it carries are processed after, by the
 * oms.carrier.webhook_received subscriber, so the carrier gets its answer fast.
 */
export const CarrierWebhook = model
  .define("oms_carrier_webhook", {
    id: model.id({ prefix: "ocwh" }).primaryKey(),
    carrier: model.text(),
    carrier_account_id: model.text(),
    /** The carrier's event id (EasyPost evt_...) or one derived from the body. */
    event_key: model.text(),
    /** TrackingUpdate[] as verified. */
    updates: model.json(),
    processed_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["carrier", "event_key"], unique: true, where: "deleted_at IS NULL" }])
