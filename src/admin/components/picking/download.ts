import { sdk } from "../../lib/sdk"

/** The file name the server chose (Content-Disposition), or `fallback`. */
const fileName = (response: Response, fallback: string): string => {
  const disposition = response.headers.get("content-disposition") ?? ""
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)
  return match ? decodeURIComponent(match[1]) : fallback
}

/**
 * Fetches a document with the admin's session and hands it to the browser as a download. A
 * failed request throws with the server's message (the SDK reads the JSON error), which the
 * caller shows, instead of saving an error page as a PDF.
 */
export const downloadDocument = async (
  path: string,
  fallbackName: string,
  { query, accept = "application/pdf" }: { query?: Record<string, string>; accept?: string } = {}
) => {
  const response = await sdk.client.fetch<Response>(path, { query, headers: { accept } })
  const blob = await response.blob()
  const url = URL.createObjectURL(blob)
  const link = document.createElement("a")
  link.href = url
  link.download = fileName(response, fallbackName)
  document.body.appendChild(link)
  link.click()
  link.remove()
  // Give the browser a moment to start the download before the object URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
