import { addDays, bucketOf, bucketsOf, daysBetween, isCalendarDay, localDay, localMidnight, metricPeriods } from "../range"
import { percentile } from "../percentile"

describe("metric ranges in the store's time zone", () => {
  it("turns calendar days into [from 00:00, to+1 00:00) local instants", () => {
    const { current } = metricPeriods("2026-10-01", "2026-10-31", "Europe/Amsterdam")
    // Amsterdam is UTC+2 until the last Sunday of October (the 25th), UTC+1 after.
    expect(current.start.toISOString()).toBe("2026-09-30T22:00:00.000Z")
    expect(current.end.toISOString()).toBe("2026-10-31T23:00:00.000Z")
    expect(current.days).toBe(31)
  })

  it("puts an order placed at 23:30 local on the 31st on the 31st, not on the next UTC day", () => {
    // 23:30 in New York (UTC-5 in December) is 04:30 UTC the next day.
    const placed = new Date("2027-01-01T04:30:00.000Z")
    expect(localDay(placed, "America/New_York")).toBe("2026-12-31")
    const { current } = metricPeriods("2026-12-31", "2026-12-31", "America/New_York")
    expect(placed >= current.start && placed < current.end).toBe(true)
    expect(localDay(new Date("2026-12-31T23:30:00.000Z"), "Europe/Amsterdam")).toBe("2027-01-01")
  })

  it("keeps a DST day 23 or 25 hours long", () => {
    const spring = localMidnight("2026-03-30", "Europe/Amsterdam").getTime() - localMidnight("2026-03-29", "Europe/Amsterdam").getTime()
    const autumn = localMidnight("2026-10-26", "Europe/Amsterdam").getTime() - localMidnight("2026-10-25", "Europe/Amsterdam").getTime()
    expect([spring / 3_600_000, autumn / 3_600_000]).toEqual([23, 25])
  })

  it("compares with the period of equal length just before", () => {
    const { previous } = metricPeriods("2026-11-01", "2026-11-30", "UTC")
    expect([previous.from, previous.to, previous.days]).toEqual(["2026-10-02", "2026-10-31", 30])
    expect(metricPeriods("2026-03-01", "2026-03-01", "UTC").previous.from).toBe("2026-02-28")
  })

  it("cuts buckets on local calendar days: days, ISO weeks from Monday, months", () => {
    expect(bucketOf("2026-12-03", "week")).toBe("2026-11-30") // a Thursday -> Monday
    expect(bucketOf("2026-11-30", "week")).toBe("2026-11-30")
    expect(bucketOf("2026-12-06", "week")).toBe("2026-11-30") // Sunday ends the week
    expect(bucketOf("2026-12-31", "month")).toBe("2026-12-01")
    expect(bucketsOf({ from: "2026-12-03", to: "2026-12-14" }, "week")).toEqual([
      { bucket: "2026-11-30", days: 4 },
      { bucket: "2026-12-07", days: 7 },
      { bucket: "2026-12-14", days: 1 },
    ])
    expect(bucketsOf({ from: "2026-01-30", to: "2026-03-02" }, "month").map((b) => [b.bucket, b.days])).toEqual([
      ["2026-01-01", 2],
      ["2026-02-01", 28],
      ["2026-03-01", 2],
    ])
    expect(bucketsOf({ from: "2026-12-01", to: "2026-12-03" }, "day").map((b) => b.bucket)).toEqual(["2026-12-01", "2026-12-02", "2026-12-03"])
  })

  it("knows real calendar days", () => {
    expect(["2026-02-28", "2024-02-29"].map(isCalendarDay)).toEqual([true, true])
    expect(["2026-02-29", "2026-13-01", "2026-1-01", "01.12.2026", ""].map(isCalendarDay)).toEqual([false, false, false, false, false])
    expect(daysBetween("2025-01-01", "2025-12-31")).toBe(365)
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01")
  })
})

describe("percentile", () => {
  it("interpolates between ranks as PostgreSQL's percentile_cont", () => {
    expect(percentile([10, 24, 12], 0.5)).toBe(12)
    expect(percentile([10, 24, 12], 0.9)).toBeCloseTo(21.6)
    expect(percentile([1, 2, 3, 1], 0.5)).toBe(1.5)
    expect(percentile([5], 0.9)).toBe(5)
    expect(percentile([], 0.5)).toBeNull()
  })
})
