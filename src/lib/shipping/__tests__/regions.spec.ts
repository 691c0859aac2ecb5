import { continentOfCountry, euCountries, zoneBetween } from "../regions"

describe("regions", () => {
  it("know the 27 EU member states", () => {
    expect(euCountries.size).toBe(27)
    expect(euCountries.has("HR")).toBe(true)
    expect(euCountries.has("GB")).toBe(false)
  })

  it("put a parcel in the domestic, continental or world zone", () => {
    expect(zoneBetween("us", "US")).toBe("domestic")
    expect(zoneBetween("US", "CA")).toBe("continental")
    expect(zoneBetween("DE", "NO")).toBe("continental")
    expect(zoneBetween("DE", "US")).toBe("world")
    expect(zoneBetween("AU", "NZ")).toBe("continental")
    expect(zoneBetween("DE", "ZZ")).toBe("world") // an unknown code is never on the same continent
  })

  it("name a country's continent, and none for a code they do not know", () => {
    expect(continentOfCountry("br")).toBe("south_america")
    expect(continentOfCountry("JP")).toBe("asia")
    expect(continentOfCountry("ZZ")).toBeNull()
  })
})
