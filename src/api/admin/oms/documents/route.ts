import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { DOCUMENTS_MODULE } from "../../../../modules/documents"
import type DocumentsModuleService from "../../../../modules/documents/service"
import type { DocumentRow } from "../../../../modules/documents/types"
import type { AdminDocumentsResponse } from "../../../../types/documents"
import { DOCUMENT_LIST_FIELDS, documentView } from "../../../utils/documents"
import type { AdminListDocumentsQueryType } from "./validators"

/** GET /admin/oms/documents: invoices and credit notes, newest first. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminDocumentsResponse>) => {
  const q = req.validatedQuery as unknown as AdminListDocumentsQueryType
  const filters: Record<string, unknown> = {}
  if (q.kind) filters.kind = q.kind
  if (q.order_id) filters.order_id = q.order_id
  if (q.q) filters.number = { $ilike: `%${q.q.replace(/[%_]/g, "")}%` }
  if (q.issued_from || q.issued_to) {
    filters.issued_at = { ...(q.issued_from ? { $gte: q.issued_from } : {}), ...(q.issued_to ? { $lte: q.issued_to } : {}) }
  }
  const [rows, count] = await req.scope
    .resolve<DocumentsModuleService>(DOCUMENTS_MODULE)
    .listAndCountDocuments(filters, { select: DOCUMENT_LIST_FIELDS, order: { issued_at: "DESC", number: "DESC" }, take: q.limit, skip: q.offset })
  res.json({
    documents: (rows as unknown as DocumentRow[]).map((r) => documentView(r, { content: false })),
    count,
    limit: q.limit,
    offset: q.offset,
  })
}
