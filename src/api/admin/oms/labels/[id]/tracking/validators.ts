import { z } from "@medusajs/framework/zod"

/** The offline carrier's tracking playback: the next step of the parcel's journey. */
export const AdminPlayTracking = z.object({
  status: z.enum(["in_transit", "out_for_delivery", "delivered"]),
})
export type AdminPlayTrackingType = z.infer<typeof AdminPlayTracking>
