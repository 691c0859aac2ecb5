import fc from "fast-check"
import type { OrderFacts } from "../../rules"
import type { Rate } from "../contract"
import { ratePolicySchema, shipmentFacts, shopRates, type RatePolicy } from "../rate-shopping"

const rate = (provider: string, service_name: string, amount: number, days: number | null, over: Partial<Rate> = {}): Rate => ({
  carrier: "easypost",
  rate_id: null,
  carrier_shipment_id: null,
  provider,
  service_code: service_name.toLowerCase().replace(/\s+/g, "_"),
  service_name,
  amount,
  currency_code: "EUR",
  days,
  ...over,
})

const dhl = rate("DHL Express", "Worldwide", 24.1, 1)
const ups = rate("UPS", "Saver", 18.4, 2)
const usps = rate("USPS", "Priority", 12.75, 3)
const gls = rate("GLS", "Business Parcel", 9.9, 5)
const postnl = rate("PostNL", "Standard", 11.5, 2, { carrier: "sendcloud" })
const rates = [dhl, ups, usps, gls, postnl]

const facts = (over: Partial<OrderFacts> = {}): OrderFacts => ({
  destination: { country_code: "DE", postal_code: "10117" },
  value: 120,
  currency_code: "eur",
  shipping_option_ids: ["so_standard"],
  product_tags: ["Fragile"],
  weight_g: 1800,
  parcel_count: 1,
  ...over,
})

const shop = (policy: RatePolicy, list = rates, f = facts()) => shopRates(policy, list, f)

describe("rate shopping: strategies", () => {
  it("picks the cheapest rate when the policy says nothing", () => {
    const { winner, trace } = shop({ rules: [] })
    expect(winner).toBe(gls)
    expect(trace.decision).toBe("GLS Business Parcel won: cheapest of 5 (9.90 EUR, 5 days).")
    expect(trace.decided_by).toBeNull()
  })

  it("picks the fastest", () => {
    const { winner, trace } = shop({ rules: [{ pick: "fastest" }] })
    expect(winner).toBe(dhl)
    expect(trace.decision).toBe("DHL Express Worldwide won: fastest of 5 (24.10 EUR, 1 day).")
    expect(trace.decided_by).toBe("rule 1")
  })

  it("picks the best value: the cheapest of the rates arriving in time", () => {
    const { winner, trace } = shop({ rules: [{ pick: "best_value", within_days: 2 }] })
    expect(winner).toBe(postnl)
    expect(trace.decision).toBe("PostNL Standard won: cheapest of 3 arriving within 2 days (11.50 EUR, 2 days).")
  })

  it("says it in the words of the issue: DHL Express won: cheapest of 4 arriving within 2 days", () => {
    const express = [rate("DHL Express", "DHL Express", 14, 1), rate("UPS", "Express", 19, 1), rate("FedEx", "Priority", 21, 2), rate("GLS", "Express", 16, 2), rate("DPD", "Classic", 7, 4)]
    expect(shop({ rules: [{ pick: "best_value", within_days: 2 }] }, express).trace.decision).toBe(
      "DHL Express won: cheapest of 4 arriving within 2 days (14.00 EUR, 1 day)."
    )
  })

  it("leaves rates without a promised transit time out of a time limit, and ranks them last for fastest", () => {
    const unknown = rate("Local Courier", "Same Week", 3, null)
    expect(shop({ rules: [{ pick: "best_value", within_days: 5 }] }, [unknown, gls]).winner).toBe(gls)
    expect(shop({ rules: [{ pick: "fastest" }] }, [unknown, gls]).winner).toBe(gls)
    expect(shop({ rules: [] }, [unknown, gls]).trace.decision).toBe("Local Courier Same Week won: cheapest of 2 (3.00 EUR, no promised transit time).")
  })
})

