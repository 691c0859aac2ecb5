import { geocodeAddress } from "../bundled"
import { haversineKm } from "../distance"
import { foldPlaceName } from "../fold"
import { countryNameData } from "../names/countries"
import { parseCountryNames } from "../names/parse"
import { addresses } from "./european-addresses"

// Before the bundled European names, the native spellings among these fell back to the
// country's centre (München, Torino, 's-Gravenhage, Bruxelles, Αθήνα...).
describe("European addresses in their native spelling (bundled data)", () => {
  it("covers the large cities of at least 15 countries with 60+ addresses", () => {
    expect(addresses.length).toBeGreaterThanOrEqual(60)
    expect(new Set(addresses.map((a) => a[0])).size).toBeGreaterThanOrEqual(15)
  })

  it.each(addresses)("%s %s (%s, %s) is placed within 15 km", (country, city, postal, _street, lat, lng) => {
    const found = geocodeAddress({ country_code: country, city, postal_code: postal })
    expect(found?.precision).toBe("city")
    expect(haversineKm(found!.point, { lat, lng })).toBeLessThan(15)
  })

  it("ignores case, accents and punctuation, and the district or postal code typed into the city", () => {
    const munich = { lat: 48.1374, lng: 11.5755 }
    for (const city of ["MÜNCHEN", "munchen", "Muenchen", "Munich", "80331 München", "München-Altstadt"]) {
      expect(haversineKm(geocodeAddress({ country_code: "de", city })!.point, munich)).toBeLessThan(15)
    }
    const hague = { lat: 52.0799, lng: 4.3113 }
    for (const city of ["S-GRAVENHAGE", "s Gravenhage", "’s-Gravenhage", "The Hague"]) {
      expect(haversineKm(geocodeAddress({ country_code: "NL", city })!.point, hague)).toBeLessThan(15)
    }
  })

  it("tells same-named cities apart by province, else takes the most populous", () => {
    const oder = { lat: 52.3471, lng: 14.5506 }
    const main = { lat: 50.1106, lng: 8.6821 }
    expect(haversineKm(geocodeAddress({ country_code: "DE", city: "Frankfurt", province: "Brandenburg" })!.point, oder)).toBeLessThan(15)
    expect(haversineKm(geocodeAddress({ country_code: "DE", city: "Frankfurt" })!.point, main)).toBeLessThan(15)
  })

  it("routes the München order of issue 14 by its distance to Milan, not from the centre of Germany", () => {
    const munich = geocodeAddress({ country_code: "DE", city: "München", postal_code: "80331" })!.point
    const milan = { lat: 45.4642, lng: 9.19 }
    const berlin = { lat: 52.52, lng: 13.405 }
    expect(haversineKm(munich, milan)).toBeLessThan(haversineKm(munich, berlin))
    expect(haversineKm(munich, milan)).toBeCloseTo(348, -1)
  })

  it("still places by the country's centre when the city is unknown, and says the city was not found", () => {
    const found = geocodeAddress({ country_code: "DE", city: "Nirgendwo-am-See" })
    expect(found?.precision).toBe("country")
    expect(found?.unmatched).toEqual(["city"])
  })

  it("ships every country's names folded as lookups fold them (re-run scripts/geo/build-names.ts after changing foldPlaceName)", () => {
    expect(Object.keys(countryNameData)).toHaveLength(35)
    for (const country of ["DE", "NL", "GR", "PL", "DK", "GB"]) {
      const keys = Object.keys(parseCountryNames(countryNameData[country]()))
      expect(keys.filter((key) => foldPlaceName(key) !== key)).toEqual([])
    }
  })
})
