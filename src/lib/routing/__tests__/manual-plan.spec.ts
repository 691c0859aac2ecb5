import { planFromHeldUnits } from "../manual-plan"

const lines = [
  { line_id: "li_1|mug", inventory_item_id: "mug", quantity: 2, unit_value: 10 },
  { line_id: "li_2|tee", inventory_item_id: "tee", quantity: 1, unit_value: 25 },
]
const candidates = [
  { id: "newark", name: "Newark DC", point: { lat: 40.7357, lng: -74.1724 } },
  { id: "reno", name: "Reno", point: { lat: 39.5296, lng: -119.8138 } },
]
const boston = { lat: 42.3601, lng: -71.0589 }

describe("planFromHeldUnits", () => {
  it("makes an order whose units were all moved to one place routed from there, with its distance", () => {
    const plan = planFromHeldUnits({
      lines,
      candidates,
      destination: boston,
      held: [
        { line_id: "li_1|mug", inventory_item_id: "mug", location_id: "reno", quantity: 2 },
        { line_id: "li_2|tee", inventory_item_id: "tee", location_id: "reno", quantity: 1 },
      ],
    })
    expect(plan.status).toBe("routed")
    expect(plan.unallocated).toEqual([])
    expect(plan.shipments).toHaveLength(1)
    expect(plan.shipments[0]).toMatchObject({ location_id: "reno", location_name: "Reno", value: 45 })
    expect(plan.shipments[0].distance_km).toBeGreaterThan(4000)
  })

  it("keeps units held nowhere as not placed, and says partially routed", () => {
    const plan = planFromHeldUnits({
      lines,
      candidates,
      held: [{ line_id: "li_1|mug", inventory_item_id: "mug", location_id: "newark", quantity: 1 }],
      names: {},
    })
    expect(plan.status).toBe("partially_routed")
    expect(plan.shipments[0]).toMatchObject({ location_id: "newark", distance_km: null, lines: [{ line_id: "li_1|mug", inventory_item_id: "mug", quantity: 1 }] })
    expect(plan.unallocated.map((u) => [u.line_id, u.quantity])).toEqual([
      ["li_1|mug", 1],
      ["li_2|tee", 1],
    ])
  })

  it("is held when nothing is reserved anywhere, and names unknown locations by the names given", () => {
    expect(planFromHeldUnits({ lines, held: [] }).status).toBe("held")
    const plan = planFromHeldUnits({
      lines: [lines[1]],
      held: [{ line_id: "li_2|tee", inventory_item_id: "tee", location_id: "sloc_x", quantity: 1 }],
      names: { sloc_x: "Overflow" },
    })
    expect(plan.shipments[0].location_name).toBe("Overflow")
  })
})
