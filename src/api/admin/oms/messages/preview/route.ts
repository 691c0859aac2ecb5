import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PLACEHOLDERS, SAMPLE_DATA, templateFor } from "../../../../../lib/documents/messages/defaults"
import { renderTemplate, templateProblems } from "../../../../../lib/documents/messages/render"
import { DOCUMENTS_MODULE } from "../../../../../modules/documents"
import type DocumentsModuleService from "../../../../../modules/documents/service"
import type { AdminMessagePreviewResponse } from "../../../../../types/documents"
import type { AdminPreviewMessageType } from "../validators"

/**
 * POST /admin/oms/messages/preview { kind, locale, subject?, body? }: the text being edited (or
 * the saved one) rendered with sample values, and what is wrong with it. Nothing is sent.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminPreviewMessageType>, res: MedusaResponse<AdminMessagePreviewResponse>) => {
  const { kind, locale, subject, body } = req.validatedBody
  const [saved] = await req.scope.resolve<DocumentsModuleService>(DOCUMENTS_MODULE).listMessageTemplates({ kind, locale }, { take: 1 })
  const base = templateFor(kind, locale, saved ?? null)
  const text = { subject: subject ?? base.subject, body: body ?? base.body }
  res.json({ preview: renderTemplate(text, SAMPLE_DATA), problems: templateProblems(text, PLACEHOLDERS) })
}
