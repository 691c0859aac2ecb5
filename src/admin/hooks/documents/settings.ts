import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import type { AdminDocumentSettingsResponse, DocumentSettingsView } from "../../../types/documents"
import { documentsQueryKeys } from "./query-keys"

export const useDocumentSettings = () =>
  useQuery({
    queryKey: documentsQueryKeys.settings(),
    queryFn: () => sdk.client.fetch<AdminDocumentSettingsResponse>("/admin/oms/document-settings"),
  })

export type SettingsChanges = Partial<Omit<DocumentSettingsView, "examples">>

export const useSaveDocumentSettings = () => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (changes: SettingsChanges) =>
      sdk.client.fetch<AdminDocumentSettingsResponse>("/admin/oms/document-settings", { method: "POST", body: changes }),
    onSuccess: (data) => {
      client.setQueryData(documentsQueryKeys.settings(), data)
      client.invalidateQueries({ queryKey: documentsQueryKeys.templates() })
    },
  })
}
