import { returnEligibility } from "../eligibility"
import { choosePolicy } from "../policy"
import { input, policy } from "./fixtures"

const us = { country_code: "us", region_id: "reg_na", sales_channel_id: "sc_web", currency_code: "usd" }

describe("choosing the policy by market", () => {
  const byCountry = policy({ id: "orpol_de", name: "Germany", priority: 10, market: { type: "country", in: ["DE"] } })
  const byRegion = policy({ id: "orpol_na", name: "North America", priority: 20, market: { type: "region", in: ["reg_na"] } })
  const byChannel = policy({ id: "orpol_b2b", name: "Wholesale", priority: 5, market: { type: "sales_channel", in: ["sc_b2b"] } })
  const everywhere = policy({ id: "orpol_all", name: "Everywhere", priority: 100, market: null })

  it("matches the country whatever its case", () => {
    expect(choosePolicy([everywhere, byCountry], { ...us, country_code: "de" })?.id).toBe("orpol_de")
  })

  it("matches the region id", () => {
    expect(choosePolicy([everywhere, byCountry, byRegion], us)?.id).toBe("orpol_na")
    expect(choosePolicy([everywhere, byRegion], { ...us, region_id: "reg_eu" })?.id).toBe("orpol_all")
    expect(choosePolicy([byRegion], { ...us, region_id: null })).toBeNull()
  })

  it("matches the sales channel", () => {
    expect(choosePolicy([everywhere, byRegion, byChannel], { ...us, sales_channel_id: "sc_b2b" })?.id).toBe("orpol_b2b")
    expect(choosePolicy([everywhere, byRegion, byChannel], us)?.id).toBe("orpol_na")
  })

  it("takes the first by priority when several match, whatever the list order", () => {
    const narrow = policy({ id: "orpol_narrow", priority: 1, market: { type: "all", conditions: [{ type: "country", in: ["US"] }, { type: "region", in: ["reg_na"] }] } })
    expect(choosePolicy([everywhere, byRegion, narrow], us)?.id).toBe("orpol_narrow")
    expect(choosePolicy([narrow, byRegion, everywhere].reverse(), us)?.id).toBe("orpol_narrow")
    // equal priorities: the id decides, so the answer never depends on the list order
    const a = policy({ id: "orpol_a", priority: 7 })
    const b = policy({ id: "orpol_b", priority: 7 })
    expect(choosePolicy([b, a], us)?.id).toBe("orpol_a")
    expect(choosePolicy([a, b], us)?.id).toBe("orpol_a")
  })

  it("skips an inactive policy", () => {
    const paused = policy({ id: "orpol_paused", priority: 1, active: false })
    expect(choosePolicy([paused, everywhere], us)?.id).toBe("orpol_all")
    expect(choosePolicy([paused], us)).toBeNull()
  })

  it("applies the chosen market's terms to the eligibility answer", () => {
    const strictEu = policy({ id: "orpol_eu", name: "EU", priority: 1, market: { type: "region", in: ["reg_eu"] } }, { window_days: 5 })
    const generous = policy({ id: "orpol_all", name: "Everywhere" }, { window_days: 60 })
    const eu = returnEligibility(input({ region_id: "reg_eu" }, [generous, strictEu]))
    expect(eu.policy).toEqual({ id: "orpol_eu", name: "EU" })
    expect(eu.lines[0].reason_code).toBe("window_closed") // delivered 9 days ago, 5-day window
    const elsewhere = returnEligibility(input({ region_id: "reg_us" }, [generous, strictEu]))
    expect(elsewhere.policy?.id).toBe("orpol_all")
    expect(elsewhere.lines[0].returnable_quantity).toBe(2)
  })
})
