import { conditionSchema, describe as describeCondition, evaluate, explain, type OrderFacts } from ".."

const facts = (over: Partial<OrderFacts> = {}): OrderFacts => ({
  destination: { country_code: "de" },
  value: 50,
  currency_code: "eur",
  region_id: "reg_eu",
  sales_channel_id: "sc_web",
  ...over,
})

describe("the region condition", () => {
  it("holds when the order's region id is listed, exactly", () => {
    expect(evaluate({ type: "region", in: ["reg_us", "reg_eu"] }, facts())).toBe(true)
    expect(evaluate({ type: "region", in: ["reg_us"] }, facts())).toBe(false)
    expect(evaluate({ type: "region", in: ["REG_EU"] }, facts())).toBe(false)
  })

  it("never holds without a region, and its negation does", () => {
    expect(evaluate({ type: "region", in: ["reg_eu"] }, facts({ region_id: null }))).toBe(false)
    expect(evaluate({ type: "region", in: ["reg_eu"] }, facts({ region_id: undefined }))).toBe(false)
    expect(evaluate({ type: "not", condition: { type: "region", in: ["reg_eu"] } }, facts({ region_id: null }))).toBe(true)
  })

  it("is described and explained with what the order has", () => {
    expect(describeCondition({ type: "region", in: ["reg_us", "reg_eu"] })).toBe("the region is one of reg_us, reg_eu")
    expect(explain({ type: "region", in: ["reg_us"] }, facts())).toBe("Does not apply: the region is reg_us (the order has reg_eu).")
    expect(explain({ type: "region", in: ["reg_us"] }, facts({ region_id: null }))).toBe("Does not apply: the region is reg_us (the order has no region).")
  })

  it("is accepted by the schema with a non-empty list", () => {
    expect(conditionSchema.safeParse({ type: "region", in: ["reg_eu"] }).success).toBe(true)
    expect(conditionSchema.safeParse({ type: "region", in: [] }).success).toBe(false)
    expect(conditionSchema.safeParse({ type: "region", any_of: ["reg_eu"] }).success).toBe(false)
  })
})
