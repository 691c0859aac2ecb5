import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { SHIPPING_MODULE } from "../../../../../../modules/shipping"
import type ShippingModuleService from "../../../../../../modules/shipping/service"
import { ownedCase } from "../../../helpers"

const CONTENT_TYPES: Record<string, string> = { pdf: "application/pdf", zpl: "application/zpl" }

/** GET /store/oms/returns/:id/label: the prepaid return label's file, when the case has one. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const row = await ownedCase(req, req.params.id)
  if (!row.label_id) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Return ${row.rma_code} has no return label`)
  const label = await req.scope.resolve<ShippingModuleService>(SHIPPING_MODULE).retrieveLabelRow(row.label_id)
  const parcel = (label.parcels ?? [])[0]
  if (label.status !== "purchased" || !parcel) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Return ${row.rma_code} has no usable return label (${label.status})`)
  }
  if (!parcel.file.content_base64) {
    if (parcel.file.url) return res.redirect(parcel.file.url)
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `The carrier sent no file for the return label of ${row.rma_code}`)
  }
  res.setHeader("content-type", CONTENT_TYPES[parcel.file.format] ?? "application/octet-stream")
  res.setHeader("content-disposition", `inline; filename="return-label-${row.rma_code}.${parcel.file.format}"`)
  res.status(200).send(Buffer.from(parcel.file.content_base64, "base64"))
}
