/** Query keys of documents, settings and messages, under the OMS root. */
export const documentsQueryKeys = {
  all: ["oms", "documents"] as const,
  list: (filters: Record<string, string | number | undefined>) => [...documentsQueryKeys.all, "list", filters] as const,
  settings: () => [...documentsQueryKeys.all, "settings"] as const,
  templates: () => [...documentsQueryKeys.all, "templates"] as const,
  preview: (kind: string, locale: string, subject: string, body: string) => [...documentsQueryKeys.all, "preview", kind, locale, subject, body] as const,
}
