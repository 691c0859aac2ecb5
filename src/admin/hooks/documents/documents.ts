import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import type { AdminDocumentsResponse, AdminIssueInvoiceResponse } from "../../../types/documents"
import { documentsQueryKeys } from "./query-keys"

export type DocumentFilters = { kind?: "invoice" | "credit_note"; order_id?: string; q?: string; limit?: number; offset?: number }

/** Invoices and credit notes, newest first, filtered by kind, order and number. */
export const useDocuments = (filters: DocumentFilters, enabled = true) =>
  useQuery({
    queryKey: documentsQueryKeys.list(filters),
    queryFn: () =>
      sdk.client.fetch<AdminDocumentsResponse>("/admin/oms/documents", {
        query: Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== "")),
      }),
    enabled,
  })

/** Issues the order's invoice now (or answers the one it has). */
export const useIssueInvoice = () => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (orderId: string) =>
      sdk.client.fetch<AdminIssueInvoiceResponse>("/admin/oms/documents/invoices", { method: "POST", body: { order_id: orderId } }),
    onSuccess: () => client.invalidateQueries({ queryKey: documentsQueryKeys.all }),
  })
}