describe("rate shopping: conditions and preferred carriers", () => {
  const policy: RatePolicy = {
    rules: [
      { name: "Heavy goes by DHL", when: { type: "weight", min: 10_000 }, only: { providers: ["DHL Express"] }, pick: "cheapest" },
      { name: "Fragile by UPS", when: { type: "product_tag", any_of: ["fragile"] }, only: { providers: ["ups"] }, pick: "cheapest" },
      { pick: "best_value", within_days: 3 },
    ],
  }

  it("uses the first rule whose condition holds, and traces the ones that did not", () => {
    const { winner, trace } = shop(policy)
    expect(winner).toBe(ups)
    expect(trace.decided_by).toBe('rule 2 "Fragile by UPS"')
    expect(trace.decision).toBe("UPS Saver won: cheapest of 1 from ups, as a product tag is fragile (18.40 EUR, 2 days).")
    expect(trace.steps.map((s) => [s.rule, s.applied, s.candidates])).toEqual([
      ['rule 1 "Heavy goes by DHL"', false, 0],
      ['rule 2 "Fragile by UPS"', true, 1],
    ])
    expect(trace.steps[0].sentence).toBe('rule 1 "Heavy goes by DHL": Does not apply: the shipment weight is at least 10000 g (the order has 1800 g).')
  })

  it("prefers a carrier when the shipment is heavy", () => {
    expect(shop(policy, rates, facts({ weight_g: 12_000 })).winner).toBe(dhl)
  })

  it("falls through to the next rule when the preferred carrier has no rate", () => {
    const { winner, trace } = shop(policy, [dhl, usps, gls, postnl])
    expect(winner).toBe(postnl)
    expect(trace.steps[1].sentence).toBe('rule 2 "Fragile by UPS" applies, but none of the 4 rates is from ups; the next rule decides.')
    expect(trace.decision).toBe("PostNL Standard won: cheapest of 3 arriving within 3 days (11.50 EUR, 2 days).")
  })

  it("prefers by carrier account, service code, destination, value, parcels and shipping option", () => {
    const byCarrier = shop({ rules: [{ only: { carriers: ["sendcloud"] }, pick: "cheapest" }] })
    expect(byCarrier.winner).toBe(postnl)
    expect(byCarrier.trace.decision).toBe("PostNL Standard won: cheapest of 1 from Sendcloud (11.50 EUR, 2 days).")
    expect(shop({ rules: [{ only: { service_codes: ["priority"] }, pick: "cheapest" }] }).winner).toBe(usps)
    const when = (condition: RatePolicy["rules"][number]["when"]) => shop({ rules: [{ when: condition, pick: "fastest" }] }).winner
    expect(when({ type: "country", in: ["DE", "AT"] })).toBe(dhl)
    expect(when({ type: "country", in: ["US"] })).toBe(gls)
    expect(when({ type: "order_value", min: 100 })).toBe(dhl)
    expect(when({ type: "parcel_count", min: 2 })).toBe(gls)
    expect(when({ type: "shipping_option", in: ["so_express"] })).toBe(gls)
    expect(when({ type: "all", conditions: [{ type: "shipping_option", in: ["so_standard"] }, { type: "weight", max: 2000 }] })).toBe(dhl)
  })

  it("reads weight and parcel count from the packed parcels", () => {
    const parcels = [{ weight_g: 6000, length_cm: 40, width_cm: 30, height_cm: 30 }, { weight_g: 5000, length_cm: 40, width_cm: 30, height_cm: 20 }]
    const packed = shipmentFacts(facts({ weight_g: undefined, parcel_count: undefined }), parcels)
    expect(packed).toMatchObject({ weight_g: 11_000, parcel_count: 2 })
    const heavy: RatePolicy = { rules: [{ when: { type: "all", conditions: [{ type: "weight", min: 10_000 }, { type: "parcel_count", min: 2 }] }, pick: "fastest" }] }
    expect(shop(heavy, rates, packed).winner).toBe(dhl)
  })

  it("never matches a weight condition before the order is packed", () => {
    expect(shop({ rules: [{ when: { type: "weight", max: 5000 }, pick: "fastest" }] }, rates, facts({ weight_g: null })).winner).toBe(gls)
  })
})

