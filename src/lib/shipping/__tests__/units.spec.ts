import fc from "fast-check"
import { formatWeight, fromCentimetres, fromGrams, toCentimetres, toGrams, up } from "../units"

describe("units", () => {
  it("use the exact international factors", () => {
    expect(toGrams(1, "lb")).toBe(454) // 453.59237 g, whole grams half up
    expect(toGrams(16, "oz")).toBe(454)
    expect(toGrams(1, "kg")).toBe(1000)
    expect(toGrams(100, "lb")).toBe(45_359) // 45 359.237 g
    expect(toCentimetres(1, "in")).toBe(2.54)
    expect(toCentimetres(125, "mm")).toBe(12.5)
  })

  it("round a weight or a size toward the carrier up, so a parcel is never declared smaller", () => {
    expect(fromGrams(1000, "kg")).toBe(1) // not 1.01: float noise is not a reason to round up
    expect(fromGrams(1001, "kg")).toBe(1.01)
    expect(fromGrams(850, "oz")).toBe(30) // 29.98 oz
    expect(fromGrams(454, "lb")).toBe(1.01) // 1.0009 lb
    expect(fromCentimetres(30, "in")).toBe(11.9) // 11.81 in
    expect(up(0.1 + 0.2, 1)).toBe(0.3)
  })

  it("never lose weight over a round trip through ounces or pounds", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 70_000 }), fc.constantFrom("oz" as const, "lb" as const, "kg" as const), (grams, unit) => {
        expect(toGrams(fromGrams(grams, unit), unit)).toBeGreaterThanOrEqual(grams)
      })
    )
  })

  it("print grams under a kilogram and kilograms from one", () => {
    expect(formatWeight(850)).toBe("850 g")
    expect(formatWeight(1000)).toBe("1 kg")
    expect(formatWeight(1250)).toBe("1.25 kg")
    expect(formatWeight(31_501)).toBe("31.51 kg")
  })
})
