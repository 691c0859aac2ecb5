import { defaultPolicyDefinition } from "../defaults"
import { defaultDisposition } from "../grades"
import { termsOf } from "../terms"
import { policy } from "./fixtures"

describe("terms frozen on a case", () => {
  it("copy the policy's fee, shipping, damage rule and resolutions", () => {
    const p = policy({}, { restocking_fee_percent: 12, shipping: { mode: "flat", amount: 4 }, refund_damaged: true, resolutions: ["refund"] })
    const t = termsOf(p, 9.99)
    expect(t).toEqual({ restocking_fee_percent: 12, shipping: { mode: "flat", amount: 4 }, refund_damaged: true, resolutions: ["refund"], label_amount: null })
    // a later edit of the policy does not reach the frozen terms
    p.definition.resolutions.push("exchange")
    ;(p.definition.shipping as { amount: number }).amount = 99
    expect(t.resolutions).toEqual(["refund"])
    expect(t.shipping).toEqual({ mode: "flat", amount: 4 })
  })

  it("keep the label's price only when the policy charges the carrier rate", () => {
    expect(termsOf(policy({}, { shipping: { mode: "carrier_rate" } }), 7.5).label_amount).toBe(7.5)
    expect(termsOf(policy({}, { shipping: { mode: "carrier_rate" } }), null).label_amount).toBeNull()
    expect(termsOf(defaultPolicyDefinition(), 7.5).label_amount).toBeNull()
  })
})

describe("the default policy and dispositions", () => {
  it("is 30 days, 3 transit days, free shipping, three resolutions, nearest destination", () => {
    expect(defaultPolicyDefinition()).toMatchObject({
      window_days: 30,
      transit_days: 3,
      shipping: { mode: "free" },
      resolutions: ["refund", "store_credit", "exchange"],
      destination: { strategy: "nearest" },
      restocking_fee_percent: 0,
      keep_it_under: null,
    })
  })

  it("restocks sellable grades, writes off damage and has nothing to place for missing or wrong items", () => {
    expect(["new", "opened", "damaged", "missing", "wrong_item"].map((g) => defaultDisposition(g as never))).toEqual([
      "restock",
      "restock",
      "write_off",
      "none",
      "none",
    ])
  })
})
