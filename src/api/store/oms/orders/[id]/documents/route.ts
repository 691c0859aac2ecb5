import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { DOCUMENTS_MODULE } from "../../../../../../modules/documents"
import type DocumentsModuleService from "../../../../../../modules/documents/service"
import type { DocumentRow } from "../../../../../../modules/documents/types"
import type { StoreOrderDocumentsResponse } from "../../../../../../types/documents"
import { documentView } from "../../../../../utils/documents"
import { customersOrder } from "../../../documents/ownership"

/** GET /store/oms/orders/:id/documents: the signed-in customer's invoice and credit notes for their order. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreOrderDocumentsResponse>) => {
  await customersOrder(req, req.params.id, `Order with id: ${req.params.id} was not found`)
  const rows = await req.scope
    .resolve<DocumentsModuleService>(DOCUMENTS_MODULE)
    .listDocuments({ order_id: req.params.id }, { order: { issued_at: "ASC" } })
  res.json({ documents: (rows as unknown as DocumentRow[]).map((r) => documentView(r, { content: false })) })
}
