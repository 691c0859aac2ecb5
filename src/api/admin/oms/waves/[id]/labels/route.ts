import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { answeringConflicts } from "../../../../../utils/conflicts"
import { SHIPPING_MODULE, ShippingModuleService } from "../../../../../../modules/shipping"
import type { AdminBuyWaveLabelsResponse } from "../../../../../../types/shipping/wave-labels"
import { buyWaveLabels, waveLabelFile } from "../../../../../../workflows/shipping/utils/wave-labels"
import type { AdminBuyWaveLabelsType, AdminWaveLabelsFileQueryType } from "./validators"

/**
 * POST /admin/oms/waves/:id/labels: labels for the wave's packed orders that have none, a few
 * at a time under the account's shared pace. Asking again buys only what is still missing.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminBuyWaveLabelsType>,
  res: MedusaResponse<AdminBuyWaveLabelsResponse>
) => {
  const body = req.validatedBody
  const shipping = req.scope.resolve<ShippingModuleService>(SHIPPING_MODULE)
  // A body id that names nothing is bad input (400), not a missing path entity (404).
  const [account] = await shipping.listCarrierAccounts({ id: body.carrier_account_id }, { take: 1, select: ["id"] })
  if (!account) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: Field 'carrier_account_id' names no carrier account (got '${body.carrier_account_id}')`)
  }
  const result = await buyWaveLabels(req.scope, { ...body, wave_id: req.params.id, actor: req.auth_context?.actor_id })
  res.json(result)
}

const CONTENT_TYPES = { pdf: "application/pdf", zpl: "application/zpl" } as const

/** GET /admin/oms/waves/:id/labels?format=pdf|zpl&size=4x6|a4|letter: every label of the wave in pick order, one file. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.validatedQuery as AdminWaveLabelsFileQueryType
  await answeringConflicts(res, async () => {
    const { file } = await waveLabelFile(req.scope, req.params.id, query)
    res.setHeader("Content-Type", CONTENT_TYPES[query.format])
    res.setHeader("Content-Disposition", `inline; filename="wave-${req.params.id}-labels.${query.format}"`)
    res.send(file)
  })
}
