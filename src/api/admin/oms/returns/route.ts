import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminReturnsResponse } from "../../../../types/returns"
import { listReturnQueue } from "./helpers"
import { AdminListReturnsQueryType } from "./validators"

/** GET /admin/oms/returns: the queue, oldest request first, with each case's age. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminReturnsResponse>) => {
  const query = req.validatedQuery as AdminListReturnsQueryType
  const { returns, count } = await listReturnQueue(req.scope, query)
  res.json({ returns, count, limit: query.limit, offset: query.offset })
}
