import {
  checkReturnRequest,
  chooseDestinations,
  refundBreakdown,
  returnEligibility,
  termsOf,
} from "../../../lib/returns"
import type {
  DestinationChoice,
  OrderEligibility,
  ReturnMethod,
  ReturnRequest,
  ReturnTerms,
} from "../../../lib/returns/types"
import type { ReturnContext, ReturnOrderFacts } from "./return-context"

export type ReturnSource = "store" | "core_route" | "admin"

/** One line of the case about to be written. */
export type PlannedReturnLine = {
  order_line_item_id: string
  variant_id: string | null
  product_id: string | null
  inventory_item_id: string | null
  sku: string | null
  barcode: string | null
  title: string
  quantity: number
  unit_refund: number
  reason_id: string | null
  reason_value: string | null
  note: string | null
  photo_urls: string[]
  keep_it: boolean
  destination_location_id: string
  destination_sentence: string
}

/** Everything the request workflow writes, decided before anything is written. */
export type ReturnPlan = {
  order: ReturnOrderFacts
  source: ReturnSource
  method: ReturnMethod
  resolution: ReturnRequest["resolution"]
  note: string | null
  exchange_items: { variant_id: string; quantity: number }[] | null
  policy_id: string
  terms: ReturnTerms
  expected_refund: number
  lines: PlannedReturnLine[]
  /** Where the parcel goes: Medusa's return.location_id (the destination of the most units). */
  location_id: string
  location_name: string
  location_address: Record<string, any> | null
  /** Medusa's return shipping option at that location (non-carrier, is_return). */
  return_option_id: string
  /** The carrier account that sells the return label (method label). */
  carrier: { account_id: string; service_code: string | null } | null
}

export type RequestProblem = { field: string; message: string }

export type PlanResult = { eligibility: OrderEligibility; problems: RequestProblem[]; plan: ReturnPlan | null }

/**
 * The request checked against the order's eligibility and turned into a plan: reasons named
 * by id are looked up (their `value` drives the policy's note/photo rules), every line gets its
 * destination with the sentence why, and the parcel's location must have a return shipping
 * option (and a carrier's, for a label). Pure over the loaded context.
 */
