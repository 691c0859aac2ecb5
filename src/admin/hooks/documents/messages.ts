import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import type { AdminMessagePreviewResponse, AdminMessageTemplateResponse, AdminMessageTemplatesResponse } from "../../../types/documents"
import { documentsQueryKeys } from "./query-keys"

const enc = encodeURIComponent

/** Every message in every locale: the store's text or the default. */
export const useMessageTemplates = () =>
  useQuery({
    queryKey: documentsQueryKeys.templates(),
    queryFn: () => sdk.client.fetch<AdminMessageTemplatesResponse>("/admin/oms/messages/templates"),
  })

/** The text being edited, rendered with sample values (nothing is sent). */
export const useMessagePreview = () =>
  useMutation({
    mutationFn: (input: { kind: string; locale: string; subject: string; body: string }) =>
      sdk.client.fetch<AdminMessagePreviewResponse>("/admin/oms/messages/preview", { method: "POST", body: input }),
  })

export const useSaveMessageTemplate = () => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: { kind: string; locale: string; subject: string; body: string }) =>
      sdk.client.fetch<AdminMessageTemplateResponse>(`/admin/oms/messages/templates/${enc(input.kind)}/${enc(input.locale)}`, {
        method: "POST",
        body: { subject: input.subject, body: input.body },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: documentsQueryKeys.templates() }),
  })
}

export const useResetMessageTemplate = () => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: { kind: string; locale: string }) =>
      sdk.client.fetch<AdminMessageTemplateResponse>(`/admin/oms/messages/templates/${enc(input.kind)}/${enc(input.locale)}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: documentsQueryKeys.templates() }),
  })
}
