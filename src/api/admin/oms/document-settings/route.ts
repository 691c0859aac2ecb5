import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { formatDocumentNumber } from "../../../../lib/documents/invoice/numbering"
import { DOCUMENTS_MODULE } from "../../../../modules/documents"
import type DocumentsModuleService from "../../../../modules/documents/service"
import type { SettingsRow } from "../../../../modules/documents/types"
import type { AdminDocumentSettingsResponse, DocumentSettingsView } from "../../../../types/documents"
import type { AdminUpdateDocumentSettingsType } from "./validators"

async function storeId(req: AuthenticatedMedusaRequest): Promise<string> {
  const [store] = await req.scope.resolve(Modules.STORE).listStores({}, { take: 1 })
  return store?.id ?? "store"
}

function view(s: SettingsRow): DocumentSettingsView {
  const year = new Date().getUTCFullYear()
  const { id: _id, store_id: _store, ...rest } = s
  return {
    ...rest,
    examples: {
      invoice: formatDocumentNumber(s.invoice_format, { year, sequence: 1 }),
      credit_note: formatDocumentNumber(s.credit_note_format, { year, sequence: 1 }),
    },
  }
}

/** GET /admin/oms/document-settings: seller details, number formats, invoice trigger, messages turned off. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminDocumentSettingsResponse>) => {
  const settings = await req.scope.resolve<DocumentsModuleService>(DOCUMENTS_MODULE).settingsFor(await storeId(req))
  res.json({ settings: view(settings) })
}

/**
 * POST /admin/oms/document-settings. Documents already issued keep their number and content:
 * a new format or seller applies from the next document on.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateDocumentSettingsType>, res: MedusaResponse<AdminDocumentSettingsResponse>) => {
  const documents = req.scope.resolve<DocumentsModuleService>(DOCUMENTS_MODULE)
  const settings = await documents.saveSettings(await storeId(req), req.validatedBody as Partial<SettingsRow>)
  res.json({ settings: view(settings) })
}
