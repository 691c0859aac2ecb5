import { conditionSchema, describe as describeCondition, evaluate, explain, type OrderFacts } from ".."

const packed = (over: Partial<OrderFacts> = {}): OrderFacts => ({
  destination: { country_code: "DE" },
  value: 80,
  currency_code: "eur",
  weight_g: 2400,
  parcel_count: 2,
  ...over,
})

describe("shipment conditions (rate shopping)", () => {
  it("test the shipment's weight in grams and its parcels, bounds inclusive", () => {
    expect(evaluate({ type: "weight", max: 2400 }, packed())).toBe(true)
    expect(evaluate({ type: "weight", min: 2401 }, packed())).toBe(false)
    expect(evaluate({ type: "weight", min: 1000, max: 5000 }, packed())).toBe(true)
    expect(evaluate({ type: "parcel_count", min: 2 }, packed())).toBe(true)
    expect(evaluate({ type: "parcel_count", max: 1 }, packed())).toBe(false)
  })

  it("never hold for an order that is not packed yet, as a missing fact never satisfies a test", () => {
    const unpacked = packed({ weight_g: undefined, parcel_count: null })
    expect(evaluate({ type: "weight", max: 100_000 }, unpacked)).toBe(false)
    expect(evaluate({ type: "parcel_count", min: 0 }, unpacked)).toBe(false)
    expect(explain({ type: "weight", max: 2000 }, unpacked)).toBe("Does not apply: the shipment weight is at most 2000 g (the order has no weight yet).")
  })

  it("are said in a sentence with what the shipment has", () => {
    expect(describeCondition({ type: "weight", min: 500, max: 2000 })).toBe("the shipment weight is between 500 g and 2000 g")
    expect(explain({ type: "parcel_count", min: 2 }, packed())).toBe("Applies: the number of parcels is at least 2 (the order has 2).")
    expect(describeCondition({ type: "all", conditions: [{ type: "country", in: ["DE"] }, { type: "weight", max: 2000 }] })).toBe(
      "the destination country is DE and the shipment weight is at most 2000 g"
    )
  })

  it("are validated like the other conditions, naming the field", () => {
    expect(conditionSchema.safeParse({ type: "weight", min: 10 }).success).toBe(true)
    const reversed = conditionSchema.safeParse({ type: "weight", min: 10, max: 5 })
    expect(reversed.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["max", "min must not exceed max"]])
    expect(conditionSchema.safeParse({ type: "parcel_count", min: 1.5 }).success).toBe(false)
  })
})
