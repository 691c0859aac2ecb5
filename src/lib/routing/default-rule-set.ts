import type { RuleSet } from "./types"

/**
 * Works with zero configuration: ship only from active locations that serve the market, have
 * capacity left today (no limit unless a profile sets one) and stock above safety stock;
 * fewest parcels first, then the nearest, then manual priority.
 * Splitting is allowed; what no location has is reported, not held.
 */
export function defaultRuleSet(): RuleSet {
  return {
    rules: [
      { kind: "filter", type: "serves_market" },
      { kind: "filter", type: "active" },
      { kind: "filter", type: "capacity" },
      { kind: "filter", type: "safety_stock" },
      { kind: "rank", type: "fewest_shipments" },
      { kind: "rank", type: "distance" },
      { kind: "rank", type: "priority" },
    ],
    split: { type: "allowed" },
    partial: "split",
  }
}
