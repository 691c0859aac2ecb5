import { customsLines, customsNeeded, normalizeHsCode, type CustomsItem } from "../customs"

const shirt = (over: Partial<CustomsItem> = {}): CustomsItem => ({
  title: "Linen Shirt",
  variant_title: "M",
  sku: "SHIRT-M",
  quantity: 2,
  unit_price: 39.9,
  currency_code: "eur",
  weight: 250,
  hs_code: "6205.90.10",
  origin_country: "pt",
  ...over,
})

describe("customs", () => {
  it("is needed across a border, except between two EU member states", () => {
    expect(customsNeeded("DE", "DE")).toBe(false)
    expect(customsNeeded("DE", "FR")).toBe(false)
    expect(customsNeeded("de", "gb")).toBe(true) // the United Kingdom left the customs union
    expect(customsNeeded("NL", "CH")).toBe(true)
    expect(customsNeeded("NO", "SE")).toBe(true)
    expect(customsNeeded("US", "CA")).toBe(true)
  })

  it("declares each line with its units' value and weight, HS code digits and origin", () => {
    expect(customsLines([shirt(), shirt({ title: "Mug", variant_title: null, sku: "MUG", quantity: 1, unit_price: 12, weight: 410, hs_code: "691200", origin_country: "DE" })], { from_country: "DE", to_country: "US" })).toEqual({
      needed: true,
      ok: true,
      lines: [
        { description: "Linen Shirt / M", quantity: 2, value: 79.8, currency_code: "EUR", weight_g: 500, hs_code: "62059010", origin_country: "PT" },
        { description: "Mug", quantity: 1, value: 12, currency_code: "EUR", weight_g: 410, hs_code: "691200", origin_country: "DE" },
      ],
    })
  })

  it("declares nothing inside the EU", () => {
    expect(customsLines([shirt({ hs_code: null })], { from_country: "DE", to_country: "AT" })).toEqual({ needed: false, lines: null })
  })

  it("names each product whose HS code, origin or weight is missing", () => {
    const result = customsLines(
      [shirt({ hs_code: null }), shirt({ title: "Mug", variant_title: null, sku: null, origin_country: "", weight: null }), shirt({ sku: "SHIRT-L", hs_code: "61" })],
      { from_country: "DE", to_country: "gb" }
    )
    expect(result).toEqual({
      needed: true,
      ok: false,
      problems: [
        '"Linen Shirt / M" (SKU SHIRT-M) needs an HS code for the customs declaration to GB: add it to the variant or its product.',
        '"Mug" needs a country of origin and a weight for the customs declaration to GB: add it to the variant or its product.',
        '"Linen Shirt / M" (SKU SHIRT-L) needs a valid HS code (6 to 10 digits, "61" is not) for the customs declaration to GB: add it to the variant or its product.',
      ],
    })
  })

  it("weighs in the store's unit", () => {
    const result = customsLines([shirt({ weight: 0.25 })], { from_country: "US", to_country: "MX" }, "kg")
    expect(result.needed && result.ok && result.lines[0].weight_g).toBe(500)
  })

  it("reads HS codes as people write them", () => {
    expect(normalizeHsCode("6109.10 00")).toBe("61091000")
    expect(normalizeHsCode("6109")).toBeNull()
    expect(normalizeHsCode("HS6109")).toBeNull()
  })
})
