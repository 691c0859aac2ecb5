import { model } from "@medusajs/framework/utils"

/**
 * One step of a parcel's journey (in transit, delivered), from a webhook or a poll. `event_key`
 * dedupes repeated deliveries of the same carrier event.
 */
export const TrackingEvent = model
  .define("oms_tracking_event", {
    id: model.id({ prefix: "otrev" }).primaryKey(),
    label_id: model.text(),
    tracking_number: model.text(),
    status: model.enum(["pre_transit", "in_transit", "out_for_delivery", "delivered", "failure", "returned", "unknown"]),
    occurred_at: model.dateTime(),
    description: model.text().default(""),
    location: model.text().nullable(),
    event_key: model.text(),
  })
  .indexes([
    // The dashboard's facts refresh finds changed orders by updated_at, soft-deleted rows too (src/modules/metrics).
    { name: "IDX_oms_tracking_event_updated_at", on: ["updated_at"], where: null },
    { on: ["event_key"], unique: true, where: "deleted_at IS NULL" },
    { on: ["label_id", "occurred_at"], where: "deleted_at IS NULL" },
    { on: ["tracking_number"], where: "deleted_at IS NULL" },
    // On-time delivery reads the delivered events from a day on, with their label (bench:metrics).
    { name: "IDX_oms_tracking_event_delivered", on: ["occurred_at", "label_id"], where: "status = 'delivered' AND deleted_at IS NULL" },
  ])
