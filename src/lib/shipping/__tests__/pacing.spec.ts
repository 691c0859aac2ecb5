import fc from "fast-check"
import { nextSlot, PaceState } from "../pacing"

const schedule = (arrivals: number[], pace: { per_second: number; burst: number }) => {
  let state: PaceState | null = null
  return arrivals.map((now) => {
    const slot = nextSlot(state, now, pace)
    state = slot.state
    return slot.at
  })
}

describe("request pacing for a carrier's limit", () => {
  it("spaces requests that arrive together one interval apart", () => {
    expect(schedule([0, 0, 0, 0], { per_second: 20, burst: 1 })).toEqual([0, 50, 100, 150])
  })

  it("lets a request go at once after a quiet spell, and banks no more than the burst", () => {
    const slots = schedule([0, 0, 10_000, 10_000, 10_000, 10_000], { per_second: 10, burst: 3 })
    expect(slots).toEqual([0, 100, 10_000, 10_000, 10_000, 10_100])
  })

  it("never puts more requests in any second than the pace and its burst allow", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 5 }),
        (raw, perSecond, burst) => {
          const arrivals = [...raw].sort((a, b) => a - b)
          const slots = schedule(arrivals, { per_second: perSecond, burst })
          slots.forEach((at, i) => expect(at).toBeGreaterThanOrEqual(arrivals[i]))
          for (const start of slots) {
            const inWindow = slots.filter((s) => s >= start && s < start + 1000).length
            expect(inWindow).toBeLessThanOrEqual(perSecond + burst - 1)
          }
        }
      )
    )
  })

  it("does not drift into a fourth request per second at three per second", () => {
    const slots = schedule([3763, 3763, 3763, 3763], { per_second: 3, burst: 1 })
    expect(slots.filter((s) => s < 3763 + 1000)).toHaveLength(3)
  })

  it("refuses a pace of zero", () => {
    expect(() => nextSlot(null, 0, { per_second: 0, burst: 1 })).toThrow("per_second must be more than 0")
  })
})
