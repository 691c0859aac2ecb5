import { DEFAULT_STATS_DAYS, rate, roundHours, statsRange } from "../stats"

describe("statsRange", () => {
  const now = new Date("2026-12-01T17:00:00.000Z")

  it("covers the last 30 days up to now when no end is given", () => {
    const { from, to } = statsRange({}, now)
    expect(to.toISOString()).toBe("2026-12-01T17:00:00.000Z")
    expect(from.toISOString()).toBe("2026-11-01T17:00:00.000Z")
    expect((to.getTime() - from.getTime()) / 86_400_000).toBe(DEFAULT_STATS_DAYS)
  })

  it("includes the whole day of a bare `to` date and starts a bare `from` at midnight", () => {
    const { from, to } = statsRange({ from: "2026-11-01", to: "2026-11-30" }, now)
    expect(from.toISOString()).toBe("2026-11-01T00:00:00.000Z")
    expect(to.toISOString()).toBe("2026-11-30T23:59:59.999Z")
  })

  it("takes date-times as given", () => {
    const { from, to } = statsRange({ from: "2026-11-01T10:00:00Z", to: "2026-11-02T08:30:00+01:00" }, now)
    expect(from.toISOString()).toBe("2026-11-01T10:00:00.000Z")
    expect(to.toISOString()).toBe("2026-11-02T07:30:00.000Z")
  })

  it("counts 30 days back from a given `to` when `from` is missing", () => {
    const { from } = statsRange({ to: "2026-11-30T00:00:00Z" }, now)
    expect(from.toISOString()).toBe("2026-10-31T00:00:00.000Z")
  })
})

describe("rate", () => {
  it("is the part over the whole to four decimals", () => {
    expect(rate(1, 6)).toBe(0.1667)
    expect(rate(3, 4)).toBe(0.75)
    expect(rate(0, 9)).toBe(0)
  })

  it("is 0 when nothing is in the whole (units returned from sales before the range)", () => {
    expect(rate(2, 0)).toBe(0)
    expect(rate(2, NaN)).toBe(0)
  })
})

describe("roundHours", () => {
  it("rounds to one decimal and keeps no value as null", () => {
    expect(roundHours(26.04)).toBe(26)
    expect(roundHours("49.96")).toBe(50)
    expect(roundHours(null)).toBeNull()
  })
})
