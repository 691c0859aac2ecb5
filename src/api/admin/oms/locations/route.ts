import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminPageQueryType } from "../../../utils/paging"
import type { AdminOmsLocationsResponse } from "../../../../types/routing"
import { pageLocationsWithProfiles } from "./helpers"

/** GET /admin/oms/locations: stock locations by name, a page at a time, with how routing treats each. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminOmsLocationsResponse>) => {
  const { limit, offset } = req.validatedQuery as AdminPageQueryType
  const { locations, count } = await pageLocationsWithProfiles(req.scope, { page: { limit, offset } })
  res.json({ locations, count, limit, offset })
}
