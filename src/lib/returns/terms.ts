import type { ReturnPolicy, ReturnPolicyDefinition, ReturnTerms } from "./types"

/**
 * The terms frozen on a case when it is requested, so a later policy edit never changes what
 * the customer was promised. The label's price is kept only when the policy charges it
 * (`carrier_rate`); otherwise it plays no part in the refund.
 */
export function termsOf(policy: ReturnPolicy | ReturnPolicyDefinition, label_amount: number | null): ReturnTerms {
  const d = "definition" in policy ? policy.definition : policy
  return {
    restocking_fee_percent: d.restocking_fee_percent,
    shipping: { ...d.shipping },
    refund_damaged: d.refund_damaged,
    resolutions: [...d.resolutions],
    label_amount: d.shipping.mode === "carrier_rate" ? label_amount ?? null : null,
  }
}
