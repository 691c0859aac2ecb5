import { geocode, haversineKm, sphericalMean, type Gazetteer } from ".."

const tiny: Gazetteer = {
  US: {
    centroid: { lat: 39, lng: -98 },
    provinces: { ma: { lat: 42.3, lng: -71.8 }, il: { lat: 40, lng: -89 } },
    province_aliases: { massachusetts: "ma", illinois: "il" },
    cities: {
      springfield: [
        { point: { lat: 39.8, lng: -89.64 }, province: "il" },
        { point: { lat: 42.1, lng: -72.59 }, province: "ma" },
      ],
    },
    postal_codes: { "02134": { lat: 42.35, lng: -71.13 } },
  },
  CA: { centroid: { lat: 50, lng: -90 }, postal_codes: { K1A: { lat: 45.42, lng: -75.7 } } },
}

describe("geocode", () => {
  it("prefers the postal code, also for ZIP+4 and a Canadian FSA", () => {
    expect(geocode({ country_code: "us", postal_code: "02134-1234", city: "Springfield" }, tiny)).toEqual({
      point: { lat: 42.35, lng: -71.13 },
      precision: "postal_code",
    })
    expect(geocode({ country_code: "CA", postal_code: "k1a 0b1" }, tiny)?.precision).toBe("postal_code")
  })

  it("picks the same-named city in the stated province", () => {
    expect(geocode({ country_code: "US", city: "Springfield", province: "Massachusetts" }, tiny)?.point).toEqual({ lat: 42.1, lng: -72.59 })
    expect(geocode({ country_code: "US", city: "springfield", province: "us-il" }, tiny)?.point).toEqual({ lat: 39.8, lng: -89.64 })
  })

  it("falls back to province, then country centroid, and gives up on unknown countries", () => {
    expect(geocode({ country_code: "US", city: "Nowhere", province: "MA" }, tiny)).toEqual({
      point: { lat: 42.3, lng: -71.8 },
      precision: "province",
      unmatched: ["city"],
    })
    expect(geocode({ country_code: "US" }, tiny)?.precision).toBe("country")
    expect(geocode({ country_code: "ZZ", city: "Springfield" }, tiny)).toBeNull()
  })
})

describe("distance", () => {
  it("measures London to New York along the great circle", () => {
    expect(haversineKm({ lat: 51.5074, lng: -0.1278 }, { lat: 40.7128, lng: -74.006 })).toBeCloseTo(5570, -1)
    expect(haversineKm({ lat: 10, lng: 10 }, { lat: 10, lng: 10 })).toBe(0)
  })

  it("averages points across the antimeridian on the sphere", () => {
    const mid = sphericalMean([{ lat: 0, lng: 179 }, { lat: 0, lng: -179 }])!
    expect(Math.abs(mid.lng)).toBeCloseTo(180, 5)
  })
})

describe("bundled gazetteer", () => {
  it("places real addresses from the shipped data", () => {
    // Loaded lazily on first call; a second or so once per process.
    const { geocodeAddress } = require("../bundled") as typeof import("../bundled")
    expect(geocodeAddress({ country_code: "US", postal_code: "10001" })?.precision).toBe("postal_code")
    const london = geocodeAddress({ country_code: "GB", city: "London" })!
    expect(london.precision).toBe("city")
    expect(haversineKm(london.point, { lat: 51.5074, lng: -0.1278 })).toBeLessThan(5)
    expect(geocodeAddress({ country_code: "CA", province: "QC" })?.precision).toBe("province")
  })
})
