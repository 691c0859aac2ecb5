import type { Rate } from "../contract"
import { byCheapest, explainCheapest } from "../rate-order"

const rate = (service_code: string, amount: number, days: number | null): Rate => ({
  carrier: "offline",
  rate_id: null,
  carrier_shipment_id: null,
  provider: "Offline carrier",
  service_code,
  service_name: `Offline ${service_code}`,
  amount,
  currency_code: "EUR",
  days,
})

describe("rate order and its explanation", () => {
  it("puts the cheapest first and says why it won", () => {
    const sorted = byCheapest([rate("express", 8.9, 1), rate("economy", 3.9, 3), rate("standard", 4.9, 2)])
    expect(sorted.map((r) => r.service_code)).toEqual(["economy", "standard", "express"])
    expect(explainCheapest(sorted)).toBe("Offline economy won: cheapest of 3 quotes (EUR 3.90, arrives in 3 days)")
  })

  it("breaks a price tie by speed, unknown transit last, then by service code", () => {
    expect(byCheapest([rate("b", 5, null), rate("a", 5, 2), rate("c", 5, 1)]).map((r) => r.service_code)).toEqual(["c", "a", "b"])
    expect(explainCheapest(byCheapest([rate("slow", 5, 4), rate("fast", 5, 1)]))).toBe(
      "Offline fast won: cheapest of 2 quotes (EUR 5.00, arrives in 1 day); tied on price with Offline slow, it is faster"
    )
    expect(explainCheapest(byCheapest([rate("b", 5, 2), rate("a", 5, 2)]))).toMatch(/tied on price with Offline b, it is first by service code$/)
  })

  it("names a lone quote as such, and says nothing without quotes", () => {
    expect(explainCheapest([rate("economy", 3.9, null)])).toBe("Offline economy won: the only quote (EUR 3.90)")
    expect(explainCheapest([])).toBeNull()
  })
})
