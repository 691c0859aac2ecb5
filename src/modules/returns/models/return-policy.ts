import { model } from "@medusajs/framework/utils"

/**
 * A return policy per market. `market` is a condition in the shared rules language (null =
 * every market); `definition` is a ReturnPolicyDefinition (src/lib/returns/types.ts), read
 * through its parser. The first active policy by `priority` whose market matches the order wins.
 */
export const ReturnPolicy = model
  .define("oms_return_policy", {
    id: model.id({ prefix: "orpol" }).primaryKey(),
    name: model.text(),
    active: model.boolean().default(true),
    priority: model.number().default(100),
    market: model.json().nullable(),
    definition: model.json(),
  })
  .indexes([{ on: ["active", "priority"], where: "deleted_at IS NULL" }])
