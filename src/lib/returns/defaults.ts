import type { ReturnPolicyDefinition } from "./types"

/**
 * A sensible first policy: 30 days from delivery (3 transit days when delivery is not known),
 * free return shipping, no fee, refund, store credit or exchange, each item back to the
 * nearest location able to receive it.
 */
export function defaultPolicyDefinition(): ReturnPolicyDefinition {
  return {
    window_days: 30,
    transit_days: 3,
    exclusions: [],
    final_sale: [],
    reasons: {},
    restocking_fee_percent: 0,
    shipping: { mode: "free" },
    keep_it_under: null,
    resolutions: ["refund", "store_credit", "exchange"],
    refund_damaged: false,
    destination: { strategy: "nearest" },
  }
}
