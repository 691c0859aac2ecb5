import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { DOCUMENTS_MODULE } from "../../../../../../modules/documents"
import type DocumentsModuleService from "../../../../../../modules/documents/service"
import { sendDocumentFile } from "../../../../../utils/documents"

/** GET /admin/oms/documents/:id/file: the PDF as it was stored when the document was issued. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const row = await req.scope.resolve<DocumentsModuleService>(DOCUMENTS_MODULE).retrieveDocument(req.params.id)
  sendDocumentFile(res, row as never, (req.query as Record<string, unknown>).download === "1" ? "attachment" : "inline")
}
