import { model } from "@medusajs/framework/utils"

/**
 * The label ledger: one row per parcel purchase attempt, written BEFORE the carrier is called.
 *
 * `idempotency_key` names the purchase (src/lib/shipping/label-key.ts: the pack, or the order
 * and what ships, never the fulfillment id alone, which Medusa deletes when a provider throws).
 * A partial unique index allows one live row (pending, unknown, purchased) per key, so two
 * callers racing for the same purchase meet at the database. `reference` is what the carrier
 * sees for this attempt (its lookup key); a definitively failed attempt is followed by a new
 * row with the next `attempt`.
 *
 * pending -> purchased | failed | unknown;  unknown -> purchased (found by lookup) | failed
 * (the carrier has none);  purchased -> void_pending -> voided, or purchased -> voided.
 */
export const Label = model
  .define("oms_label", {
    id: model.id({ prefix: "olabel" }).primaryKey(),
    idempotency_key: model.text(),
    attempt: model.number().default(1),
    reference: model.text(),
    kind: model.enum(["outbound", "return"]).default("outbound"),
    status: model.enum(["pending", "purchased", "failed", "unknown", "void_pending", "voided"]).default("pending"),
    order_id: model.text().nullable(),
    /** The Medusa fulfillment the label belongs to; re-pointed when a retry reuses the label. */
    fulfillment_id: model.text().nullable(),
    location_id: model.text().nullable(),
    carrier_account_id: model.text(),
    carrier: model.text(),
    service_code: model.text().nullable(),
    /** The ShipmentRequest as sent (addresses, parcels, customs), for lookup and return labels. */
    request: model.json(),
    /** The Rate bought, when one was chosen. */
    rate: model.json().nullable(),
    /** Why this rate: the rate-shopping sentence, or the service the option names. */
    rate_decision: model.text().nullable(),
    format: model.enum(["pdf", "zpl"]).default("pdf"),
    /** "4x6" | "a4" | "letter" (text: "4x6" cannot be a GraphQL enum value, which Medusa derives from enums). */
    size: model.text().default("4x6"),
    carrier_label_id: model.text().nullable(),
    carrier_shipment_id: model.text().nullable(),
    /** ParcelLabel[]: tracking number, tracking URL and the label file (base64) per parcel. */
    parcels: model.json().nullable(),
    tracking_numbers: model.array().default([]),
    amount: model.float().nullable(),
    currency_code: model.text().nullable(),
    /** What the adapter keeps for later calls (refund ids, rate ids). */
    carrier_data: model.json().nullable(),
    /** The CarrierFailure of the last failed call (plain data), and its sentence. */
    failure: model.json().nullable(),
    failure_message: model.text().nullable(),
    void_message: model.text().nullable(),
    purchased_at: model.dateTime().nullable(),
    voided_at: model.dateTime().nullable(),
    created_by: model.text().nullable(),
  })
  .indexes([
    // The dashboard's facts refresh finds changed orders by updated_at, soft-deleted rows too (src/modules/metrics).
    { name: "IDX_oms_label_updated_at", on: ["updated_at"], where: null },
    {
      name: "IDX_oms_label_one_live_per_key",
      on: ["idempotency_key"],
      unique: true,
      where: "status IN ('pending', 'unknown', 'purchased') AND deleted_at IS NULL",
    },
    { on: ["reference"], unique: true, where: "deleted_at IS NULL" },
    { on: ["order_id"], where: "deleted_at IS NULL" },
    { on: ["fulfillment_id"], where: "deleted_at IS NULL" },
    { on: ["status"], where: "deleted_at IS NULL" },
    // The dashboard's label cost reads the outbound labels bought in a range (bench:metrics).
    {
      name: "IDX_oms_label_purchased_outbound",
      on: ["purchased_at"],
      where: "kind = 'outbound' AND status = 'purchased' AND deleted_at IS NULL",
    },
  ])
