import { geocodeAddress } from "../bundled"
import { haversineKm } from "../distance"
import { foldPlaceName } from "../fold"
import { bundledCountries, readCountryNames, readCountryPostal } from "../country-data"
import { postalLookupKeys } from "../postal"
import { addresses } from "./european-addresses"

// Before the bundled European names, the native spellings among these fell back to the
// country's centre (München, Torino, 's-Gravenhage, Bruxelles, Αθήνα...).
describe("European addresses in their native spelling (bundled data)", () => {
  it("covers the large cities of at least 15 countries with 60+ addresses", () => {
    expect(addresses.length).toBeGreaterThanOrEqual(60)
    expect(new Set(addresses.map((a) => a[0])).size).toBeGreaterThanOrEqual(15)
  })

  // Greece is the one bundled country GeoNames has no postal codes for, and a few codes of
  // single large addressees (Łódź city hall's 90-926) are not in GeoNames' list: those go by city.
  const listed = (country: string, postal: string) => {
    const codes = readCountryPostal(country)
    return !!codes && postalLookupKeys(country, postal).some((key) => codes[key])
  }

  it.each(addresses)("%s %s (%s, %s) is placed within 15 km, by its postal code first", (country, city, postal, _street, lat, lng) => {
    const found = geocodeAddress({ country_code: country, city, postal_code: postal })
    expect(found?.precision).toBe(listed(country, postal) ? "postal_code" : "city")
    expect(haversineKm(found!.point, { lat, lng })).toBeLessThan(15)
  })

  it.each(addresses)("%s %s is placed within 15 km by its city name alone", (country, city, _postal, _street, lat, lng) => {
    const found = geocodeAddress({ country_code: country, city })
    expect(found?.precision).toBe("city")
    expect(haversineKm(found!.point, { lat, lng })).toBeLessThan(15)
  })

  it("knows the postal codes of nearly all of them", () => {
    expect(addresses.filter(([country, , postal]) => listed(country, postal)).length).toBeGreaterThanOrEqual(addresses.length - 5)
  })

  it.each(addresses.filter(([country, , postal]) => listed(country, postal)))(
    "%s %s is placed inside its postal area when only the code %s is known",
    (country, _city, postal, _street, lat, lng) => {
      const found = geocodeAddress({ country_code: country, postal_code: postal })
      expect(found?.precision).toBe("postal_code")
      // A city-centre postal area is a few km across; 15 km is the bound the issue sets.
      expect(haversineKm(found!.point, { lat, lng })).toBeLessThan(15)
    }
  )

  it("reads codes as people write them across Europe: country letters, spaces, dashes, CEDEX, outward codes", () => {
    const near = (address: Parameters<typeof geocodeAddress>[0], lat: number, lng: number) => {
      const found = geocodeAddress(address)!
      expect(found.precision).toBe("postal_code")
      expect(haversineKm(found.point, { lat, lng })).toBeLessThan(15)
    }
    near({ country_code: "DE", postal_code: "D-80331" }, 48.1374, 11.5755)
    near({ country_code: "CH", postal_code: "CH-8001" }, 47.3717, 8.5423)
    near({ country_code: "LU", postal_code: "L-1724" }, 49.6116, 6.1319)
    near({ country_code: "LV", postal_code: "LV-1050" }, 56.9496, 24.1052)
    near({ country_code: "FR", postal_code: "75008 CEDEX 08" }, 48.8722, 2.3125)
    near({ country_code: "PT", postal_code: "1100-148" }, 38.7107, -9.1366)
    near({ country_code: "GB", postal_code: "SW1A 2AA" }, 51.5034, -0.1276)
    near({ country_code: "IE", postal_code: "D02 X285" }, 53.3382, -6.2591)
  })

  it("tells Frankfurt am Main and Frankfurt (Oder) apart by postal code when the city is written the same", () => {
    const oder = { lat: 52.3471, lng: 14.5506 }
    const main = { lat: 50.1106, lng: 8.6821 }
    expect(haversineKm(geocodeAddress({ country_code: "DE", city: "Frankfurt", postal_code: "15230" })!.point, oder)).toBeLessThan(15)
    expect(haversineKm(geocodeAddress({ country_code: "DE", city: "Frankfurt", postal_code: "60311" })!.point, main)).toBeLessThan(15)
  })

  it("falls back to the city when the postal code is not one GeoNames lists, and says the code was not found", () => {
    const found = geocodeAddress({ country_code: "DE", city: "Köln", postal_code: "00000" })!
    expect(found.precision).toBe("city")
    expect(found.unmatched).toEqual(["postal_code"])
    expect(haversineKm(found.point, { lat: 50.9413, lng: 6.9583 })).toBeLessThan(15)
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
    expect(bundledCountries().names.size).toBe(35)
    for (const country of ["DE", "NL", "GR", "PL", "DK", "GB"]) {
      const keys = readCountryNames(country)!.places.flatMap((place) => place[4])
      expect(keys.filter((key) => foldPlaceName(key) !== key)).toEqual([])
    }
  })

  it("ships postal codes for the EU countries GeoNames covers, the UK, Switzerland and Norway", () => {
    const eu = "AT BE BG HR CY CZ DK EE FI FR DE HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split(" ")
    for (const country of [...eu, "GB", "CH", "NO"]) expect(bundledCountries().postal.has(country)).toBe(true)
  })
})
