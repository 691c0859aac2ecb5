import { fromCents, toCents, units } from "./format"
import { choosePolicy } from "./policy"
import { selectsAny } from "./selectors"
import type {
  EligibilityInput,
  EligibilityLineInput,
  LineEligibility,
  NotReturnableCode,
  OrderEligibility,
  ReturnMethod,
  ReturnPolicyDefinition,
} from "./types"
import { returnWindow, type FulfillmentDates } from "./window"

type Fulfillments = EligibilityInput["order"]["fulfillments"]

/**
 * What the customer may return from this order, line by line, under the policy of its market.
 * A line's returnable quantity is what was fulfilled less what is already requested, received
 * or dismissed in other returns; when it is 0 the line says why, as a code and as a sentence.
 */
export function returnEligibility(input: EligibilityInput): OrderEligibility {
  const { order, now } = input
  const policy = choosePolicy(input.policies, {
    country_code: order.country_code,
    region_id: order.region_id,
    sales_channel_id: order.sales_channel_id,
    currency_code: order.currency_code,
    value: fromCents(order.items.reduce((sum, i) => sum + toCents(i.unit_refund * i.quantity), 0)),
  })
  const definition = policy?.definition ?? null
  const lines = order.items.map((item) => lineEligibility(item, order.canceled, definition, order.fulfillments, now))
  const anyReturnable = lines.some((l) => l.returnable_quantity > 0)
  const methods: ReturnMethod[] = anyReturnable ? ["label", "drop_off"] : []
  if (lines.some((l) => l.keep_it)) methods.push("keep_it")
  return {
    order_id: order.id,
    policy: policy ? { id: policy.id, name: policy.name } : null,
    currency_code: order.currency_code,
    lines,
    reasons: definition?.reasons ?? {},
    resolutions:
      definition && anyReturnable
        ? definition.resolutions.filter((r) => r !== "store_credit" || order.has_account !== false)
        : [],
    methods,
    restocking_fee_percent: definition?.restocking_fee_percent ?? 0,
    shipping: definition?.shipping ?? { mode: "free" },
  }
}

function lineEligibility(
  item: EligibilityLineInput,
  canceled: boolean,
  definition: ReturnPolicyDefinition | null,
  fulfillments: Fulfillments,
  now: Date
): LineEligibility {
  const base: LineEligibility = {
    line_item_id: item.id,
    variant_id: item.variant_id,
    product_id: item.product_id,
    sku: item.sku,
    title: item.title,
    ordered_quantity: item.quantity,
    returnable_quantity: 0,
    unit_refund: item.unit_refund,
    keep_it: false,
    reason_code: null,
    reason: null,
    return_by: null,
  }
  const refuse = (reason_code: NotReturnableCode, reason: string, return_by: string | null = null): LineEligibility => ({
    ...base,
    reason_code,
    reason,
    return_by,
  })

  if (canceled) return refuse("order_canceled", "This order was canceled, so nothing in it can be returned.")
  if (!definition) {
    return refuse("no_policy", "Returns are not offered for orders like this one (no return policy covers its market).")
  }
  if (selectsAny(definition.exclusions, item)) {
    return refuse("excluded", `${item.title} cannot be returned: the store's return policy excludes it.`)
  }
  if (selectsAny(definition.final_sale, item)) {
    return refuse("final_sale", `${item.title} was sold as final sale, so it cannot be returned.`)
  }
  const fulfilled = Math.max(0, item.fulfilled_quantity)
  if (fulfilled === 0) {
    return refuse("not_fulfilled", `${item.title} has not been sent yet, so there is nothing to return.`)
  }
  const window = returnWindow(carrying(item.id, fulfillments), definition, now)
  if (!window.open) return refuse("window_closed", window.sentence!, window.return_by)

  const taken = item.return_requested_quantity + item.return_received_quantity + item.return_dismissed_quantity
  const returnable = Math.max(0, fulfilled - taken)
  if (returnable === 0) {
    return refuse(
      "already_returned",
      `All ${units(fulfilled)} of ${item.title} sent so far are already in a return.`,
      window.return_by
    )
  }
  return {
    ...base,
    returnable_quantity: returnable,
    keep_it: keepsIt(definition.keep_it_under, item.unit_refund, returnable),
    return_by: window.return_by,
  }
}

/**
 * The fulfillments that carried this line. When none names it (data written without item
 * links), every fulfillment of the order counts, the latest arrival deciding.
 */
function carrying(lineId: string, fulfillments: Fulfillments): FulfillmentDates[] {
  const own = fulfillments.filter((f) => f.items.some((i) => i.line_item_id === lineId && i.quantity > 0))
  return own.length ? own : fulfillments
}

/** Keep-it: the value coming back (unit refund x returnable units) is under the threshold. */
function keepsIt(under: number | null, unitRefund: number, quantity: number): boolean {
  if (under === null || under <= 0) return false
  return toCents(unitRefund * quantity) < toCents(under)
}
