import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updateLocationProfileWorkflow } from "../../../../../workflows/routing/workflows/update-location-profile"
import { listLocationsWithProfiles } from "../helpers"
import { AdminUpdateLocationProfileType } from "../validators"

/** GET /admin/oms/locations/:id */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const [location] = await listLocationsWithProfiles(req.scope, [req.params.id])
  if (!location) {
    res.status(404).json({ type: "not_found", message: `Stock location with id: ${req.params.id} was not found` })
    return
  }
  res.json({ location })
}

/** POST /admin/oms/locations/:id: change the location's routing profile. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateLocationProfileType>,
  res: MedusaResponse
) => {
  await updateLocationProfileWorkflow(req.scope).run({
    input: { stock_location_id: req.params.id, ...req.validatedBody },
  })
  const [location] = await listLocationsWithProfiles(req.scope, [req.params.id])
  res.json({ location })
}
