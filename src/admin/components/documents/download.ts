import { sdk } from "../../lib/sdk"

/**
 * Downloads a stored document's PDF with the admin's session and saves it under its number
 * (an object URL clicked as a download link: the browser keeps the very bytes the server sent).
 */
export async function downloadDocument(document: { id: string; number: string }) {
  const response = await sdk.client.fetch<Response>(`/admin/oms/documents/${encodeURIComponent(document.id)}/file`, {
    headers: { accept: "application/pdf" },
  })
  const url = URL.createObjectURL(await response.blob())
  const link = window.document.createElement("a")
  link.href = url
  link.download = `${document.number.replace(/[^\w.-]/g, "_")}.pdf`
  window.document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

export const KIND_LABELS = { invoice: "Invoice", credit_note: "Credit note" } as const

export const money = (amount: number, currency: string) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(amount)
