import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { MESSAGE_KINDS, MESSAGE_LOCALES } from "../../../../../lib/documents/messages/events"
import { PLACEHOLDERS } from "../../../../../lib/documents/messages/defaults"
import { DOCUMENTS_MODULE } from "../../../../../modules/documents"
import type DocumentsModuleService from "../../../../../modules/documents/service"
import type { AdminMessageTemplatesResponse } from "../../../../../types/documents"
import { templateView } from "./view"

/** GET /admin/oms/messages/templates: every message in every locale, the store's text or the default. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminMessageTemplatesResponse>) => {
  const documents = req.scope.resolve<DocumentsModuleService>(DOCUMENTS_MODULE)
  const [store] = await req.scope.resolve(Modules.STORE).listStores({}, { take: 1 })
  const [edited, settings] = await Promise.all([documents.listMessageTemplates({}, { take: 500 }), documents.settingsFor(store?.id ?? "store")])
  const templates = MESSAGE_KINDS.flatMap((kind) =>
    MESSAGE_LOCALES.map((locale) => templateView(kind, locale, edited.find((t) => t.kind === kind && t.locale === locale) ?? null, settings))
  )
  res.json({ templates, locales: [...MESSAGE_LOCALES], placeholders: [...PLACEHOLDERS] })
}
