import { assignTotes, buildPickList, binWalkSequence } from ".."
import { pickList, wave } from "./fixtures"

const seq = (code: string) => binWalkSequence(code)!

describe("buildPickList", () => {
  it("groups the wave's lines into one stop per bin and item, in walk order", () => {
    const list = pickList(
      [
        { order: "o1", sku: "TEE-M", quantity: 1 },
        { order: "o1", sku: "MUG", quantity: 2 },
        { order: "o2", sku: "MUG", quantity: 1 },
        { order: "o3", sku: "CAP", quantity: 3 },
        { order: "o3", sku: "TEE-M", quantity: 2 },
      ],
      { MUG: "A-02-3-A", "TEE-M": "A-01-1-A", CAP: "A-02-1-A" },
      { MUG: seq("A-02-3-A"), "TEE-M": seq("A-01-1-A"), CAP: seq("A-02-1-A") }
    )
    expect(list.stops.map((s) => [s.index, s.bin_code, s.sku, s.quantity])).toEqual([
      [0, "A-01-1-A", "TEE-M", 3],
      [1, "A-02-3-A", "MUG", 3],
      [2, "A-02-1-A", "CAP", 3],
    ])
    expect(list.units).toBe(9)
    expect(list.stops[1]).toMatchObject({ product_title: "Product MUG", variant_title: "One size", inventory_item_id: "iitem_MUG" })
  })

  it("splits each stop into totes, lowest tote first", () => {
    const list = pickList(
      [
        { order: "o2", sku: "MUG", quantity: 1, line: "l2" },
        { order: "o1", sku: "MUG", quantity: 2, line: "l1" },
        { order: "o3", sku: "MUG", quantity: 4, line: "l3" },
      ],
      { MUG: "B-01-1-A" }
    )
    expect(list.stops).toHaveLength(1)
    expect(list.stops[0].breakdown).toEqual([
      { order_id: "o2", display_id: 1001, tote: 1, line_item_id: "l2", quantity: 1 },
      { order_id: "o1", display_id: 1002, tote: 2, line_item_id: "l1", quantity: 2 },
      { order_id: "o3", display_id: 1003, tote: 3, line_item_id: "l3", quantity: 4 },
    ])
  })

  it("orders stops without a walk sequence by bin code after sequenced ones, and items without a bin last", () => {
    const list = pickList(
      [
        { order: "o1", sku: "LOOSE", quantity: 1 },
        { order: "o1", sku: "DOCK", quantity: 1 },
        { order: "o1", sku: "SHELF10", quantity: 1 },
        { order: "o1", sku: "SHELF2", quantity: 1 },
        { order: "o1", sku: "FIRST", quantity: 1 },
      ],
      { LOOSE: null, DOCK: "DOCK", SHELF10: "R-10", SHELF2: "R-2", FIRST: "Z-99-9-Z" },
      { FIRST: 5 }
    )
    expect(list.stops.map((s) => s.bin_code)).toEqual(["Z-99-9-Z", "DOCK", "R-2", "R-10", null])
  })

  it("leaves out lines with nothing to pick and refuses lines of orders outside the wave", () => {
    expect(pickList([{ order: "o1", sku: "MUG", quantity: 0 }], { MUG: "A-01-1-A" }).stops).toEqual([])
    const input = wave([{ order: "o1", sku: "MUG", quantity: 1 }], { MUG: "A-01-1-A" })
    input.orders = []
    expect(() => buildPickList(input)).toThrow("order o1, which is not in wave owave_TEST")
  })
})

describe("assignTotes", () => {
  it("numbers totes 1..n in the order the wave took the orders, once per order", () => {
    expect(assignTotes([{ order_id: "b" }, { order_id: "a" }, { order_id: "b" }, { order_id: "constructor" }])).toEqual({
      b: 1,
      a: 2,
      constructor: 3,
    })
  })
})
