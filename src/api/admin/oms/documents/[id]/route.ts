import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { DOCUMENTS_MODULE } from "../../../../../modules/documents"
import type DocumentsModuleService from "../../../../../modules/documents/service"
import type { AdminDocumentResponse } from "../../../../../types/documents"
import { documentView } from "../../../../utils/documents"

/** GET /admin/oms/documents/:id: one document with what it prints. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminDocumentResponse>) => {
  const row = await req.scope.resolve<DocumentsModuleService>(DOCUMENTS_MODULE).retrieveDocument(req.params.id)
  res.json({ document: documentView(row as never, { content: true }) })
}
