import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { DOCUMENTS_MODULE } from "../../../../../modules/documents"
import type DocumentsModuleService from "../../../../../modules/documents/service"
import type { AdminIssueInvoiceResponse } from "../../../../../types/documents"
import { issueInvoiceWorkflow } from "../../../../../workflows/documents/workflows/issue-invoice"
import { documentView } from "../../../../utils/documents"
import type { AdminIssueInvoiceType } from "../validators"

/** POST /admin/oms/documents/invoices { order_id }: the order's invoice, issued now if it has none. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminIssueInvoiceType>, res: MedusaResponse<AdminIssueInvoiceResponse>) => {
  const { result } = await issueInvoiceWorkflow(req.scope).run({ input: { order_id: req.validatedBody.order_id } })
  const row = await req.scope.resolve<DocumentsModuleService>(DOCUMENTS_MODULE).retrieveDocument(result.document!.id)
  res.status(result.issued ? 201 : 200).json({ document: documentView(row as never, { content: true }), issued: result.issued })
}
