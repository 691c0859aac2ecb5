import fc from "fast-check"
import { ReservationBatch, stockMatrix, withStock } from ".."

const LOCATIONS = ["sloc_a", "sloc_b", "sloc_c"]
const ITEMS = ["iitem_1", "iitem_2"]

/** Levels of every location x item, and reservations of the order no larger than what is reserved there. */
const levelsWithOwn = fc
  .array(
    fc.record({ stocked: fc.integer({ min: 0, max: 20 }), reserved: fc.integer({ min: 0, max: 20 }), ownShare: fc.double({ min: 0, max: 1, noNaN: true }) }),
    { minLength: LOCATIONS.length * ITEMS.length, maxLength: LOCATIONS.length * ITEMS.length }
  )
  .map((cells) =>
    cells.map((c, i) => ({
      location_id: LOCATIONS[Math.floor(i / ITEMS.length)],
      inventory_item_id: ITEMS[i % ITEMS.length],
      stocked: c.stocked,
      reserved: c.reserved,
      own: Math.floor(c.reserved * c.ownShare),
    }))
  )

describe("stock matrix", () => {
  it("counts the order's own reservations as available to it, and nothing else", () => {
    fc.assert(
      fc.property(levelsWithOwn, (cells) => {
        // The order's reservations, some cells split over two rows (a kit, two lines of one item).
        const own = cells.flatMap((c) =>
          c.own > 1
            ? [
                { location_id: c.location_id, inventory_item_id: c.inventory_item_id, quantity: 1 },
                { location_id: c.location_id, inventory_item_id: c.inventory_item_id, quantity: c.own - 1 },
              ]
            : [{ location_id: c.location_id, inventory_item_id: c.inventory_item_id, quantity: c.own }]
        )
        const matrix = stockMatrix(LOCATIONS, cells, own)
        for (const c of cells) {
          const level = matrix.get(c.location_id)![c.inventory_item_id]
          expect(level.stocked).toBe(c.stocked)
          // Free to this order: what is free to everyone plus what it already holds there.
          expect(level.stocked - level.reserved).toBe(c.stocked - c.reserved + c.own)
        }
      })
    )
  })

  it("gives every asked location an entry and leaves other locations' levels out", () => {
    const matrix = stockMatrix(["sloc_a", "sloc_empty"], [
      { location_id: "sloc_a", inventory_item_id: "iitem_1", stocked: 5, reserved: 1 },
      { location_id: "sloc_elsewhere", inventory_item_id: "iitem_1", stocked: 9, reserved: 0 },
    ])
    expect([...matrix.keys()]).toEqual(["sloc_a", "sloc_empty"])
    expect(matrix.get("sloc_a")).toEqual({ iitem_1: { stocked: 5, reserved: 1 } })
    expect(matrix.get("sloc_empty")).toEqual({})
  })

  it("never shows less than nothing reserved when the order holds more than the level says", () => {
    const matrix = stockMatrix(["sloc_a"], [{ location_id: "sloc_a", inventory_item_id: "iitem_1", stocked: 4, reserved: 1 }], [
      { location_id: "sloc_a", inventory_item_id: "iitem_1", quantity: 3 },
    ])
    expect(matrix.get("sloc_a")!.iitem_1).toEqual({ stocked: 4, reserved: 0 })
  })

  it("hands each candidate its column, and an empty one to a location the read did not cover", () => {
    const matrix = stockMatrix(["sloc_a"], [{ location_id: "sloc_a", inventory_item_id: "iitem_1", stocked: 2, reserved: 0 }])
    const [a, b] = withStock([{ id: "sloc_a", name: "A" }, { id: "sloc_b", name: "B" }], matrix)
    expect(a).toEqual({ id: "sloc_a", name: "A", stock: { iitem_1: { stocked: 2, reserved: 0 } } })
    expect(b.stock).toEqual({})
  })
})

describe("reservation batch", () => {
  const locations = [{ id: "sloc_a", stock: { iitem_1: { stocked: 5, reserved: 2 } } }]

  it("counts what the batch already took against what is free", () => {
    const batch = new ReservationBatch(locations)
    expect(batch.free("sloc_a", "iitem_1")).toBe(3)
    batch.take("sloc_a", "iitem_1", 2)
    expect(batch.free("sloc_a", "iitem_1")).toBe(1)
    batch.take("sloc_a", "iitem_1", 4) // a backordered line may take more than is free
    expect(batch.free("sloc_a", "iitem_1")).toBe(0)
    expect(batch.takenAt("sloc_a", "iitem_1")).toBe(6)
  })

  it("has nothing free of an item a location does not stock, and tells the two apart", () => {
    const batch = new ReservationBatch([{ id: "sloc_a", stock: { iitem_1: { stocked: 0, reserved: 0 } } }])
    expect(batch.free("sloc_a", "iitem_2")).toBe(0)
    expect(batch.free("sloc_unknown", "iitem_1")).toBe(0)
    expect(batch.stocks("sloc_a", "iitem_1")).toBe(true)
    expect(batch.stocks("sloc_a", "iitem_2")).toBe(false)
  })

  it("ignores a take of no units", () => {
    const batch = new ReservationBatch(locations)
    batch.take("sloc_a", "iitem_1", 0)
    batch.take("sloc_a", "iitem_1", -3)
    expect(batch.free("sloc_a", "iitem_1")).toBe(3)
  })
})
