import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { updateLocationProfileWorkflow } from "../../../../../workflows/routing/workflows/update-location-profile"
import type { AdminOmsLocationResponse } from "../../../../../types/routing"
import { listLocationsWithProfiles } from "../helpers"
import { AdminUpdateLocationProfileType } from "../validators"

/** GET /admin/oms/locations/:id */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminOmsLocationResponse>) => {
  const [location] = await listLocationsWithProfiles(req.scope, [req.params.id])
  if (!location) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Stock location with id: ${req.params.id} was not found`)
  res.json({ location })
}

/** POST /admin/oms/locations/:id: change the location's routing profile. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateLocationProfileType>,
  res: MedusaResponse<AdminOmsLocationResponse>
) => {
  await updateLocationProfileWorkflow(req.scope).run({
    input: { stock_location_id: req.params.id, ...req.validatedBody },
  })
  const [location] = await listLocationsWithProfiles(req.scope, [req.params.id])
  res.json({ location })
}
