import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { returnEligibility, termsOf } from "../../../lib/returns"
import type { ReturnTerms } from "../../../lib/returns/types"
import { RETURNS_MODULE } from "../../../modules/returns"
import type ReturnsModuleService from "../../../modules/returns/service"
import { loadReturnContext } from "../utils/return-context"
import { expectedRefund } from "../utils/return-plan"

export const recordCoreReturnCaseStepId = "oms-record-core-return-case"

export type RecordCoreReturnInput = { order_id: string; return_id: string }

/** Terms for a return no policy covers: nothing deducted, refund only. */
const NO_POLICY_TERMS: ReturnTerms = {
  restocking_fee_percent: 0,
  shipping: { mode: "free" },
  refund_damaged: false,
  resolutions: ["refund"],
  label_amount: null,
}

/**
 * A return made through Medusa's own routes (POST /store/returns, the admin's return form)
 * becomes a case too (source core_route), so the station can receive it and the resolution
 * pays it. Checks first: a case for this Medusa return (the plugin's own, or a repeated event)
 * means nothing to do; the unique return_id backs that up when two deliveries race.
 * Compensation deletes a case this step wrote.
 */
export const recordCoreReturnCaseStep = createStep(
  recordCoreReturnCaseStepId,
  async (input: RecordCoreReturnInput, { container }) => {
    const returns = container.resolve<ReturnsModuleService>(RETURNS_MODULE)
    const [existing] = await returns.listReturnCases({ return_id: input.return_id }, { select: ["id"], take: 1 })
    if (existing) return new StepResponse({ id: existing.id as string, created: false }, null)

    const orderModule = container.resolve(Modules.ORDER)
    const medusaReturn: any = await orderModule.retrieveReturn(input.return_id, { relations: ["items"] })
    if (medusaReturn.status === "canceled" || !(medusaReturn.items ?? []).length) {
      return new StepResponse({ id: null as string | null, created: false }, null)
    }
    const ctx = await loadReturnContext(container, input.order_id)
    if (!ctx.order) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id ${input.order_id} was not found`)
    const eligibility = returnEligibility(ctx.eligibility_input)
    const policy = ctx.policies.find((p) => p.id === eligibility.policy?.id) ?? null
    const terms = policy ? termsOf(policy, null) : NO_POLICY_TERMS
    const unitRefund = new Map(eligibility.lines.map((l) => [l.line_item_id, l.unit_refund]))
    const location = medusaReturn.location_id ? ctx.locations[medusaReturn.location_id] : undefined
    const lines = (medusaReturn.items as any[]).map((ri) => {
      const facts = ctx.items[ri.item_id]
      return {
        order_line_item_id: ri.item_id,
        variant_id: facts?.variant_id ?? null,
        product_id: facts?.product_id ?? null,
        inventory_item_id: facts?.inventory_item_id ?? null,
        sku: facts?.sku ?? null,
        barcode: facts?.barcode ?? null,
        title: facts?.title ?? ri.item_id,
        quantity: Number(ri.quantity),
        unit_refund: unitRefund.get(ri.item_id) ?? 0,
        reason_id: ri.reason_id ?? null,
        reason_value: ri.reason_id ? ctx.reasons.by_id[ri.reason_id] ?? null : null,
        note: ri.note ?? null,
        photo_urls: [] as string[],
        keep_it: false,
        destination_location_id: medusaReturn.location_id ?? null,
        destination_sentence: location
          ? `${location.name}: the location Medusa's return was made for`
          : "No location: Medusa's return was made without one",
      }
    })

    let row: any
    try {
      row = await returns.createReturnCases({
        rma_code: returns.newRmaCode(),
        order_id: ctx.order.id,
        order_display_id: ctx.order.display_id,
        return_id: input.return_id,
        customer_id: ctx.order.customer_id,
        email: ctx.order.email,
        currency_code: ctx.order.currency_code,
        status: "requested",
        source: "core_route",
        method: "drop_off",
        resolution: "refund",
        policy_id: policy?.id ?? null,
        terms: terms as any,
        expected_refund: expectedRefund(ctx.order.currency_code, lines, terms),
        note: medusaReturn.note ?? null,
        requested_at: medusaReturn.requested_at ?? medusaReturn.created_at ?? new Date(),
      })
    } catch (e) {
      // Another delivery of the same event wrote it first (unique return_id).
      const [raced] = await returns.listReturnCases({ return_id: input.return_id }, { select: ["id"], take: 1 })
      if (raced) return new StepResponse({ id: raced.id as string, created: false }, null)
      throw e
    }
    await returns.createReturnLines(lines.map((l) => ({ ...l, return_case_id: row.id })) as any)
    return new StepResponse({ id: row.id as string, created: true }, row.id as string)
  },
  async (caseId: string | null | undefined, { container }) => {
    if (!caseId) return
    const returns = container.resolve<ReturnsModuleService>(RETURNS_MODULE)
    const lines = await returns.listReturnLines({ return_case: { id: caseId } } as any, { select: ["id"] })
    if (lines.length) await returns.deleteReturnLines(lines.map((l: any) => l.id))
    await returns.deleteReturnCases(caseId)
  }
)
