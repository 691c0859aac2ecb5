import { model } from "@medusajs/framework/utils"
import { ReturnLine } from "./return-line"
import { ReturnInspection } from "./return-inspection"

/**
 * One return merchandise authorisation (RMA): the plugin's record beside Medusa's Return.
 *
 * `rma_code` is what the slip's barcode carries and the station scans. `return_id` is Medusa's
 * return (unique: one case per Medusa return). `terms` is the policy's answer frozen at request
 * time (fee %, shipping charge, refund_damaged, resolutions), so a later policy edit does not
 * change what a customer was promised. `resolution_key` is unique: the release of money or
 * goods happens once per case, whoever asks twice.
 *
 * requested -> receiving -> inspected -> resolved;  requested -> canceled.
 */
export const ReturnCase = model
  .define("oms_return_case", {
    id: model.id({ prefix: "orma" }).primaryKey(),
    rma_code: model.text(),
    order_id: model.text(),
    order_display_id: model.number().nullable(),
    /** Medusa's return id; set once Medusa's return is confirmed. */
    return_id: model.text().nullable(),
    customer_id: model.text().nullable(),
    email: model.text().nullable(),
    currency_code: model.text(),
    status: model.enum(["requested", "receiving", "inspected", "resolved", "canceled"]).default("requested"),
    /** Who asked: the storefront (plugin route), Medusa's own /store/returns, or an admin. */
    source: model.enum(["store", "core_route", "admin"]).default("store"),
    method: model.enum(["label", "drop_off", "keep_it"]).default("drop_off"),
    resolution: model.enum(["refund", "store_credit", "exchange"]).default("refund"),
    policy_id: model.text().nullable(),
    /** The policy's terms frozen at request time (ReturnTerms). */
    terms: model.json(),
    /** The return label in the shipping module's ledger (kind "return"), when method = label. */
    label_id: model.text().nullable(),
    tracking_number: model.text().nullable(),
    /** Exchange: the new items asked for ([{ variant_id, quantity }]), and Medusa's exchange once made. */
    exchange_items: model.json().nullable(),
    exchange_id: model.text().nullable(),
    /** What the policy promised at request time (before inspection). */
    expected_refund: model.float().nullable(),
    /** The RefundBreakdown computed after inspection. */
    breakdown: model.json().nullable(),
    /** Exactly-once guard of the resolution: `resolve:<case id>` once it starts. */
    resolution_key: model.text().nullable(),
    resolution_status: model.enum(["none", "pending", "done", "failed"]).default("none"),
    /** What the resolution made: refund ids, the credit entry, the exchange, with amounts. */
    resolution_result: model.json().nullable(),
    resolution_error: model.text().nullable(),
    note: model.text().nullable(),
    requested_at: model.dateTime(),
    received_at: model.dateTime().nullable(),
    inspected_at: model.dateTime().nullable(),
    resolved_at: model.dateTime().nullable(),
    canceled_at: model.dateTime().nullable(),
    cancel_reason: model.text().nullable(),
    created_by: model.text().nullable(),
    lines: model.hasMany(() => ReturnLine, { mappedBy: "return_case" }),
    inspections: model.hasMany(() => ReturnInspection, { mappedBy: "return_case" }),
  })
  .cascades({ delete: ["lines", "inspections"] })
  .indexes([
    // The dashboard's facts refresh finds changed orders by updated_at, soft-deleted rows too (src/modules/metrics).
    { name: "IDX_oms_return_case_updated_at", on: ["updated_at"], where: null },
    { on: ["rma_code"], unique: true, where: "deleted_at IS NULL" },
    { on: ["return_id"], unique: true, where: "return_id IS NOT NULL AND deleted_at IS NULL" },
    { on: ["resolution_key"], unique: true, where: "resolution_key IS NOT NULL AND deleted_at IS NULL" },
    { on: ["order_id"], where: "deleted_at IS NULL" },
    { on: ["status", "requested_at"], where: "deleted_at IS NULL" },
    { on: ["tracking_number"], where: "tracking_number IS NOT NULL AND deleted_at IS NULL" },
    { on: ["customer_id"], where: "customer_id IS NOT NULL AND deleted_at IS NULL" },
  ])
