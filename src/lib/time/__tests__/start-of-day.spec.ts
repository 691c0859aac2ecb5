import { startOfDay } from "../start-of-day"

describe("startOfDay", () => {
  it("is midnight UTC in UTC", () => {
    expect(startOfDay(new Date("2026-11-22T15:30:00Z"), "UTC").toISOString()).toBe("2026-11-22T00:00:00.000Z")
  })

  it("is the local midnight in Amsterdam, in winter and in summer", () => {
    expect(startOfDay(new Date("2026-01-15T10:00:00Z"), "Europe/Amsterdam").toISOString()).toBe(
      "2026-01-14T23:00:00.000Z"
    )
    expect(startOfDay(new Date("2026-07-15T10:00:00Z"), "Europe/Amsterdam").toISOString()).toBe(
      "2026-07-14T22:00:00.000Z"
    )
  })

  it("belongs to the local date, not the UTC date, late in the evening in Los Angeles", () => {
    // 02:00 UTC on the 23rd is still the evening of the 22nd in Los Angeles (UTC-8).
    expect(startOfDay(new Date("2026-11-23T02:00:00Z"), "America/Los_Angeles").toISOString()).toBe(
      "2026-11-22T08:00:00.000Z"
    )
  })

  it("handles the day clocks spring forward", () => {
    // 2026-03-08 is the US DST start; the day began at 08:00 UTC (still PST).
    expect(startOfDay(new Date("2026-03-08T20:00:00Z"), "America/Los_Angeles").toISOString()).toBe(
      "2026-03-08T08:00:00.000Z"
    )
  })
})
