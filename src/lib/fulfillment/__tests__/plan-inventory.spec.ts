import fc from "fast-check"
import { planFulfillmentInventory } from "../plan-inventory"
import type { FulfillmentLine, FulfillmentRequest, LineReservation } from "../types"

const NAMES = { newark: "Newark DC", reno: "Reno Fulfillment Center", rotterdam: "Rotterdam Hub" }

const tee: FulfillmentLine = {
  id: "ordli_tee",
  title: "Classic Tee",
  variant_title: "L",
  variant_sku: "TEE-L",
  manage_inventory: true,
  parts: [{ inventory_item_id: "iitem_tee", required_quantity: 1, sku: "TEE-L" }],
}

/** A desk kit: one desk top and four legs per unit of the line. */
const desk: FulfillmentLine = {
  id: "ordli_desk",
  title: "Desk kit",
  variant_title: "Oak",
  variant_sku: "DESK-KIT",
  manage_inventory: true,
  parts: [
    { inventory_item_id: "iitem_leg", required_quantity: 4, sku: "LEG" },
    { inventory_item_id: "iitem_top", required_quantity: 1, sku: "DESK-TOP" },
  ],
}

const held = (id: string, line: FulfillmentLine, inventory_item_id: string, location_id: string, quantity: number) =>
  ({ id, line_item_id: line.id, inventory_item_id, location_id, quantity }) as LineReservation

function request(
  lines: FulfillmentLine[],
  asked: { id: string; quantity: number }[],
  reservations: LineReservation[],
  location_id: string
): FulfillmentRequest {
  return { order: { id: "order_1", display_id: 7 }, lines, asked, reservations, location_id, location_names: NAMES }
}

const refusalOf = (r: ReturnType<typeof planFulfillmentInventory>) => {
  if (r.ok) throw new Error("expected a refusal")
  return r.refusal
}
const planOf = (r: ReturnType<typeof planFulfillmentInventory>) => {
  if (!r.ok) throw new Error(`expected a plan, got: ${r.refusal.message}`)
  return r.plan
}

describe("fulfilling a line held at one location", () => {
  it("takes the units from that location's reservation and stock", () => {
    const plan = planOf(
      planFulfillmentInventory(request([tee], [{ id: tee.id, quantity: 2 }], [held("res_1", tee, "iitem_tee", "newark", 2)], "newark"))
    )
    expect(plan).toEqual({
      location_id: "newark",
      toUpdate: [],
      toDelete: ["res_1"],
      inventoryAdjustment: [{ inventory_item_id: "iitem_tee", location_id: "newark", adjustment: -2 }],
      consumed: [{ line_item_id: tee.id, inventory_item_id: "iitem_tee", quantity: 2 }],
    })
  })

  it("leaves the rest of a partly fulfilled reservation reserved", () => {
    const plan = planOf(
      planFulfillmentInventory(request([tee], [{ id: tee.id, quantity: 1 }], [held("res_1", tee, "iitem_tee", "newark", 3)], "newark"))
    )
    expect(plan.toUpdate).toEqual([{ id: "res_1", quantity: 2 }])
    expect(plan.toDelete).toEqual([])
  })

  it("adds up several reservations of the line at the location, using them in id order", () => {
    const reservations = [held("res_b", tee, "iitem_tee", "newark", 4), held("res_a", tee, "iitem_tee", "newark", 3)]
    const plan = planOf(planFulfillmentInventory(request([tee], [{ id: tee.id, quantity: 6 }], reservations, "newark")))
    expect(plan.toDelete).toEqual(["res_a"])
    expect(plan.toUpdate).toEqual([{ id: "res_b", quantity: 1 }])
    expect(plan.inventoryAdjustment).toEqual([{ inventory_item_id: "iitem_tee", location_id: "newark", adjustment: -6 }])
  })

  it("takes nothing for a line whose variant does not manage inventory", () => {
    const gift = { ...tee, id: "ordli_gift", manage_inventory: false, parts: [] }
    const plan = planOf(planFulfillmentInventory(request([gift], [{ id: gift.id, quantity: 1 }], [], "newark")))
    expect(plan.consumed).toEqual([])
    expect(plan.inventoryAdjustment).toEqual([])
  })
})

