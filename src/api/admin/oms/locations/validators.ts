import { z } from "@medusajs/framework/zod"

const countryCode = z
  .string()
  .regex(/^[A-Za-z]{2}$/, { message: "each of markets must be a two-letter ISO 3166-1 country code such as \"US\" or \"NL\"" })
  .transform((code) => code.toUpperCase())

/** Body of POST /admin/oms/locations/:id: any subset of the routing profile. */
export const AdminUpdateLocationProfile = z
  .object({
    active: z.boolean(),
    priority: z.number().int().min(0).max(1000),
    markets: z.array(countryCode).max(250),
    daily_capacity: z.number().int().min(1).max(1_000_000).nullable(),
    safety_stock: z.number().int().min(0).max(1_000_000),
    latitude: z.number().min(-90).max(90).nullable(),
    longitude: z.number().min(-180).max(180).nullable(),
  })
  .partial()
  .strict()
  .refine((body) => (body.latitude === undefined) === (body.longitude === undefined), {
    message: "latitude and longitude must be given together",
    path: ["longitude"],
  })
  .refine((body) => (body.latitude === null) === (body.longitude === null), {
    message: "latitude and longitude must both be numbers or both be null",
    path: ["longitude"],
  })

export type AdminUpdateLocationProfileType = z.infer<typeof AdminUpdateLocationProfile>
