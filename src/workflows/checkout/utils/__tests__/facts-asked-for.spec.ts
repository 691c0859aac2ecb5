import { defaultRuleSet, RuleSet } from "../../../../lib/routing"
import { conditionTypes } from "../../../../lib/rules"
import { factsAskedFor } from "../checkout-routing-context"

const withRules = (rules: RuleSet["rules"]): RuleSet => ({ ...defaultRuleSet(), rules })

describe("the facts a rule set asks checkout for", () => {
  it("asks for none with the default rule set: checkout reads no groups, types or tags", () => {
    expect(factsAskedFor(defaultRuleSet())).toEqual({ customer_groups: false, product_facts: false })
  })

  it("asks for customer groups when any rule tests them, however deep the test is", () => {
    const asked = factsAskedFor(
      withRules([
        { kind: "filter", type: "serves_market" },
        {
          kind: "rank",
          type: "priority",
          condition: { type: "all", conditions: [{ type: "country", in: ["US"] }, { type: "not", condition: { type: "customer_group", any_of: ["cg_vip"] } }] },
        },
      ])
    )
    expect(asked).toEqual({ customer_groups: true, product_facts: false })
  })

  it("asks for the products' facts when a rule tests a type or a tag", () => {
    expect(factsAskedFor(withRules([{ kind: "rank", type: "distance", condition: { type: "product_tag", any_of: ["fragile"] } }]))).toEqual({
      customer_groups: false,
      product_facts: true,
    })
    expect(
      factsAskedFor(withRules([{ kind: "rank", type: "distance", condition: { type: "any", conditions: [{ type: "product_type", any_of: ["Mugs"] }] } }]))
    ).toEqual({ customer_groups: false, product_facts: true })
  })

  it("lists every test type a condition uses", () => {
    expect([
      ...conditionTypes({
        type: "any",
        conditions: [{ type: "order_value", min: 10 }, { type: "not", condition: { type: "all", conditions: [{ type: "shipping_profile", any_of: ["sp"] }] } }],
      }),
    ].sort()).toEqual(["all", "any", "not", "order_value", "shipping_profile"])
  })
})
