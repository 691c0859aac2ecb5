import { model } from "@medusajs/framework/utils"

/**
 * The store-credit ledger: signed entries per customer and currency (issue +, spend -,
 * release of a spend that did not complete +). The balance is the sum. `idempotency_key` is
 * unique, so a repeated event or a retried step writes its entry once
 * (`return:<case id>`, `spend:<cart id>`, `release:<cart id>`).
 */
export const StoreCreditEntry = model
  .define("oms_store_credit_entry", {
    id: model.id({ prefix: "oscred" }).primaryKey(),
    customer_id: model.text(),
    currency_code: model.text(),
    amount: model.float(),
    kind: model.enum(["issue", "spend", "release", "adjust"]),
    idempotency_key: model.text(),
    /** What it belongs to: a return case, a cart, an order. */
    reference_type: model.text().nullable(),
    reference_id: model.text().nullable(),
    note: model.text().nullable(),
  })
  .indexes([
    { on: ["idempotency_key"], unique: true, where: "deleted_at IS NULL" },
    { on: ["customer_id", "currency_code"], where: "deleted_at IS NULL" },
  ])
