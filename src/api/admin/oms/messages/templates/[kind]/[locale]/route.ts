import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { MESSAGE_KINDS, MESSAGE_LOCALES, type MessageKind } from "../../../../../../../lib/documents/messages/events"
import { PLACEHOLDERS } from "../../../../../../../lib/documents/messages/defaults"
import { templateProblems } from "../../../../../../../lib/documents/messages/render"
import { DOCUMENTS_MODULE } from "../../../../../../../modules/documents"
import type DocumentsModuleService from "../../../../../../../modules/documents/service"
import type { AdminMessageTemplateResponse } from "../../../../../../../types/documents"
import { templateView } from "../../view"
import type { AdminSaveMessageTemplateType } from "../../../validators"

function target(req: AuthenticatedMedusaRequest): { kind: MessageKind; locale: string } {
  const { kind, locale } = req.params
  if (!(MESSAGE_KINDS as readonly string[]).includes(kind)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `There is no message "${kind}"; messages: ${MESSAGE_KINDS.join(", ")}`)
  }
  if (!(MESSAGE_LOCALES as readonly string[]).includes(locale)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Messages have no locale "${locale}"; locales: ${MESSAGE_LOCALES.join(", ")}`)
  }
  return { kind: kind as MessageKind, locale }
}

async function settings(req: AuthenticatedMedusaRequest) {
  const [store] = await req.scope.resolve(Modules.STORE).listStores({}, { take: 1 })
  return req.scope.resolve<DocumentsModuleService>(DOCUMENTS_MODULE).settingsFor(store?.id ?? "store")
}

/** POST /admin/oms/messages/templates/:kind/:locale { subject, body }: the store's own text, checked first. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminSaveMessageTemplateType>, res: MedusaResponse<AdminMessageTemplateResponse>) => {
  const { kind, locale } = target(req)
  const problems = templateProblems(req.validatedBody, PLACEHOLDERS)
  if (problems.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${problems.join("; ")}`)
  const documents = req.scope.resolve<DocumentsModuleService>(DOCUMENTS_MODULE)
  const [existing] = await documents.listMessageTemplates({ kind, locale }, { take: 1 })
  const values = { subject: req.validatedBody.subject, body: req.validatedBody.body, updated_by: req.auth_context?.actor_id ?? null }
  if (existing) await documents.updateMessageTemplates({ id: existing.id, ...values })
  else await documents.createMessageTemplates({ kind, locale, ...values })
  res.json({ template: templateView(kind, locale, values, await settings(req)) })
}

/** DELETE /admin/oms/messages/templates/:kind/:locale: back to the default text. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminMessageTemplateResponse>) => {
  const { kind, locale } = target(req)
  const documents = req.scope.resolve<DocumentsModuleService>(DOCUMENTS_MODULE)
  const [existing] = await documents.listMessageTemplates({ kind, locale }, { take: 1 })
  if (existing) await documents.deleteMessageTemplates(existing.id)
  res.json({ template: templateView(kind, locale, null, await settings(req)) })
}
