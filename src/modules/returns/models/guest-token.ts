import { model } from "@medusajs/framework/utils"

/**
 * A guest's proof of ownership of one order (order number + e-mail matched): only the token's
 * SHA-256 is stored, with its expiry. The store routes accept `x-oms-return-token`.
 */
export const ReturnGuestToken = model
  .define("oms_return_guest_token", {
    id: model.id({ prefix: "orgt" }).primaryKey(),
    token_hash: model.text(),
    order_id: model.text(),
    email: model.text(),
    expires_at: model.dateTime(),
  })
  .indexes([{ on: ["token_hash"], unique: true, where: "deleted_at IS NULL" }])
