import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { DOCUMENTS_MODULE } from "../../../../../modules/documents"
import type DocumentsModuleService from "../../../../../modules/documents/service"
import type { AdminSentMessagesResponse, SentMessageView } from "../../../../../types/documents"
import type { AdminListSentMessagesQueryType } from "../validators"

/** GET /admin/oms/messages/sent[?order_id]: the messages the plugin sent (or is sending), newest first. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminSentMessagesResponse>) => {
  const q = req.validatedQuery as unknown as AdminListSentMessagesQueryType
  const [rows, count] = await req.scope
    .resolve<DocumentsModuleService>(DOCUMENTS_MODULE)
    .listAndCountSentMessages(q.order_id ? { order_id: q.order_id } : {}, { order: { created_at: "DESC" }, take: q.limit, skip: q.offset })
  res.json({
    messages: rows.map((r) => ({ ...(r as unknown as SentMessageView), created_at: new Date(r.created_at).toISOString() })),
    count,
    limit: q.limit,
    offset: q.offset,
  })
}