describe("rate shopping: ties", () => {
  it("breaks a price tie by transit days, and says so", () => {
    const slow = rate("Hermes", "Paket", 9.9, 4)
    const { winner, trace } = shop({ rules: [] }, [gls, slow])
    expect(winner).toBe(slow)
    expect(trace.decision).toBe("Hermes Paket won: cheapest of 2 (9.90 EUR, 4 days); tied with GLS Business Parcel at 9.90 EUR; the faster one won (4 days against 5 days).")
  })

  it("breaks a days tie for fastest by price", () => {
    const { winner, trace } = shop({ rules: [{ pick: "fastest" }] }, [ups, postnl])
    expect(winner).toBe(postnl)
    expect(trace.decision).toContain("tied with UPS Saver at 2 days; the cheaper one won (11.50 EUR against 18.40 EUR)")
  })

  it("breaks a full tie by name, whatever order the carriers answered in", () => {
    const a = rate("Alpha Post", "Parcel", 8, 2)
    const b = rate("Beta Post", "Parcel", 8, 2)
    for (const list of [[a, b], [b, a]]) {
      const { winner, trace } = shop({ rules: [] }, list)
      expect(winner).toBe(a)
      expect(trace.decision).toBe("Alpha Post Parcel won: cheapest of 2 (8.00 EUR, 2 days); tied with Beta Post Parcel at 8.00 EUR and 2 days; the first by name won.")
    }
  })

  it("always picks a rate no dearer (cheapest) or slower (fastest) than any other, in any order", () => {
    const arbitrary = fc.array(fc.record({ amount: fc.integer({ min: 0, max: 5000 }), days: fc.option(fc.integer({ min: 0, max: 9 })), name: fc.constantFrom("A", "B", "C") }), { minLength: 1, maxLength: 8 })
    fc.assert(
      fc.property(arbitrary, (specs) => {
        const list = specs.map((s, i) => rate(s.name, `S${i}`, s.amount / 100, s.days))
        const cheapest = shop({ rules: [] }, list).winner!
        const fastest = shop({ rules: [{ pick: "fastest" }] }, list).winner!
        expect(list.every((r) => cheapest.amount <= r.amount)).toBe(true)
        expect(list.every((r) => (fastest.days ?? Infinity) <= (r.days ?? Infinity))).toBe(true)
        expect(shop({ rules: [] }, [...list].reverse()).winner).toBe(cheapest)
      })
    )
  })
})

describe("rate shopping: what cannot be compared", () => {
  it("compares only rates in the order's currency and notes the rest", () => {
    const dollars = rate("USPS", "Ground Advantage", 5, 4, { currency_code: "USD" })
    const { winner, trace } = shop({ rules: [] }, [dollars, ups, usps])
    expect(winner).toBe(usps)
    expect(trace.notes).toEqual(["1 rates in USD were left out: only rates in EUR can be compared (the order's currency)."])
  })

  it("has no winner without rates, and says so", () => {
    expect(shop({ rules: [{ pick: "fastest" }] }, [])).toEqual({
      winner: null,
      trace: { steps: [], decided_by: null, decision: "No rate to choose from: the carriers quoted nothing usable for this shipment.", notes: [] },
    })
  })
})

describe("rate policy schema", () => {
  it("accepts a policy written in the shared condition language", () => {
    const policy = { rules: [{ name: "DE express", when: { type: "all", conditions: [{ type: "country", in: ["DE"] }, { type: "weight", max: 2000 }] }, only: { carriers: ["easypost"], providers: ["DHL Express"] }, pick: "cheapest" }] }
    expect(ratePolicySchema.parse(policy)).toEqual(policy)
  })

  it("names the field a person must fix", () => {
    const issue = (policy: unknown) => {
      const { error } = ratePolicySchema.safeParse(policy)
      return error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`)
    }
    expect(issue({ rules: [{ pick: "best_value" }] })).toEqual(["rules.0.within_days: best_value needs within_days: the number of transit days a rate must arrive within"])
    expect(issue({ rules: [{ pick: "cheapest", only: {} }] })).toEqual(["rules.0.only.carriers: name carriers, providers or service_codes"])
    expect(issue({ rules: [{ pick: "cheapest", when: { type: "weight" } }] })).toEqual(["rules.0.when.min: give min, max or both"])
    expect(issue({ rules: [{ pick: "cheapest", only: { carriers: ["dhl"] } }] })[0]).toMatch(/^rules\.0\.only\.carriers\.0: /)
  })
})
