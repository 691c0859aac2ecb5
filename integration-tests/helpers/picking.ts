import { MedusaContainer } from "@medusajs/framework/types"
import { DemoStore } from "../../scripts/seed/demo-store"
import { readPdf } from "../../src/lib/documents/__tests__/read-pdf"
export { expectInOrder } from "../../src/lib/documents/__tests__/read-pdf"
import { placeRoutedOrder as placeOrderTo } from "./orders"

type Admin = { headers: Record<string, string> }

/** A shopper's order to a demo city (Medusa's completion), waited for until routing decided it. */
export const placeRoutedOrder = (
  container: MedusaContainer,
  store: DemoStore,
  city: string,
  items: Record<string, number>,
  shipping?: string
) => placeOrderTo(container, store, city, items, { email: "picking@example.com", shipping })

/** Sets bins through the API: { sku: code } at one location. */
export async function setBins(api: any, admin: Admin, store: DemoStore, location: string, codes: Record<string, string>) {
  for (const [sku, code] of Object.entries(codes)) {
    await api.post(
      "/admin/oms/bins",
      { stock_location_id: store.locations[location], inventory_item_id: store.inventory_items[sku], code },
      admin
    )
  }
}

/** What the API answers, 2xx or not, so a test can assert on refusals. */
export const call = (p: Promise<any>) => p.catch((e: any) => e.response)

/**
 * Walks a started wave stop by stop as a picker with a scanner does: scan the bin (if it has
 * one), scan the item once, confirm the stop's quantity. Returns every scan's response.
 */
export async function scanThrough(api: any, admin: Admin, waveId: string) {
  const answers: any[] = []
  for (;;) {
    const { data } = await api.get(`/admin/oms/waves/${waveId}`, admin)
    const stop = data.wave.scan.current_stop
    if (!stop) return answers
    const scan = (body: Record<string, unknown>) => api.post(`/admin/oms/waves/${waveId}/scan`, body, admin)
    if (stop.bin_code) answers.push((await scan({ type: "bin", code: stop.bin_code })).data)
    answers.push((await scan({ type: "item", code: stop.sku ?? stop.barcode })).data)
    answers.push((await scan({ type: "quantity", quantity: stop.quantity })).data)
  }
}

/** The text of a PDF, read back with the documents tests' extractor (pdf-parse). */
export async function pdfText(buffer: Buffer): Promise<string> {
  return (await readPdf(buffer)).text
}
