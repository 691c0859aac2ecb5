import { z } from "@medusajs/framework/zod"
import { paging } from "../../../utils/paging"

/** GET /admin/oms/documents: filters by kind, order, number (part of it) and issue date. */
export const AdminListDocumentsQuery = z
  .object({
    kind: z.enum(["invoice", "credit_note"]).optional(),
    order_id: z.string().min(1).optional(),
    q: z.string().trim().min(1).max(60).optional(),
    issued_from: z.coerce.date().optional(),
    issued_to: z.coerce.date().optional(),
    ...paging(),
  })
  .strict()
export type AdminListDocumentsQueryType = z.infer<typeof AdminListDocumentsQuery>

/** POST /admin/oms/documents/invoices: issue an order's invoice now (whatever the trigger setting). */
export const AdminIssueInvoice = z.object({ order_id: z.string().min(1) }).strict()
export type AdminIssueInvoiceType = z.infer<typeof AdminIssueInvoice>
