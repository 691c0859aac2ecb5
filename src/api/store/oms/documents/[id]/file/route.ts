import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { DOCUMENTS_MODULE } from "../../../../../../modules/documents"
import type DocumentsModuleService from "../../../../../../modules/documents/service"
import type { DocumentRow } from "../../../../../../modules/documents/types"
import { sendDocumentFile } from "../../../../../utils/documents"
import { customersOrder } from "../../ownership"

/** GET /store/oms/documents/:id/file: the PDF of one of the signed-in customer's own documents. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const notFound = `Document with id: ${req.params.id} was not found`
  const [row] = (await req.scope
    .resolve<DocumentsModuleService>(DOCUMENTS_MODULE)
    .listDocuments({ id: req.params.id }, { take: 1 })) as unknown as DocumentRow[]
  if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, notFound)
  await customersOrder(req, row.order_id, notFound)
  sendDocumentFile(res, row, "attachment")
}
