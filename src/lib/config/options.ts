import { z } from "zod"

/** Parts of a bin code, in the default walk order (zone, then aisle, shelf, slot). */
const WALK_SEGMENTS = ["zone", "aisle", "shelf", "slot"] as const

/**
 * The plugin's options, as a store operator writes them in medusa-config.ts:
 *
 *   plugins: [{ resolve: "medusa-oms", options: { timezone: "Europe/Amsterdam" } }]
 *
 * Unknown keys are refused so a typo ("timezon") stops start-up instead of being ignored.
 */
export const OmsOptionsSchema = z
  .object({
    /** IANA time zone that defines "today" for dashboard counts and daily capacity. */
    timezone: z
      .string()
      .refine(isIanaTimeZone, { message: "must be an IANA time zone such as \"Europe/Amsterdam\" or \"UTC\"" })
      .default("UTC"),
    routing: z
      .object({
        /** Route orders automatically when they are placed. */
        enabled: z.boolean().default(true),
        /**
         * Replace POST /store/carts/:id/complete so orders are reserved where the planner wants
         * them (split across locations when needed) at checkout. False: Medusa's own completion.
         */
        checkout: z.boolean().default(true),
        /**
         * Replace POST /admin/orders/:id/fulfillments so a fulfillment takes only the fulfilling
         * location's reservations and stock (a split line ships one location at a time). False:
         * Medusa's own route, which takes the quantity from every reservation of the line.
         */
        fulfillment: z.boolean().default(true),
      })
      .strict()
      .default({ enabled: true, checkout: true, fulfillment: true }),
    picking: z
      .object({
        /**
         * How bin codes (zone-aisle-shelf-slot, e.g. "A-03-2-B") become a walk sequence: the
         * segments from the most to the least significant, and whether the walk snakes through
         * the aisles (every other aisle walked the other way).
         */
        walk_order: z
          .object({
            segments: z
              .array(z.enum(WALK_SEGMENTS))
              .min(1)
              .refine((s) => new Set(s).size === s.length, { message: "must not repeat a segment" })
              .default([...WALK_SEGMENTS]),
            serpentine: z.boolean().default(true),
          })
          .strict()
          .default({ segments: [...WALK_SEGMENTS], serpentine: true }),
      })
      .strict()
      .default({ walk_order: { segments: [...WALK_SEGMENTS], serpentine: true } }),
    shipping: z
      .object({
        /**
         * Passphrase the carrier accounts' secrets are encrypted under (AES-256-GCM, key derived
         * with scrypt). Keep it out of the code (e.g. OMS_SECRETS_KEY); changing it makes the
         * stored secrets unreadable. Without it, accounts with secrets cannot be saved.
         */
        secrets_key: z.string().min(16, { message: "must be at least 16 characters" }).optional(),
      })
      .strict()
      .default({}),
    returns: z
      .object({
        /**
         * Gate Medusa's own POST /store/returns: refuse `receive_now` and `location_id` from the
         * storefront and require the customer (or a guest token) to own the order. False:
         * Medusa's own route as it is (anyone with an order id may create a return).
         */
        guard_store_route: z.boolean().default(true),
        /** How long a guest's order-number-and-e-mail proof lasts, in minutes. */
        guest_token_minutes: z.number().int().min(1).max(1440).default(30),
      })
      .strict()
      .default({ guard_store_route: true, guest_token_minutes: 30 }),
  })
  .strict()

export type OmsOptionsInput = z.input<typeof OmsOptionsSchema>
export type OmsOptions = z.output<typeof OmsOptionsSchema>

function isIanaTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone })
    return true
  } catch {
    return false
  }
}

/** Options Medusa itself adds to every module's options; they are not ours to validate. */
const MEDUSA_INJECTED = new Set(["database", "providers", "definition", "scope", "resources", "dependencies"])

/**
 * Validates the options and returns them with defaults filled in. The error names each bad
 * option by its path and what is allowed, e.g. `medusa-oms: option "routing.enabled" must be
 * a boolean (got "yes")`.
 */
export function parseOmsOptions(raw: unknown): OmsOptions {
  const input = stripInjected(raw)
  const result = OmsOptionsSchema.safeParse(input)
  if (result.success) return result.data
  const problems = result.error.issues.map((issue) => {
    const where = issue.path.length ? issue.path.join(".") : "(options)"
    if (issue.code === "unrecognized_keys") {
      const keys = (issue as { keys: string[] }).keys
      const prefix = issue.path.length ? `${issue.path.join(".")}.` : ""
      return `unknown option ${keys.map((k) => `"${prefix}${k}"`).join(", ")}; allowed: ${allowedKeys(issue.path).join(", ")}`
    }
    return `option "${where}" ${issue.message}`
  })
  throw new Error(`medusa-oms: invalid plugin options: ${problems.join("; ")}`)
}

function stripInjected(raw: unknown): Record<string, unknown> {
  if (raw === undefined || raw === null) return {}
  if (typeof raw !== "object" || Array.isArray(raw)) return raw as Record<string, unknown>
  return Object.fromEntries(Object.entries(raw).filter(([key]) => !MEDUSA_INJECTED.has(key)))
}

function allowedKeys(path: PropertyKey[]): string[] {
  if (path.length === 0) return Object.keys(OmsOptionsSchema.shape)
  if (path[0] === "routing") return ["enabled", "checkout", "fulfillment"]
  if (path[0] === "picking" && path.length === 1) return ["walk_order"]
  if (path[0] === "picking" && path[1] === "walk_order") return ["segments", "serpentine"]
  if (path[0] === "shipping") return ["secrets_key"]
  if (path[0] === "returns") return ["guard_store_route", "guest_token_minutes"]
  return []
}
