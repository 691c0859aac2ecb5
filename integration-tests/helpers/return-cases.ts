import {
  beginReturnOrderWorkflow,
  confirmReturnRequestWorkflow,
  createReturnShippingMethodWorkflow,
  requestItemReturnWorkflow,
} from "@medusajs/core-flows"
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { RETURNS_MODULE } from "../../src/modules/returns"
import type ReturnsModuleService from "../../src/modules/returns/service"
import { DemoStore } from "../../scripts/seed/demo-store"
import { DEMO_LOCATIONS } from "../../scripts/seed/geography"
import type { DeliveredOrder, ReturnSetup } from "./returns"
import { orderLockKey } from "../../src/lib/locks/lock-keys"

/**
 * A requested return as the request part leaves it, made with Medusa's own workflows (begin
 * with the return's location, request items, the "Return to <warehouse>" shipping method,
 * confirm) plus the case and its lines through the returns module's CRUD. For the receiving
 * and resolution tests until the request workflow is in their branch.
 */
export type RequestedCase = { case_id: string; rma_code: string; return_id: string; lines: Record<string, string> }

export async function requestedReturnCase(
  container: MedusaContainer,
  store: DemoStore,
  setup: ReturnSetup,
  order: DeliveredOrder,
  input: {
    /** sku -> units returned */
    items: Record<string, number>
    /** Location key of Medusa's return (and its shipping option); default the one it shipped from. */
    return_to?: string
    /** sku -> location key of the line's destination; default `return_to`. */
    destinations?: Record<string, string>
    keep_it?: string[]
    tracking_number?: string
    email?: string
    requested_at?: Date
  }
): Promise<RequestedCase> {
  const returnTo = input.return_to ?? DEMO_LOCATIONS.find((l) => store.locations[l.key] === order.location_id)!.key
  const location_id = store.locations[returnTo]
  const { result: begun } = await beginReturnOrderWorkflow(container).run({ input: { order_id: order.order_id, location_id } })
  const return_id = (begun as any).return_id
  await requestItemReturnWorkflow(container).run({
    input: {
      return_id,
      items: Object.entries(input.items).map(([sku, quantity]) => ({ id: order.lines[sku], quantity, reason_id: setup.reasons.wrong_size })),
    },
  })
  await createReturnShippingMethodWorkflow(container).run({ input: { return_id, shipping_option_id: setup.return_options[returnTo] } })
  await confirmReturnRequestWorkflow(container).run({ input: { return_id } })

  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id", "email", "currency_code", "customer_id", "items.id", "items.title", "items.unit_price", "items.variant_id", "items.variant_sku", "items.variant_barcode"],
    filters: { id: order.order_id },
  })
  const placed: any = orders[0]
  const service = container.resolve<ReturnsModuleService>(RETURNS_MODULE)
  const rma_code = service.newRmaCode()
  // The core-route recorder (order.return_requested -> a case, under the order lock) may write
  // its own case for this Medusa return: write ours under the same lock, replacing one it wrote.
  return container.resolve(Modules.LOCKING).execute(orderLockKey(order.order_id), async () => {
    const [recorded] = await service.listReturnCases({ return_id }, { select: ["id"], take: 1 })
    if (recorded) await service.deleteReturnCases([recorded.id])
    const made: any = await service.createReturnCases({
      rma_code,
      order_id: order.order_id,
      order_display_id: order.display_id,
      return_id,
      customer_id: placed.customer_id ?? null,
      email: input.email ?? placed.email,
      currency_code: placed.currency_code,
      status: "requested",
      source: "admin",
      method: "drop_off",
      resolution: "refund",
      terms: { restocking_fee_percent: 0, shipping: { mode: "free" }, refund_damaged: false, resolutions: ["refund"], label_amount: null },
      tracking_number: input.tracking_number ?? null,
      requested_at: input.requested_at ?? new Date(),
    })
    const lines: Record<string, string> = {}
    for (const [sku, quantity] of Object.entries(input.items)) {
      const item = placed.items.find((i: any) => i.variant_sku === sku)
      const destination = input.destinations?.[sku] ?? returnTo
      const line: any = await service.createReturnLines({
        return_case_id: made.id,
        order_line_item_id: item.id,
        variant_id: item.variant_id,
        inventory_item_id: store.inventory_items[sku],
        sku,
        barcode: item.variant_barcode ?? null,
        title: item.title,
        quantity,
        unit_refund: Number(item.unit_price),
        reason_value: "wrong_size",
        keep_it: (input.keep_it ?? []).includes(sku),
        destination_location_id: store.locations[destination],
        destination_sentence: `${destination}: chosen by the test`,
      })
      lines[sku] = line.id
    }
    return { case_id: made.id, rma_code, return_id, lines }
  }, { timeout: 60 })
}