describe("a line split across locations", () => {
  const split = [held("res_n", tee, "iitem_tee", "newark", 53), held("res_r", tee, "iitem_tee", "reno", 7)]

  it("takes only the fulfilling location's units and leaves the other reservation alone", () => {
    const plan = planOf(planFulfillmentInventory(request([tee], [{ id: tee.id, quantity: 7 }], split, "reno")))
    expect(plan.toDelete).toEqual(["res_r"])
    expect(plan.toUpdate).toEqual([])
    expect(plan.inventoryAdjustment).toEqual([{ inventory_item_id: "iitem_tee", location_id: "reno", adjustment: -7 }])
  })

  it("refuses more than the location holds with Medusa's sentence, then where the rest is", () => {
    const refusal = refusalOf(planFulfillmentInventory(request([tee], [{ id: tee.id, quantity: 10 }], split, "reno")))
    expect(refusal.reason).toBe("exceeds_reserved")
    expect(refusal.medusa).toBe("Quantity to fulfill exceeds the reserved quantity for the item: ordli_tee")
    expect(refusal.message).toBe(
      "Quantity to fulfill exceeds the reserved quantity for the item: ordli_tee. " +
        'Order #7, "Classic Tee" (TEE-L): reserved at Reno Fulfillment Center: 7; asked: 10. ' +
        "The rest is reserved at Newark DC: 53. " +
        "Fulfil at most 7 from Reno Fulfillment Center, the rest from where it is reserved."
    )
  })

  it("refuses a location the line is not reserved at as Medusa's closest case, naming where it is", () => {
    const refusal = refusalOf(planFulfillmentInventory(request([tee], [{ id: tee.id, quantity: 5 }], split, "rotterdam")))
    expect(refusal.reason).toBe("exceeds_reserved")
    expect(refusal.message).toBe(
      "Quantity to fulfill exceeds the reserved quantity for the item: ordli_tee. " +
        'Order #7, "Classic Tee" (TEE-L): reserved at Rotterdam Hub: 0; asked: 5. ' +
        "It is reserved at Newark DC and Reno Fulfillment Center, not at Rotterdam Hub. " +
        "Fulfil it from there, or re-route the order first."
    )
  })
})

describe("a line with nothing reserved", () => {
  it("is refused with Medusa's 'No stock reservation' sentence when it manages inventory", () => {
    const refusal = refusalOf(planFulfillmentInventory(request([tee], [{ id: tee.id, quantity: 2 }], [], "newark")))
    expect(refusal.reason).toBe("no_reservation")
    expect(refusal.medusa).toBe("No stock reservation found for item ordli_tee - Classic Tee (L)")
    expect(refusal.message).toBe(
      "No stock reservation found for item ordli_tee - Classic Tee (L). " +
        'Order #7, "Classic Tee" (TEE-L): nothing of it is reserved any more (already fulfilled, or never reserved); ' +
        "2 cannot be fulfilled from Newark DC."
    )
  })

  it("prints a missing variant title as Medusa does", () => {
    const bare = { ...tee, variant_title: null }
    expect(refusalOf(planFulfillmentInventory(request([bare], [{ id: bare.id, quantity: 1 }], [], "newark"))).medusa).toBe(
      "No stock reservation found for item ordli_tee - Classic Tee (null)"
    )
  })
})

describe("a kit (a variant made of several inventory items)", () => {
  const kit = (legs: number, tops: number, location = "newark") => [
    held("res_leg", desk, "iitem_leg", location, legs),
    held("res_top", desk, "iitem_top", location, tops),
  ]

  it("takes every part times its required quantity", () => {
    const plan = planOf(planFulfillmentInventory(request([desk], [{ id: desk.id, quantity: 1 }], kit(8, 2), "newark")))
    expect(plan.consumed).toEqual([
      { line_item_id: desk.id, inventory_item_id: "iitem_top", quantity: 1 },
      { line_item_id: desk.id, inventory_item_id: "iitem_leg", quantity: 4 },
    ])
    expect(plan.toUpdate).toEqual([
      { id: "res_top", quantity: 1 },
      { id: "res_leg", quantity: 4 },
    ])
  })

  it("counts what is reserved in units of the line, not of its parts", () => {
    // 5 legs and 2 tops cover 1 desk (4 legs each): asking 2 desks is 1 too many.
    const refusal = refusalOf(planFulfillmentInventory(request([desk], [{ id: desk.id, quantity: 2 }], kit(5, 2), "newark")))
    expect(refusal.message).toBe(
      "Quantity to fulfill exceeds the reserved quantity for the item: ordli_desk. " +
        'Order #7, "Desk kit" (DESK-KIT): reserved at Newark DC: 1; asked: 2. ' +
        "Parts reserved at Newark DC, in units of the line: DESK-TOP: 2, LEG: 1. " +
        "Fulfil at most 1 from Newark DC."
    )
  })

  it("names the parts in the same order whatever order the reservations and parts come in", () => {
    const reservations = kit(3, 0)
    const messages = new Set(
      [reservations, [...reservations].reverse()].flatMap((rs) =>
        [desk.parts, [...desk.parts].reverse()].map(
          (parts) =>
            refusalOf(planFulfillmentInventory(request([{ ...desk, parts }], [{ id: desk.id, quantity: 1 }], rs, "newark")))
              .message
        )
      )
    )
    expect([...messages]).toEqual([
      "Quantity to fulfill exceeds the reserved quantity for the item: ordli_desk. " +
        'Order #7, "Desk kit" (DESK-KIT): reserved at Newark DC: 0; asked: 1. ' +
        "Parts reserved at Newark DC, in units of the line: DESK-TOP: 0, LEG: 0. " +
        "Reserve the missing units, or re-route the order, first.",
    ])
  })

  it("refuses one unit of a line that needs 3 of an item when 2 are reserved (Medusa's own case)", () => {
    const triple: FulfillmentLine = {
      ...tee,
      id: "ordli_triple",
      parts: [{ inventory_item_id: "iitem_tee", required_quantity: 3, sku: "TEE-L" }],
    }
    const refusal = refusalOf(
      planFulfillmentInventory(
        request([triple], [{ id: triple.id, quantity: 1 }], [held("res_1", triple, "iitem_tee", "newark", 2)], "newark")
      )
    )
    expect(refusal.medusa).toBe("Quantity to fulfill exceeds the reserved quantity for the item: ordli_triple")
    expect(refusal.message).toContain("reserved at Newark DC: 0; asked: 1.")
  })
})

