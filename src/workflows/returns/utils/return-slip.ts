import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { ReturnSlip } from "../../../lib/documents"
import { caseView } from "./case-view"

/**
 * The slip's content for a case: its RMA, the order number, the lines with their reason
 * labels, and the location the parcel goes to (Medusa's return location, else the first line's
 * destination) with its address. Two reads: the return reasons and the stock location.
 */
export async function returnSlipOf(container: MedusaContainer, row: any): Promise<ReturnSlip> {
  const view = caseView(row)
  const orderModule = container.resolve(Modules.ORDER)
  const locations = container.resolve(Modules.STOCK_LOCATION)
  let locationId = view.lines.find((l) => l.destination_location_id)?.destination_location_id ?? null
  if (view.return_id) {
    const medusaReturn = await orderModule.retrieveReturn(view.return_id, { select: ["id", "location_id"] }).catch(() => null)
    locationId = medusaReturn?.location_id ?? locationId
  }
  const reasonIds = [...new Set(view.lines.map((l) => l.reason_id).filter(Boolean))] as string[]
  const [reasons, location] = await Promise.all([
    reasonIds.length ? orderModule.listReturnReasons({ id: reasonIds }, { select: ["id", "label"] }) : Promise.resolve([]),
    locationId ? locations.retrieveStockLocation(locationId, { relations: ["address"] }).catch(() => null) : Promise.resolve(null),
  ])
  const label = new Map((reasons as any[]).map((r) => [r.id, r.label as string]))
  return {
    rma_code: view.rma_code,
    order_display_id: view.order_display_id,
    method: view.method,
    destination: { name: location?.name ?? "The store", address: (location?.address as any) ?? null },
    tracking_number: view.tracking_number,
    lines: view.lines.map((l) => ({
      title: l.title,
      sku: l.sku,
      quantity: l.quantity,
      reason: (l.reason_id && label.get(l.reason_id)) || l.reason_value,
    })),
    generated_at: new Date().toISOString(),
  }
}
