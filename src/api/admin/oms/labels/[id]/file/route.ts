import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { SHIPPING_MODULE } from "../../../../../../modules/shipping"
import type ShippingModuleService from "../../../../../../modules/shipping/service"

const CONTENT_TYPES = { pdf: "application/pdf", zpl: "application/zpl" } as const

/** GET /admin/oms/labels/:id/file?parcel=0: one parcel's label file, as the carrier issued it. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const label = await req.scope.resolve<ShippingModuleService>(SHIPPING_MODULE).retrieveLabelRow(req.params.id)
  const raw = String((req.query as Record<string, unknown>).parcel ?? "0")
  if (!/^\d{1,3}$/.test(raw)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: Field 'parcel' must be a whole number from 0 (got '${raw.slice(0, 20)}')`)
  }
  const parcels = label.parcels ?? []
  const parcel = parcels[Number(raw)]
  if (!parcel) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Label ${label.id} has ${parcels.length} parcel file(s); parcel ${raw} does not exist`)
  }
  if (!parcel.file.content_base64) {
    if (parcel.file.url) return res.redirect(parcel.file.url)
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `The carrier sent no file for parcel ${raw} of label ${label.id}`)
  }
  const format = parcel.file.format
  res.setHeader("Content-Type", CONTENT_TYPES[format] ?? "application/octet-stream")
  res.setHeader("Content-Disposition", `inline; filename="${parcel.tracking_number}.${format}"`)
  res.send(Buffer.from(parcel.file.content_base64, "base64"))
}
