import { marketCondition, marketLists } from "../market-lists"

describe("a policy's market as lists", () => {
  it("is every market (null) without lists, the one condition for one list, all of them for several", () => {
    expect(marketCondition({ countries: [], regions: [], sales_channels: [] })).toBeNull()
    expect(marketCondition({ countries: [" us", "ca "], regions: [], sales_channels: [] })).toEqual({ type: "country", in: ["US", "CA"] })
    expect(marketCondition({ countries: ["nl"], regions: ["reg_eu"], sales_channels: ["sc_web"] })).toEqual({
      type: "all",
      conditions: [
        { type: "country", in: ["NL"] },
        { type: "region", in: ["reg_eu"] },
        { type: "sales_channel", in: ["sc_web"] },
      ],
    })
  })

  it("reads back what it writes", () => {
    const lists = { countries: ["GB"], regions: ["reg_uk"], sales_channels: [] }
    expect(marketLists(marketCondition(lists))).toEqual(lists)
    expect(marketLists(null)).toEqual({ countries: [], regions: [], sales_channels: [] })
  })

  it("is null for a market written otherwise, which the editor keeps untouched", () => {
    expect(marketLists({ type: "not", condition: { type: "country", in: ["US"] } })).toBeNull()
    expect(marketLists({ type: "any", conditions: [{ type: "country", in: ["US"] }] })).toBeNull()
    expect(marketLists({ type: "all", conditions: [{ type: "country", in: ["US"] }, { type: "country", in: ["CA"] }] })).toBeNull()
    expect(marketLists({ type: "product_tag", any_of: ["sale"] })).toBeNull()
  })
})
