import { sdk } from "../../lib/sdk"

/**
 * Opens a file the admin API serves (a label PDF, ZPL text, a wave's merged labels) in a new
 * tab to print. The tab is opened before the request, while the click still counts as the
 * person's (a tab opened after an await is blocked as a popup); the file comes through the SDK
 * with the admin's session, and a failed request closes the tab and throws with the server's
 * message.
 */
export const openAdminFile = async (path: string, query: Record<string, string> = {}) => {
  const tab = window.open("", "_blank")
  try {
    const response = await sdk.client.fetch<Response>(path, { query, headers: { accept: "application/pdf, application/zpl, */*" } })
    const url = URL.createObjectURL(await response.blob())
    if (tab) tab.location.href = url
    else window.location.assign(url)
    // The tab keeps the file once loaded; the object URL can go after a while.
    setTimeout(() => URL.revokeObjectURL(url), 60_000)
  } catch (error) {
    tab?.close()
    throw error
  }
}

/** A label's `file_url` ("/admin/oms/labels/:id/file?parcel=0"), opened to print. */
export const openLabelFile = (fileUrl: string) => {
  const [path, search = ""] = fileUrl.split("?")
  return openAdminFile(path, Object.fromEntries(new URLSearchParams(search)))
}
