import { z } from "@medusajs/framework/zod"
import { MESSAGE_KINDS } from "../../../../lib/documents/messages/events"
import { paging } from "../../../utils/paging"

const text = { subject: z.string().trim().min(1).max(300), body: z.string().min(1).max(20_000) }

/** POST /admin/oms/messages/templates/:kind/:locale: the store's own text. */
export const AdminSaveMessageTemplate = z.object(text).strict()
export type AdminSaveMessageTemplateType = z.infer<typeof AdminSaveMessageTemplate>

/** POST /admin/oms/messages/preview: a text (saved or not) rendered with sample values. */
export const AdminPreviewMessage = z
  .object({
    kind: z.enum(MESSAGE_KINDS),
    locale: z.string().trim().regex(/^[a-z]{2}$/, "must be a two-letter language such as en or pl"),
    subject: text.subject.optional(),
    body: text.body.optional(),
  })
  .strict()
export type AdminPreviewMessageType = z.infer<typeof AdminPreviewMessage>

/** GET /admin/oms/messages/sent: the sent-message ledger. */
export const AdminListSentMessagesQuery = z.object({ order_id: z.string().min(1).optional(), ...paging() }).strict()
export type AdminListSentMessagesQueryType = z.infer<typeof AdminListSentMessagesQuery>
