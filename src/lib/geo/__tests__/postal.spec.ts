import { geocode, type Gazetteer } from "../geocode"
import { postalLookupKeys } from "../postal"

// Postal areas as GeoNames keys them: UK outward codes, Dutch 4-digit areas, full Portuguese codes.
const europe: Gazetteer = {
  GB: {
    centroid: { lat: 54, lng: -2 },
    postal_codes: { W1: { lat: 51.515, lng: -0.142 }, W11: { lat: 51.513, lng: -0.205 }, SW1A: { lat: 51.501, lng: -0.141 } },
  },
  NL: { centroid: { lat: 52.2, lng: 5.3 }, postal_codes: { "1012": { lat: 52.373, lng: 4.893 } } },
  PT: { centroid: { lat: 39.6, lng: -8 }, postal_codes: { "1100148": { lat: 38.708, lng: -9.136 } } },
  IE: { centroid: { lat: 53.2, lng: -7.6 }, postal_codes: { D01: { lat: 53.352, lng: -6.26 } } },
}

describe("postal codes outside North America", () => {
  it("reads a UK code by its outward part, so W1 1AA is never the W11 district", () => {
    expect(postalLookupKeys("GB", "W1 1AA")).toEqual(["W1", "W11AA"])
    expect(geocode({ country_code: "GB", postal_code: "W1 1AA" }, europe)?.point).toEqual({ lat: 51.515, lng: -0.142 })
    expect(geocode({ country_code: "GB", postal_code: "w11 2ed" }, europe)?.point).toEqual({ lat: 51.513, lng: -0.205 })
    expect(geocode({ country_code: "GB", postal_code: "SW1A 2AA" }, europe)?.precision).toBe("postal_code")
  })

  it("finds a Dutch area from a full code, a Portuguese code with its dash, an Eircode by its routing key", () => {
    expect(geocode({ country_code: "NL", postal_code: "1012 JS" }, europe)?.point).toEqual({ lat: 52.373, lng: 4.893 })
    expect(geocode({ country_code: "PT", postal_code: "1100-148" }, europe)?.precision).toBe("postal_code")
    expect(postalLookupKeys("IE", "D01 F5P2")).toEqual(["D01", "D01F5P2"])
    expect(geocode({ country_code: "IE", postal_code: "d01f5p2" }, europe)?.precision).toBe("postal_code")
  })

  it("says a code was not found only where the country has postal data", () => {
    expect(geocode({ country_code: "NL", postal_code: "9999 ZZ" }, europe)).toEqual({
      point: { lat: 52.2, lng: 5.3 },
      precision: "country",
      unmatched: ["postal_code"],
    })
    const noPostalData: Gazetteer = { DE: { centroid: { lat: 51, lng: 10 } } }
    expect(geocode({ country_code: "DE", postal_code: "80331" }, noPostalData)).toEqual({ point: { lat: 51, lng: 10 }, precision: "country" })
  })
})
