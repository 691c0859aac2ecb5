import { defaultPolicyDefinition } from "../defaults"
import type { EligibilityInput, EligibilityLineInput, ReturnPolicy, ReturnPolicyDefinition } from "../types"

export const NOW = new Date("2027-03-10T12:00:00Z")
export const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString()

export function policy(over: Partial<ReturnPolicy> = {}, def: Partial<ReturnPolicyDefinition> = {}): ReturnPolicy {
  return {
    id: "orpol_default",
    name: "Everywhere",
    active: true,
    priority: 100,
    market: null,
    ...over,
    definition: { ...defaultPolicyDefinition(), ...def },
  }
}

export function line(over: Partial<EligibilityLineInput> = {}): EligibilityLineInput {
  return {
    id: "ordli_tee",
    title: "Tee M",
    variant_id: "variant_tee_m",
    product_id: "prod_tee",
    sku: "TEE-M",
    quantity: 2,
    fulfilled_quantity: 2,
    return_requested_quantity: 0,
    return_received_quantity: 0,
    return_dismissed_quantity: 0,
    unit_refund: 20,
    product: { collection_id: "pcol_summer", category_ids: ["pcat_shirts"], tag_ids: ["ptag_cotton"], type_id: "ptyp_apparel" },
    ...over,
  }
}

type Order = EligibilityInput["order"]
export function input(over: Partial<Order> = {}, policies: ReturnPolicy[] = [policy()], now = NOW): EligibilityInput {
  const items = over.items ?? [line()]
  return {
    order: {
      id: "order_1",
      currency_code: "usd",
      canceled: false,
      region_id: "reg_us",
      sales_channel_id: "sc_web",
      country_code: "us",
      items,
      fulfillments: [
        {
          created_at: daysAgo(12),
          shipped_at: daysAgo(11),
          delivered_at: daysAgo(9),
          items: items.map((i) => ({ line_item_id: i.id, quantity: i.fulfilled_quantity })),
        },
      ],
      ...over,
    },
    policies,
    now,
  }
}
