import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminOmsLocationsResponse } from "../../../../types/routing"
import { listLocationsWithProfiles } from "./helpers"

/** GET /admin/oms/locations: every stock location with how routing treats it. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminOmsLocationsResponse>) => {
  const locations = await listLocationsWithProfiles(req.scope)
  // One page holds every location (a store has tens, not thousands).
  res.json({ locations, count: locations.length, limit: locations.length, offset: 0 })
}
