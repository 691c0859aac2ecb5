import {
  beginReceiveReturnWorkflow,
  beginReturnOrderWorkflow,
  confirmReturnReceiveWorkflow,
  confirmReturnRequestWorkflow,
  createReturnShippingMethodWorkflow,
  dismissItemReturnRequestWorkflow,
  receiveItemReturnRequestWorkflow,
  requestItemReturnWorkflow,
} from "@medusajs/core-flows"
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Grade, Resolution, ReturnTerms } from "../../src/lib/returns/types"
import { RETURNS_MODULE, ReturnsModuleService } from "../../src/modules/returns"
import { DeliveredOrder, ReturnSetup } from "./returns"

/**
 * An inspected return case as B's request and C's inspection would leave it, made with
 * Medusa's own return workflows (request, then receive: good units received and restocked,
 * damaged ones dismissed) plus the case, its lines and inspection rows through the returns
 * module's CRUD. The resolution tests start from here.
 */
export type InspectedCaseInput = {
  api: any
  admin: { headers: Record<string, string> }
  order: DeliveredOrder
  setup: ReturnSetup
  /** The return location's key in setup.return_options (the order's warehouse). */
  location_key: string
  resolution: Resolution
  /** sku -> grades of the returned units, e.g. { "TEE-L": ["new", "new", "damaged"] } */
  units: Record<string, Grade[]>
  terms?: Partial<ReturnTerms>
  customer_id?: string | null
  email?: string
  /** Exchange: the new items asked for. */
  exchange_items?: { variant_id: string; quantity: number }[]
}

export const DEFAULT_TERMS: ReturnTerms = {
  restocking_fee_percent: 0,
  shipping: { mode: "free" },
  refund_damaged: false,
  resolutions: ["refund", "store_credit", "exchange"],
  label_amount: null,
}

const RESTOCKED: Grade[] = ["new", "opened"]

export async function inspectedCase(container: MedusaContainer, input: InspectedCaseInput) {
  const service = container.resolve<ReturnsModuleService>(RETURNS_MODULE)
  // The demo store sells without tax or discounts, so a unit refunds its unit price (B's
  // request freezes line total / quantity; the same number here).
  const fields = "id,display_id,currency_code,customer_id,email,*items"
  const order: any = (await input.api.get(`/admin/orders/${input.order.order_id}?fields=${fields}`, input.admin)).data.order
  const itemOf = (sku: string) => order.items.find((i: any) => i.variant_sku === sku)

  const { result: change } = await beginReturnOrderWorkflow(container).run({
    input: { order_id: order.id, location_id: input.order.location_id },
  })
  const ret = { id: (change as any).return_id as string }
  const skus = Object.keys(input.units)
  await requestItemReturnWorkflow(container).run({
    input: {
      return_id: ret.id,
      items: skus.map((sku) => ({ id: itemOf(sku).id, quantity: input.units[sku].length, reason_id: input.setup.reasons.changed_mind })),
    },
  })
  await createReturnShippingMethodWorkflow(container).run({
    input: { return_id: ret.id, shipping_option_id: input.setup.return_options[input.location_key] },
  })
  await confirmReturnRequestWorkflow(container).run({ input: { return_id: ret.id } })

  await beginReceiveReturnWorkflow(container).run({ input: { return_id: ret.id } })
  const good = skus
    .map((sku) => ({ id: itemOf(sku).id, quantity: input.units[sku].filter((g) => RESTOCKED.includes(g)).length }))
    .filter((i) => i.quantity > 0)
  const bad = skus
    .map((sku) => ({ id: itemOf(sku).id, quantity: input.units[sku].filter((g) => !RESTOCKED.includes(g)).length }))
    .filter((i) => i.quantity > 0)
  if (good.length) await receiveItemReturnRequestWorkflow(container).run({ input: { return_id: ret.id, items: good } })
  if (bad.length) await dismissItemReturnRequestWorkflow(container).run({ input: { return_id: ret.id, items: bad } })
  await confirmReturnReceiveWorkflow(container).run({ input: { return_id: ret.id } })

  const now = new Date()
  const made: any = await service.createReturnCases({
    rma_code: service.newRmaCode(),
    order_id: order.id,
    order_display_id: order.display_id,
    return_id: ret.id,
    customer_id: input.customer_id === undefined ? order.customer_id ?? null : input.customer_id,
    email: input.email ?? order.email,
    currency_code: order.currency_code,
    status: "inspected",
    source: "store",
    method: "drop_off",
    resolution: input.resolution,
    exchange_items: (input.exchange_items ?? null) as any,
    terms: { ...DEFAULT_TERMS, ...(input.terms ?? {}) } as any,
    requested_at: now,
    received_at: now,
    inspected_at: now,
  })
  const unitRefund: Record<string, number> = {}
  for (const sku of skus) {
    const item = itemOf(sku)
    unitRefund[sku] = Number(item.unit_price)
    const [line]: any[] = await service.createReturnLines([
      {
        return_case_id: made.id,
        order_line_item_id: item.id,
        variant_id: item.variant_id,
        sku,
        title: item.title,
        quantity: input.units[sku].length,
        unit_refund: unitRefund[sku],
        reason_id: input.setup.reasons.changed_mind,
        reason_value: "changed_mind",
        destination_location_id: input.order.location_id,
      } as any,
    ])
    const grades = [...new Set(input.units[sku])]
    await service.createReturnInspections(
      grades.map((grade) => ({
        return_case_id: made.id,
        return_line_id: line.id,
        grade,
        quantity: input.units[sku].filter((g) => g === grade).length,
        disposition: RESTOCKED.includes(grade) ? "restock" : "write_off",
        location_id: RESTOCKED.includes(grade) ? input.order.location_id : null,
      })) as any
    )
  }
  return { case_id: made.id as string, rma_code: made.rma_code as string, return_id: ret.id as string, unit_refund: unitRefund }
}

/** The order's money as Medusa reports it: summary, payments with refunds, credit lines. */
export async function orderBooks(container: MedusaContainer, orderId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "total",
      "summary.*",
      "credit_lines.*",
      "payment_collections.payments.id",
      "payment_collections.payments.amount",
      "payment_collections.payments.refunds.id",
      "payment_collections.payments.refunds.amount",
      "payment_collections.payments.refunds.note",
    ],
    filters: { id: orderId },
  })
  const order: any = data[0]
  const payments = (order.payment_collections ?? []).flatMap((c: any) => c.payments ?? [])
  return {
    total: Number(order.total),
    pending_difference: Number(order.summary?.pending_difference ?? 0),
    refunds: payments.flatMap((p: any) => (p.refunds ?? []).map((r: any) => ({ id: r.id, payment_id: p.id, amount: Number(r.amount), note: r.note }))),
    credit_lines: (order.credit_lines ?? []).map((l: any) => ({ amount: Number(l.amount), reference: l.reference, reference_id: l.reference_id })),
    payments: payments.map((p: any) => ({ id: p.id, amount: Number(p.amount) })),
  }
}

/** Waits until the case's resolution left `pending` (the subscriber runs after the event). */
export async function waitForResolution(container: MedusaContainer, caseId: string, timeoutMs = 30_000) {
  const service = container.resolve<ReturnsModuleService>(RETURNS_MODULE)
  const until = Date.now() + timeoutMs
  for (;;) {
    const row: any = await service.retrieveReturnCase(caseId)
    if (row.resolution_status === "done" || row.resolution_status === "failed") return row
    if (Date.now() > until) throw new Error(`case ${caseId} still ${row.resolution_status} after ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 100))
  }
}
