import { z } from "@medusajs/framework/zod"
import { MESSAGE_KINDS } from "../../../../lib/documents/messages/events"
import { numberFormatProblems } from "../../../../lib/documents/invoice/numbering"

const numberFormat = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    for (const problem of numberFormatProblems(value)) ctx.addIssue({ code: "custom", message: problem })
  })

/** POST /admin/oms/document-settings: any of the settings; the rest stay as they are. */
export const AdminUpdateDocumentSettings = z
  .object({
    seller: z
      .object({
        name: z.string().trim().min(1).max(200),
        address_lines: z.array(z.string().trim().min(1).max(200)).max(8),
        vat_id: z.string().trim().max(40).nullable().optional(),
        email: z.string().trim().email().max(200).nullable().optional(),
        bank: z.string().trim().max(300).nullable().optional(),
      })
      .strict()
      .optional(),
    invoice_format: numberFormat.optional(),
    credit_note_format: numberFormat.optional(),
    invoice_trigger: z.enum(["capture", "fulfillment"]).optional(),
    default_locale: z.string().trim().regex(/^[a-z]{2}(-[A-Z]{2})?$/, "must be a language such as en or pl-PL").optional(),
    paper: z.enum(["a4", "letter"]).optional(),
    public_url: z.string().url().max(300).nullable().optional(),
    disabled_messages: z.array(z.enum(MESSAGE_KINDS)).optional(),
  })
  .strict()
export type AdminUpdateDocumentSettingsType = z.infer<typeof AdminUpdateDocumentSettings>
