import { model } from "@medusajs/framework/utils"
import { carrierCodes } from "../../../lib/shipping/contract"

/**
 * One set of credentials at one carrier (EasyPost, Shippo, ShipStation, Sendcloud or the
 * offline carrier). Secrets and the webhook secret are stored sealed (AES-256-GCM under the
 * plugin's shipping.secrets_key, src/lib/shipping/secrets.ts); only their names are readable,
 * so the API can say which are set without ever returning one.
 */
export const CarrierAccount = model
  .define("oms_carrier_account", {
    id: model.id({ prefix: "ocacc" }).primaryKey(),
    carrier: model.enum([...carrierCodes]),
    name: model.text(),
    /** Sandbox, production or a local fake; null = the carrier's production URL. */
    base_url: model.text().nullable(),
    /** Non-secret settings the adapter reads (ShipStation carrier_id, Sendcloud contract, offline zones). */
    settings: model.json().default({}),
    /** [{ code, name }]: the services offered as Medusa fulfillment options (besides "rate shop"). */
    services: model.json().default([] as unknown as Record<string, unknown>),
    /** Sealed JSON of { name: value }; never returned. */
    secrets_sealed: model.text().nullable(),
    /** Names of the secrets set, e.g. ["api_key"]. */
    secret_names: model.array().default([]),
    webhook_secret_sealed: model.text().nullable(),
    active: model.boolean().default(true),
  })
  .indexes([{ on: ["carrier"], where: "deleted_at IS NULL" }])
