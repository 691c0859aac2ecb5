import { conditionSchema, describe as describeCondition, evaluate, explain, type OrderFacts } from ".."

const order = (over: Partial<OrderFacts> = {}): OrderFacts => ({
  destination: { country_code: "us", province: "us-ca", postal_code: "94103-1234", city: "San Francisco" },
  value: 120,
  currency_code: "usd",
  sales_channel_id: "sc_web",
  shipping_option_ids: ["so_express"],
  product_tags: ["Fragile"],
  product_types: ["Mugs"],
  shipping_profiles: ["sp_default"],
  customer_group_ids: ["cg_vip"],
  ...over,
})

describe("conditions", () => {
  it("match the destination whichever way the address writes it", () => {
    expect(evaluate({ type: "country", in: ["US", "CA"] }, order())).toBe(true)
    expect(evaluate({ type: "province", in: ["CA"] }, order())).toBe(true)
    expect(evaluate({ type: "province", in: ["us-ca"] }, order())).toBe(true)
    expect(evaluate({ type: "postal_prefix", in: ["941"] }, order())).toBe(true)
    expect(evaluate({ type: "postal_prefix", in: ["10"] }, order())).toBe(false)
  })

  it("test channel, shipping option, tags, types, profiles and customer groups", () => {
    expect(evaluate({ type: "sales_channel", in: ["sc_web"] }, order())).toBe(true)
    expect(evaluate({ type: "shipping_option", in: ["so_standard"] }, order())).toBe(false)
    expect(evaluate({ type: "product_tag", any_of: ["fragile", "heavy"] }, order())).toBe(true)
    expect(evaluate({ type: "product_type", any_of: ["Shirts"] }, order())).toBe(false)
    expect(evaluate({ type: "shipping_profile", any_of: ["sp_default"] }, order())).toBe(true)
    expect(evaluate({ type: "customer_group", any_of: ["cg_wholesale"] }, order())).toBe(false)
  })

  it("take order value bounds as inclusive major units", () => {
    expect(evaluate({ type: "order_value", min: 120 }, order())).toBe(true)
    expect(evaluate({ type: "order_value", max: 119.99 }, order())).toBe(false)
    expect(evaluate({ type: "order_value", min: 50, max: 120 }, order())).toBe(true)
  })

  it("combine with all, any and not", () => {
    const gbOrCheap = { type: "any" as const, conditions: [{ type: "country" as const, in: ["GB"] }, { type: "order_value" as const, max: 10 }] }
    expect(evaluate(gbOrCheap, order())).toBe(false)
    expect(evaluate({ type: "not", condition: gbOrCheap }, order())).toBe(true)
    expect(evaluate({ type: "all", conditions: [] }, order())).toBe(true)
    expect(evaluate({ type: "any", conditions: [] }, order())).toBe(false)
  })

  it("never match facts the order does not have", () => {
    const bare = order({ destination: { country_code: "US" }, sales_channel_id: null, product_tags: undefined })
    expect(evaluate({ type: "province", in: ["CA"] }, bare)).toBe(false)
    expect(evaluate({ type: "postal_prefix", in: ["9"] }, bare)).toBe(false)
    expect(evaluate({ type: "sales_channel", in: ["sc_web"] }, bare)).toBe(false)
    expect(evaluate({ type: "product_tag", any_of: ["Fragile"] }, bare)).toBe(false)
  })

  it("explain themselves in a sentence with what the order has", () => {
    expect(explain({ type: "country", in: ["GB", "IE"] }, order())).toBe(
      "Does not apply: the destination country is one of GB, IE (the order has US)."
    )
    expect(describeCondition({ type: "all", conditions: [{ type: "order_value", min: 50 }, { type: "customer_group", any_of: ["cg_vip"] }] })).toBe(
      "the order value is at least 50 and the customer group is cg_vip"
    )
  })
})

describe("condition schema", () => {
  it("accepts nested conditions and rejects bad fields by name", () => {
    expect(conditionSchema.safeParse({ type: "not", condition: { type: "any", conditions: [{ type: "country", in: ["US"] }] } }).success).toBe(true)
    const result = conditionSchema.safeParse({
      type: "all",
      conditions: [{ type: "country", in: [] }, { type: "order_value", min: 5, max: 2 }, { type: "colour", in: ["red"] }],
    })
    expect(result.success).toBe(false)
    const paths = result.error!.issues.map((i) => i.path.join("."))
    expect(paths).toEqual(["conditions.0.in", "conditions.1.max", "conditions.2.type"])
  })

  it("round-trips through JSON unchanged", () => {
    const c = { type: "any", conditions: [{ type: "postal_prefix", in: ["SW1"] }, { type: "order_value", min: 1 }] }
    expect(conditionSchema.parse(JSON.parse(JSON.stringify(c)))).toEqual(c)
  })
})