describe("several lines", () => {
  it("refuses at the first line of the request that cannot be fulfilled", () => {
    const other = { ...tee, id: "ordli_other", title: "Other tee" }
    const r = request([tee, other], [{ id: other.id, quantity: 1 }, { id: tee.id, quantity: 1 }], [], "newark")
    expect(refusalOf(planFulfillmentInventory(r)).line_item_id).toBe("ordli_other")
  })

  it("lowers the stock of an item two lines share once, by both lines' units", () => {
    const other = { ...tee, id: "ordli_other" }
    const reservations = [held("res_1", tee, "iitem_tee", "newark", 2), held("res_2", other, "iitem_tee", "newark", 3)]
    const asked = [{ id: tee.id, quantity: 2 }, { id: other.id, quantity: 1 }]
    const plan = planOf(planFulfillmentInventory(request([tee, other], asked, reservations, "newark")))
    expect(plan.inventoryAdjustment).toEqual([{ inventory_item_id: "iitem_tee", location_id: "newark", adjustment: -3 }])
    expect(plan.toDelete).toEqual(["res_1"])
    expect(plan.toUpdate).toEqual([{ id: "res_2", quantity: 2 }])
  })

  it("takes the later quantity of a line asked twice, as Medusa does", () => {
    const asked = [{ id: tee.id, quantity: 5 }, { id: tee.id, quantity: 1 }]
    const plan = planOf(planFulfillmentInventory(request([tee], asked, [held("res_1", tee, "iitem_tee", "newark", 2)], "newark")))
    expect(plan.consumed).toEqual([{ line_item_id: tee.id, inventory_item_id: "iitem_tee", quantity: 1 }])
  })
})

describe("whatever is reserved where", () => {
  const locations = ["newark", "reno", "rotterdam"] as const
  const arbitrary = fc.record({
    reserved: fc.array(fc.record({ location: fc.constantFrom(...locations), quantity: fc.integer({ min: 1, max: 20 }) }), {
      maxLength: 5,
    }),
    at: fc.constantFrom(...locations),
    asked: fc.integer({ min: 1, max: 30 }),
  })

  it("either takes exactly the asked units from the location's own reservations or refuses", () => {
    fc.assert(
      fc.property(arbitrary, ({ reserved, at, asked }) => {
        const reservations = reserved.map((r, i) => held(`res_${i}`, tee, "iitem_tee", r.location, r.quantity))
        const here = reservations.filter((r) => r.location_id === at)
        const heldHere = here.reduce((s, r) => s + r.quantity, 0)
        const result = planFulfillmentInventory(request([tee], [{ id: tee.id, quantity: asked }], reservations, at))
        if (!result.ok) {
          expect(reservations.length === 0 || heldHere < asked).toBe(true)
          return
        }
        expect(heldHere).toBeGreaterThanOrEqual(asked)
        const touched = [...result.plan.toDelete, ...result.plan.toUpdate.map((u) => u.id)]
        expect(touched.every((id) => here.some((r) => r.id === id))).toBe(true)
        const before = here.filter((r) => touched.includes(r.id)).reduce((s, r) => s + r.quantity, 0)
        const after = result.plan.toUpdate.reduce((s, u) => s + u.quantity, 0)
        expect(before - after).toBe(asked)
        expect(result.plan.inventoryAdjustment).toEqual([{ inventory_item_id: "iitem_tee", location_id: at, adjustment: -asked }])
      })
    )
  })
})
