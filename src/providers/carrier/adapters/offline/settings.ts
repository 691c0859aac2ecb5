import { z } from "zod"
import { CarrierError } from "../../../../lib/shipping/errors"
import { zones, type Zone } from "../../../../lib/shipping/regions"

/**
 * The offline carrier's price list and rules, stored as the carrier account's `settings`.
 * Every field has a default, so `{}` is a working account. Prices are per parcel, by zone and
 * weight band, in `currency_code` (the same numbers whatever the currency: it is a simulation).
 */
export type OfflineService = {
  code: string
  name: string
  /** Promised transit days per zone. */
  days: Record<Zone, number>
  /** Price of one parcel per zone, one entry per weight band. */
  prices: Record<Zone, number[]>
}

export type OfflineSettings = {
  /** Which in-memory purchase book this account uses; accounts with the same id share one. */
  account_id: string
  currency_code: string
  /** Upper bounds of the weight bands in kilograms, inclusive, ascending; heavier parcels are refused. */
  weight_bands_kg: number[]
  services: OfflineService[]
  /** A label can be voided this many hours after purchase (and only before the parcel moves). */
  void_window_hours: number
  /** Where a person follows a parcel; `{tracking_number}` is replaced. */
  tracking_url: string
}

const defaultBands = [0.5, 1, 2, 5, 10, 20, 30]
const zoneFactor: Record<Zone, number> = { domestic: 1, continental: 1.8, world: 3.2 }
const band = (domestic: number[], zone: Zone) => domestic.map((p) => Math.round(p * zoneFactor[zone] * 100) / 100)
const service = (code: string, name: string, days: [number, number, number], domestic: number[]): OfflineService => ({
  code,
  name,
  days: { domestic: days[0], continental: days[1], world: days[2] },
  prices: { domestic, continental: band(domestic, "continental"), world: band(domestic, "world") },
})

export const defaultOfflineServices: OfflineService[] = [
  service("offline_economy", "Offline Economy", [3, 5, 10], [3.9, 4.5, 5.5, 7.5, 9.9, 14.9, 19.9]),
  service("offline_standard", "Offline Standard", [2, 3, 7], [4.9, 5.7, 6.9, 9.4, 12.4, 18.6, 24.9]),
  service("offline_express", "Offline Express", [1, 2, 4], [8.9, 10.3, 12.5, 17, 22.4, 33.6, 44.9]),
]

const perZone = <T extends z.ZodType>(schema: T) => z.strictObject({ domestic: schema, continental: schema, world: schema })

const serviceSchema = z.strictObject({
  code: z.string().trim().min(1),
  name: z.string().trim().min(1),
  days: perZone(z.number().int().nonnegative()),
  prices: perZone(z.array(z.number().finite().nonnegative()).min(1)),
})

export const offlineSettingsSchema = z
  .strictObject({
    account_id: z.string().trim().min(1).default("default"),
    currency_code: z.string().trim().length(3).transform((c) => c.toUpperCase()).default("EUR"),
    weight_bands_kg: z
      .array(z.number().finite().positive())
      .min(1)
      .refine((b) => b.every((w, i) => i === 0 || w > b[i - 1]), "weight bands must ascend")
      .default(defaultBands),
    services: z
      .array(serviceSchema)
      .min(1)
      .refine((s) => new Set(s.map((x) => x.code)).size === s.length, "service codes must be unique")
      .default(defaultOfflineServices),
    void_window_hours: z.number().finite().nonnegative().default(24),
    tracking_url: z.string().trim().min(1).default("https://track.offline.invalid/{tracking_number}"),
  })
  .superRefine((s, ctx) => {
    s.services.forEach((svc, i) => {
      for (const zone of zones) {
        if (svc.prices[zone].length !== s.weight_bands_kg.length) {
          ctx.addIssue({
            code: "custom",
            path: ["services", i, "prices", zone],
            message: `needs one price per weight band (${s.weight_bands_kg.length}), has ${svc.prices[zone].length}`,
          })
        }
      }
    })
  })

/** The account's settings with defaults filled in; a malformed field is named in the error. */
export function parseOfflineSettings(settings: Record<string, unknown> | undefined): OfflineSettings {
  const parsed = offlineSettingsSchema.safeParse(settings ?? {})
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  const field = issue.path.join(".") || "settings"
  throw CarrierError.of("offline", "invalid_request", `Offline carrier settings: ${field} ${issue.message}.`)
}
