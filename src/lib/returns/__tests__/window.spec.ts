import { returnEligibility } from "../eligibility"
import { returnWindow } from "../window"
import { NOW, input, line, policy } from "./fixtures"

const terms = { window_days: 30, transit_days: 3 }
const at = (iso: string) => new Date(iso)

describe("the return window", () => {
  it("counts from delivery and stays open to the end of the last day", () => {
    const f = [{ created_at: "2027-02-25T08:00:00Z", shipped_at: "2027-02-26T08:00:00Z", delivered_at: "2027-03-01T15:30:00Z" }]
    expect(returnWindow(f, terms, at("2027-03-31T23:59:00Z"))).toMatchObject({
      return_by: "2027-03-31",
      open: true,
      start: { basis: "delivery" },
    })
    const closed = returnWindow(f, terms, at("2027-04-01T00:00:01Z"))
    expect(closed.open).toBe(false)
    expect(closed.sentence).toBe("The 30-day return window closed on 31 March 2027.")
  })

  it("counts from the shipment plus transit days when delivery is not known", () => {
    const f = [{ created_at: "2027-01-30T08:00:00Z", shipped_at: "2027-02-01T10:00:00Z", delivered_at: null }]
    const w = returnWindow(f, terms, at("2027-03-05T12:00:00Z"))
    // shipped 1 Feb + 3 transit days = 4 Feb; + 30 days = 6 March
    expect(w).toMatchObject({ return_by: "2027-03-06", open: true, start: { basis: "shipment" } })
    const late = returnWindow(f, terms, at("2027-03-07T00:00:00Z"))
    expect(late.sentence).toBe(
      "The 30-day return window closed on 6 March 2027 (counted from the estimated delivery, as the carrier did not confirm it)."
    )
  })

  it("counts from the fulfillment plus transit days when it was never marked shipped", () => {
    const f = [{ created_at: "2027-02-01T10:00:00Z", shipped_at: null, delivered_at: null }]
    expect(returnWindow(f, terms, NOW)).toMatchObject({ return_by: "2027-03-06", open: false, start: { basis: "fulfillment" } })
    expect(returnWindow(f, { window_days: 30, transit_days: 10 }, NOW)).toMatchObject({ return_by: "2027-03-13", open: true })
  })

  it("is not counted, and not closed, when no fulfillment has a date", () => {
    expect(returnWindow([], terms, NOW)).toEqual({ start: null, return_by: null, open: true, sentence: null })
    expect(returnWindow([{ created_at: "not a date", shipped_at: null, delivered_at: null }], terms, NOW).open).toBe(true)
  })

  it("counts a line split over two parcels from the later arrival", () => {
    const f = [
      { created_at: "2027-01-01T00:00:00Z", shipped_at: null, delivered_at: "2027-01-03T00:00:00Z" },
      { created_at: "2027-02-01T00:00:00Z", shipped_at: null, delivered_at: "2027-02-20T00:00:00Z" },
    ]
    expect(returnWindow(f, terms, NOW).return_by).toBe("2027-03-22")
  })

  it("closes a line on the eligibility answer with its sentence and return_by", () => {
    const order = input(
      {
        fulfillments: [
          { created_at: "2027-01-01T00:00:00Z", shipped_at: null, delivered_at: "2027-01-02T09:00:00Z", items: [{ line_item_id: "ordli_tee", quantity: 2 }] },
        ],
      },
      [policy({}, { window_days: 30 })]
    )
    const [l] = returnEligibility(order).lines
    expect(l).toMatchObject({
      returnable_quantity: 0,
      reason_code: "window_closed",
      reason: "The 30-day return window closed on 1 February 2027.",
      return_by: "2027-02-01",
    })
  })

  it("uses only the fulfillments that carried the line", () => {
    const tee = line()
    const mug = line({ id: "ordli_mug", title: "Mug", sku: "MUG" })
    const order = input({
      items: [tee, mug],
      fulfillments: [
        { created_at: "2027-01-01T00:00:00Z", shipped_at: null, delivered_at: "2027-01-02T00:00:00Z", items: [{ line_item_id: "ordli_tee", quantity: 2 }] },
        { created_at: "2027-03-01T00:00:00Z", shipped_at: null, delivered_at: "2027-03-02T00:00:00Z", items: [{ line_item_id: "ordli_mug", quantity: 2 }] },
      ],
    })
    const [teeLine, mugLine] = returnEligibility(order).lines
    expect(teeLine.reason_code).toBe("window_closed")
    expect(mugLine).toMatchObject({ returnable_quantity: 2, return_by: "2027-04-01" })
  })
})
