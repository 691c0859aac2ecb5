import { applyPackScan, packComplete, parcelFromItems, shortAllocations, startPackScan } from ".."
import { pickList } from "./fixtures"

describe("shortAllocations", () => {
  const stop = () =>
    pickList(
      [
        { order: "o1", sku: "MUG", quantity: 2, line: "l1" },
        { order: "o2", sku: "MUG", quantity: 1, line: "l2" },
        { order: "o3", sku: "MUG", quantity: 3, line: "l3" },
      ],
      { MUG: "A-01-1-A" }
    ).stops[0]

  it("keeps the lowest totes whole and takes the missing units from the last ones", () => {
    expect(shortAllocations(stop(), 4)).toEqual([{ order_id: "o3", line_item_id: "l3", quantity_missing: 2 }])
    expect(shortAllocations(stop(), 2)).toEqual([
      { order_id: "o2", line_item_id: "l2", quantity_missing: 1 },
      { order_id: "o3", line_item_id: "l3", quantity_missing: 3 },
    ])
    expect(shortAllocations(stop(), 6)).toEqual([])
    expect(shortAllocations(stop(), 0).reduce((sum, s) => sum + s.quantity_missing, 0)).toBe(6)
  })
})

describe("parcelFromItems", () => {
  it("stacks the items: weights and heights add up per unit, the largest footprint wins", () => {
    expect(
      parcelFromItems([
        { quantity: 2, weight: 300, length: 20, width: 10, height: 5 },
        { quantity: 1, weight: 150, length: 30, width: 8, height: 4 },
        { quantity: 1, weight: null, length: null, width: null, height: null },
      ])
    ).toEqual({ weight: 750, length: 30, width: 10, height: 14 })
    expect(parcelFromItems([])).toEqual({ weight: 0, length: 0, width: 0, height: 0 })
  })
})

describe("pack scan", () => {
  const items = () =>
    startPackScan([
      { line_item_id: "l1", sku: "MUG", barcode: "4006381333931", quantity: 2 },
      { line_item_id: "l2", sku: "CAP", barcode: null, quantity: 1 },
    ])

  it("counts scanned items into the parcel until the order is complete", () => {
    let state = items()
    const codes = ["4006381333931", "cap", "MUG"].map((code) => {
      const result = applyPackScan(state, code)
      state = result.state
      return result.outcome.code
    })
    expect(codes).toEqual(["item_ok", "item_ok", "order_complete"])
    expect(packComplete(state)).toBe(true)
  })

  it("refuses items that are not in the order and one too many", () => {
    expect(applyPackScan(items(), "HAT").outcome).toEqual({ ok: false, code: "wrong_item", message: "Wrong item: HAT is not in this order." })
    const oneCap = applyPackScan(items(), "CAP").state
    expect(applyPackScan(oneCap, "CAP").outcome).toMatchObject({ ok: false, code: "over_scan" })
    expect(packComplete(oneCap)).toBe(false)
  })
})
