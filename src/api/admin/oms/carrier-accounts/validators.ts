import { z } from "@medusajs/framework/zod"
import { MedusaError } from "@medusajs/framework/utils"
import { carrierCodes } from "../../../../lib/shipping/contract"
import { paging } from "../../../utils/paging"

const service = z.object({ code: z.string().trim().min(1).max(100), name: z.string().trim().min(1).max(200) }).strict()

/**
 * Secrets are checked by hand (checkSecrets), not by zod: the 400 sentences name the field and
 * what is wrong, and zod's would quote the value received.
 */
const fields = {
  name: z.string().trim().min(1).max(200),
  base_url: z.string().url().max(500).nullable().optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
  services: z.array(service).max(100).optional(),
  secrets: z.unknown().optional(),
  webhook_secret: z.unknown().optional(),
  active: z.boolean().optional(),
}

/** POST /admin/oms/carrier-accounts */
export const AdminCreateCarrierAccount = z.object({ carrier: z.enum(carrierCodes), ...fields }).strict()

/** POST /admin/oms/carrier-accounts/:id (the carrier cannot change: make a new account). */
export const AdminUpdateCarrierAccount = z
  .object({ ...fields, name: fields.name.optional() })
  .strict()

export const AdminListCarrierAccountsQuery = z
  .object({ carrier: z.enum(carrierCodes).optional(), ...paging() })
  .strict()

export type AdminCreateCarrierAccountType = z.infer<typeof AdminCreateCarrierAccount>
export type AdminUpdateCarrierAccountType = z.infer<typeof AdminUpdateCarrierAccount>
export type AdminListCarrierAccountsQueryType = z.infer<typeof AdminListCarrierAccountsQuery>

/**
 * `secrets`: an object of non-empty strings (or null to clear); `webhook_secret`: a non-empty
 * string or null. The message names the field and never the value.
 */
export function checkSecrets(body: { secrets?: unknown; webhook_secret?: unknown }): {
  secrets?: Record<string, string> | null
  webhook_secret?: string | null
} {
  const refuse = (message: string) => {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${message}`)
  }
  const out: { secrets?: Record<string, string> | null; webhook_secret?: string | null } = {}
  if (body.secrets !== undefined) {
    if (body.secrets === null) out.secrets = null
    else if (typeof body.secrets !== "object" || Array.isArray(body.secrets)) {
      refuse("Field 'secrets' must be an object of names to text values, e.g. { \"api_key\": \"...\" }, or null")
    } else {
      for (const [name, value] of Object.entries(body.secrets as Record<string, unknown>)) {
        if (!/^[a-z][a-z0-9_]{0,63}$/.test(name)) refuse(`Field 'secrets' has a name that is not lower_snake_case (at most 64 characters)`)
        if (typeof value !== "string" || !value.length || value.length > 4000) {
          refuse(`Field 'secrets.${name}' must be non-empty text of at most 4000 characters (the value is not shown)`)
        }
      }
      out.secrets = body.secrets as Record<string, string>
    }
  }
  if (body.webhook_secret !== undefined) {
    if (body.webhook_secret === null) out.webhook_secret = null
    else if (typeof body.webhook_secret !== "string" || !body.webhook_secret.length || body.webhook_secret.length > 4000) {
      refuse("Field 'webhook_secret' must be non-empty text of at most 4000 characters, or null (the value is not shown)")
    } else out.webhook_secret = body.webhook_secret
  }
  return out
}
