import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listLocationsWithProfiles } from "./helpers"

/** GET /admin/oms/locations: every stock location with how routing treats it. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const locations = await listLocationsWithProfiles(req.scope)
  res.json({ locations, count: locations.length })
}
