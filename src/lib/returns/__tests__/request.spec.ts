import { returnEligibility } from "../eligibility"
import { checkReturnRequest } from "../request"
import type { ReturnRequest } from "../types"
import { input, line, policy } from "./fixtures"

const eligibility = returnEligibility(
  input(
    {
      items: [
        line({ quantity: 3, fulfilled_quantity: 3, return_requested_quantity: 1 }),
        line({ id: "ordli_sock", title: "Socks", sku: "SOCK", unit_refund: 3 }),
        line({ id: "ordli_gift", title: "Gift card", product_id: "prod_gift" }),
      ],
    },
    [
      policy(
        {},
        {
          reasons: { damaged: { photo_required: true, note_required: true }, changed_mind: {} },
          resolutions: ["refund", "exchange"],
          keep_it_under: 10,
          exclusions: [{ kind: "product", ids: ["prod_gift"] }],
        }
      ),
    ]
  )
)

const request = (over: Partial<ReturnRequest> = {}): ReturnRequest => ({
  items: [{ line_item_id: "ordli_tee", quantity: 1, reason_value: "changed_mind" }],
  method: "label",
  resolution: "refund",
  ...over,
})

describe("checking a return request", () => {
  it("passes a request within the policy", () => {
    expect(checkReturnRequest(eligibility, request())).toEqual([])
  })

  it("refuses an item that is not in the order", () => {
    expect(checkReturnRequest(eligibility, request({ items: [{ line_item_id: "ordli_x", quantity: 1 }] }))).toEqual([
      { field: "items.0.line_item_id", message: "ordli_x is not an item of this order." },
    ])
  })

  it("names the returnable quantity when more is asked", () => {
    const problems = checkReturnRequest(
      eligibility,
      request({ items: [{ line_item_id: "ordli_sock", quantity: 1 }, { line_item_id: "ordli_tee", quantity: 3 }] })
    )
    expect(problems).toEqual([{ field: "items.1.quantity", message: "Only 2 units of Tee M can be returned (asked for 3)." }])
  })

  it("gives the line's own reason when nothing of it is returnable", () => {
    expect(checkReturnRequest(eligibility, request({ items: [{ line_item_id: "ordli_gift", quantity: 1 }] }))).toEqual([
      { field: "items.0.quantity", message: "Gift card cannot be returned: the store's return policy excludes it." },
    ])
  })

  it("refuses zero, fractions and a line listed twice", () => {
    const problems = checkReturnRequest(
      eligibility,
      request({
        items: [
          { line_item_id: "ordli_tee", quantity: 0 },
          { line_item_id: "ordli_sock", quantity: 1.5 },
          { line_item_id: "ordli_tee", quantity: 1 },
        ],
      })
    )
    expect(problems.map((p) => p.field)).toEqual(["items.0.quantity", "items.1.quantity", "items.2.line_item_id"])
    expect(problems[2].message).toBe("Tee M is listed twice; list each item once with its quantity.")
  })

  it("asks for the note and the photo a reason requires", () => {
    const problems = checkReturnRequest(eligibility, request({ items: [{ line_item_id: "ordli_tee", quantity: 1, reason_value: "damaged", note: "  " }] }))
    expect(problems).toEqual([
      { field: "items.0.note", message: 'The reason "damaged" needs a note saying what is wrong with Tee M.' },
      { field: "items.0.photo_urls", message: 'The reason "damaged" needs at least one photo of Tee M.' },
    ])
    const complete = request({
      items: [{ line_item_id: "ordli_tee", quantity: 1, reason_value: "damaged", note: "Seam torn", photo_urls: ["https://x/1.jpg"] }],
    })
    expect(checkReturnRequest(eligibility, complete)).toEqual([])
  })

  it("refuses a resolution or method the policy does not offer, saying what is", () => {
    expect(checkReturnRequest(eligibility, request({ resolution: "store_credit" }))).toEqual([
      { field: "resolution", message: "Store credit is not offered for this return; choose a refund or an exchange." },
    ])
    const noKeepIt = returnEligibility(input())
    expect(checkReturnRequest(noKeepIt, request({ method: "keep_it" }))).toContainEqual({
      field: "method",
      message: "Keep it is not offered for this return; choose a prepaid return label or your own drop-off.",
    })
  })

  it("keeps only keep-it lines under the keep-it method", () => {
    expect(checkReturnRequest(eligibility, request({ method: "keep_it", items: [{ line_item_id: "ordli_sock", quantity: 2 }] }))).toEqual([])
    expect(checkReturnRequest(eligibility, request({ method: "keep_it" }))).toEqual([
      { field: "items.0.line_item_id", message: "Tee M has to be sent back; only items under the keep-it value can be kept." },
    ])
  })

  it("needs the new items of an exchange", () => {
    expect(checkReturnRequest(eligibility, request({ resolution: "exchange" }))).toEqual([
      { field: "exchange_items", message: "An exchange needs the items you want instead (exchange_items)." },
    ])
    expect(checkReturnRequest(eligibility, request({ resolution: "exchange", exchange_items: [{ variant_id: "variant_tee_l", quantity: 0 }] }))).toEqual([
      { field: "exchange_items.0.quantity", message: "Ask for a whole number of units, at least 1." },
    ])
    expect(checkReturnRequest(eligibility, request({ resolution: "exchange", exchange_items: [{ variant_id: "variant_tee_l", quantity: 1 }] }))).toEqual([])
  })

  it("needs at least one item", () => {
    expect(checkReturnRequest(eligibility, request({ items: [] }))).toEqual([{ field: "items", message: "Choose at least one item to return." }])
  })
})