export function planReturnRequest(ctx: ReturnContext, request: ReturnRequest, source: ReturnSource): PlanResult {
  const eligibility = returnEligibility(ctx.eligibility_input)
  const problems: RequestProblem[] = []
  const items = request.items.map((item, i) => {
    const reasonValue = item.reason_id ? ctx.reasons.by_id[item.reason_id] : undefined
    if (item.reason_id && !reasonValue) {
      problems.push({ field: `items.${i}.reason_id`, message: `${item.reason_id} is not one of the store's return reasons.` })
    }
    return { ...item, reason_value: reasonValue ?? null }
  })
  const checked: ReturnRequest = { ...request, items }
  problems.push(...checkReturnRequest(eligibility, checked))
  const policy = ctx.policies.find((p) => p.id === eligibility.policy?.id)
  if (problems.length || !ctx.order || !policy) {
    if (!problems.length) problems.push({ field: "items", message: "No return policy covers this order." })
    return { eligibility, problems, plan: null }
  }

  const lineById = new Map(eligibility.lines.map((l) => [l.line_item_id, l]))
  const choices = chooseDestinations({
    rule: policy.definition.destination,
    origin: ctx.origin,
    lines: items.map((i) => ({
      line_item_id: i.line_item_id,
      inventory_item_id: ctx.items[i.line_item_id]?.inventory_item_id ?? null,
      sku: ctx.items[i.line_item_id]?.sku ?? null,
    })),
    candidates: ctx.candidates,
  })
  const choiceByLine = new Map<string, DestinationChoice>(choices.map((c) => [c.line_item_id, c]))
  const unplaced = items.findIndex((i) => !choiceByLine.has(i.line_item_id))
  if (unplaced >= 0) {
    problems.push({
      field: `items.${unplaced}.line_item_id`,
      message: "No location of the store can receive this item back; contact the store.",
    })
    return { eligibility, problems, plan: null }
  }

  const lines: PlannedReturnLine[] = items.map((i) => {
    const facts = ctx.items[i.line_item_id]
    const choice = choiceByLine.get(i.line_item_id)!
    return {
      order_line_item_id: i.line_item_id,
      variant_id: facts?.variant_id ?? null,
      product_id: facts?.product_id ?? null,
      inventory_item_id: facts?.inventory_item_id ?? null,
      sku: facts?.sku ?? null,
      barcode: facts?.barcode ?? null,
      title: lineById.get(i.line_item_id)?.title ?? facts?.title ?? i.line_item_id,
      quantity: i.quantity,
      unit_refund: lineById.get(i.line_item_id)?.unit_refund ?? 0,
      reason_id: i.reason_id ?? null,
      reason_value: i.reason_value ?? null,
      note: i.note?.trim() || null,
      photo_urls: (i.photo_urls ?? []).filter((u) => u.trim()),
      keep_it: request.method === "keep_it",
      destination_location_id: choice.location_id,
      destination_sentence: choice.sentence,
    }
  })

  // One parcel, one address: the location that receives the most units (first line on a tie).
  const unitsAt = new Map<string, number>()
  for (const l of lines) unitsAt.set(l.destination_location_id, (unitsAt.get(l.destination_location_id) ?? 0) + l.quantity)
  let location_id = lines[0].destination_location_id
  for (const [id, n] of unitsAt) if (n > (unitsAt.get(location_id) ?? 0)) location_id = id
  const location = ctx.locations[location_id]
  const options = location?.return_options
  if (!options?.drop_off_option_id) {
    problems.push({ field: "items", message: `${location?.name ?? location_id} has no return shipping option; the store must add one.` })
    return { eligibility, problems, plan: null }
  }
  if (request.method === "label" && !options.carrier) {
    problems.push({
      field: "method",
      message: `No prepaid return label can be bought for ${location.name}; choose your own drop-off.`,
    })
    return { eligibility, problems, plan: null }
  }

  const terms = termsOf(policy, null)
  return {
    eligibility,
    problems,
    plan: {
      order: ctx.order,
      source,
      method: request.method,
      resolution: request.resolution,
      note: request.note?.trim() || null,
      exchange_items: request.resolution === "exchange" ? request.exchange_items ?? [] : null,
      policy_id: policy.id,
      terms,
      expected_refund: expectedRefund(ctx.order.currency_code, lines, terms),
      lines,
      location_id,
      location_name: location.name,
      location_address: location.address,
      return_option_id: options.drop_off_option_id,
      carrier: request.method === "label" ? { account_id: options.carrier!.account_id, service_code: options.carrier!.service_code } : null,
    },
  }
}

/** What the policy pays if every unit comes back as new: the promise made at request time. */
export function expectedRefund(currency_code: string, lines: Pick<PlannedReturnLine, "order_line_item_id" | "quantity" | "unit_refund" | "keep_it" | "title">[], terms: ReturnTerms): number {
  const refundLines = lines.map((l) => ({ id: l.order_line_item_id, quantity: l.quantity, unit_refund: l.unit_refund, keep_it: l.keep_it, title: l.title }))
  const inspections = refundLines.filter((l) => !l.keep_it).map((l) => ({ return_line_id: l.id, grade: "new" as const, quantity: l.quantity }))
  return refundBreakdown({ currency_code, lines: refundLines, inspections, terms }).total
}

/** The problems as one sentence, each starting with the field it names. */
export const problemsSentence = (problems: RequestProblem[]) =>
  problems.map((p) => `${p.field}: ${p.message}`).join("; ")

/** Quantity problems are the ones another request can cause while this one waits for the lock. */
export const isQuantityProblem = (p: RequestProblem) => /^items\.\d+\.quantity$/.test(p.field)
