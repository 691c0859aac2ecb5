import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { renderReturnSlipPdf } from "../../../../../../lib/documents"
import { returnSlipOf } from "../../../../../../workflows/returns/utils/return-slip"
import { ownedCase } from "../../../helpers"

/** GET /store/oms/returns/:id/slip?paper=a4|letter: the return slip PDF with the RMA barcode. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const row = await ownedCase(req, req.params.id)
  const paper = (req.query as Record<string, unknown>).paper === "letter" ? "letter" : "a4"
  const pdf = await renderReturnSlipPdf(await returnSlipOf(req.scope, row), { paper })
  res.setHeader("content-type", "application/pdf")
  res.setHeader("content-disposition", `inline; filename="return-${row.rma_code}.pdf"`)
  res.status(200).send(pdf)
}
