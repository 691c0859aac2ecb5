import { returnEligibility } from "../eligibility"
import type { ProductSelector } from "../types"
import { input, line, policy } from "./fixtures"

const only = (e: ReturnType<typeof returnEligibility>) => e.lines[0]

describe("returnable quantity", () => {
  it("is what was fulfilled when nothing is in a return yet", () => {
    expect(only(returnEligibility(input()))).toMatchObject({
      returnable_quantity: 2,
      reason_code: null,
      reason: null,
      return_by: "2027-03-31",
    })
  })

  it("counts only the fulfilled units of a partly fulfilled line", () => {
    const order = input({ items: [line({ quantity: 3, fulfilled_quantity: 1 })] })
    expect(only(returnEligibility(order)).returnable_quantity).toBe(1)
  })

  it("subtracts units already requested, received and dismissed", () => {
    const item = (over: Parameters<typeof line>[0]) => only(returnEligibility(input({ items: [line({ quantity: 4, fulfilled_quantity: 4, ...over })] })))
    expect(item({ return_requested_quantity: 1 }).returnable_quantity).toBe(3)
    expect(item({ return_received_quantity: 2 }).returnable_quantity).toBe(2)
    expect(item({ return_dismissed_quantity: 1, return_received_quantity: 1, return_requested_quantity: 1 }).returnable_quantity).toBe(1)
  })

  it("is 0 with a sentence when every sent unit is already in a return", () => {
    const l = only(returnEligibility(input({ items: [line({ return_requested_quantity: 1, return_received_quantity: 1 })] })))
    expect(l).toMatchObject({
      returnable_quantity: 0,
      reason_code: "already_returned",
      reason: "All 2 units of Tee M sent so far are already in a return.",
    })
  })

  it("is 0 for a line not sent yet", () => {
    const l = only(returnEligibility(input({ items: [line({ fulfilled_quantity: 0 })], fulfillments: [] })))
    expect(l).toMatchObject({ returnable_quantity: 0, reason_code: "not_fulfilled", reason: "Tee M has not been sent yet, so there is nothing to return." })
  })

  it("is 0 on every line of a canceled order, and no method or resolution is offered", () => {
    const e = returnEligibility(input({ canceled: true }))
    expect(only(e)).toMatchObject({ returnable_quantity: 0, reason_code: "order_canceled" })
    expect(only(e).reason).toMatch(/canceled/)
    expect(e.methods).toEqual([])
    expect(e.resolutions).toEqual([])
  })

  it("is 0 when no policy covers the market", () => {
    const e = returnEligibility(input({}, [policy({ market: { type: "country", in: ["DE"] } })]))
    expect(e.policy).toBeNull()
    expect(only(e)).toMatchObject({ returnable_quantity: 0, reason_code: "no_policy" })
    expect(only(e).reason).toMatch(/no return policy/)
  })
})

describe("exclusions and final sale", () => {
  const cases: [ProductSelector["kind"], string][] = [
    ["product", "prod_tee"],
    ["collection", "pcol_summer"],
    ["category", "pcat_shirts"],
    ["tag", "ptag_cotton"],
    ["type", "ptyp_apparel"],
  ]

  it.each(cases)("excludes a line by %s", (kind, id) => {
    const excluded = returnEligibility(input({}, [policy({}, { exclusions: [{ kind, ids: ["other", id] }] })]))
    expect(only(excluded)).toMatchObject({
      returnable_quantity: 0,
      reason_code: "excluded",
      reason: "Tee M cannot be returned: the store's return policy excludes it.",
    })
    // the same selector with another id leaves the line returnable
    const other = returnEligibility(input({}, [policy({}, { exclusions: [{ kind, ids: ["other"] }] })]))
    expect(only(other).returnable_quantity).toBe(2)
  })

  it("says final sale in its own words", () => {
    const e = returnEligibility(input({}, [policy({}, { final_sale: [{ kind: "tag", ids: ["ptag_cotton"] }] })]))
    expect(only(e)).toMatchObject({
      returnable_quantity: 0,
      reason_code: "final_sale",
      reason: "Tee M was sold as final sale, so it cannot be returned.",
    })
  })

  it("excludes only the matching line of an order", () => {
    const mug = line({ id: "ordli_mug", title: "Mug", product_id: "prod_mug", product: { collection_id: null, category_ids: [], tag_ids: [], type_id: null } })
    const e = returnEligibility(input({ items: [line(), mug] }, [policy({}, { final_sale: [{ kind: "product", ids: ["prod_mug"] }] })]))
    expect(e.lines.map((l) => [l.line_item_id, l.returnable_quantity, l.reason_code])).toEqual([
      ["ordli_tee", 2, null],
      ["ordli_mug", 0, "final_sale"],
    ])
  })
})

describe("keep it", () => {
  it("marks a line whose returnable value is under the threshold and offers the method", () => {
    const e = returnEligibility(input({ items: [line({ unit_refund: 4.99, quantity: 2, fulfilled_quantity: 2 })] }, [policy({}, { keep_it_under: 10 })]))
    expect(only(e).keep_it).toBe(true)
    expect(e.methods).toEqual(["label", "drop_off", "keep_it"])
  })

  it("does not keep a line at or above the threshold, nor when keep-it is off", () => {
    const at = returnEligibility(input({ items: [line({ unit_refund: 5 })] }, [policy({}, { keep_it_under: 10 })]))
    expect(only(at).keep_it).toBe(false)
    expect(at.methods).toEqual(["label", "drop_off"])
    const off = returnEligibility(input({ items: [line({ unit_refund: 1 })] }, [policy({}, { keep_it_under: null })]))
    expect(only(off).keep_it).toBe(false)
  })

  it("counts only what is still returnable", () => {
    // 2 x 8.00 = 16 is over 10, but one unit is already returned: 8.00 is under
    const e = returnEligibility(input({ items: [line({ unit_refund: 8, return_received_quantity: 1 })] }, [policy({}, { keep_it_under: 10 })]))
    expect(only(e)).toMatchObject({ returnable_quantity: 1, keep_it: true })
  })
})

describe("the form data", () => {
  it("carries the policy's reasons, resolutions, fee and shipping", () => {
    const e = returnEligibility(
      input({}, [
        policy(
          { id: "orpol_us", name: "US" },
          {
            reasons: { damaged: { photo_required: true }, other: { note_required: true } },
            resolutions: ["refund", "exchange"],
            restocking_fee_percent: 15,
            shipping: { mode: "flat", amount: 5 },
          }
        ),
      ])
    )
    expect(e).toMatchObject({
      order_id: "order_1",
      policy: { id: "orpol_us", name: "US" },
      currency_code: "usd",
      reasons: { damaged: { photo_required: true }, other: { note_required: true } },
      resolutions: ["refund", "exchange"],
      methods: ["label", "drop_off"],
      restocking_fee_percent: 15,
      shipping: { mode: "flat", amount: 5 },
    })
  })
})

describe("store credit and accounts", () => {
  const credit = [policy({}, { resolutions: ["refund", "store_credit"] })]

  it("offers store credit to a customer with an account", () => {
    expect(returnEligibility(input({ has_account: true }, credit)).resolutions).toEqual(["refund", "store_credit"])
  })

  it("does not offer store credit to a guest, whose credit would live on no account", () => {
    expect(returnEligibility(input({ has_account: false }, credit)).resolutions).toEqual(["refund"])
  })
})
