import { prng } from "../catalog"
import { planOrderTimeline } from "../history-plan"
import { HistoryClock, mapInstant, STEP_NAMES } from "../history-clock"

const at = (iso: string) => new Date(iso)

describe("the demo history's clock", () => {
  it("puts what a step wrote just before that step's planned time, in order, and nothing outside the slices", () => {
    let wall = at("2026-12-01T20:00:00.000Z")
    const clock = new HistoryClock(() => wall)
    const tick = (ms: number) => (wall = new Date(wall.getTime() + ms))
    const placed = at("2026-11-01T09:00:00.000Z")
    const routed = at("2026-11-01T09:10:00.000Z")
    const shipped = at("2026-11-02T15:00:00.000Z")
    const order = clock.order({ placed, routed, shipped })
    const cartWritten = tick(400)
    tick(100)
    order.reached("placed")
    const decisionWritten = tick(990)
    tick(10)
    order.reached("routed")
    const shipmentWritten = tick(1990)
    tick(10)
    order.reached("shipped")
    const invoiceWritten = tick(100)
    tick(100)
    clock.finish()

    const moved = [cartWritten, decisionWritten, shipmentWritten, invoiceWritten].map((t) => mapInstant(clock.slices, t)!)
    expect(moved[0].getTime()).toBeGreaterThan(placed.getTime() - 5 * 60_000)
    expect(moved[0].getTime()).toBeLessThan(placed.getTime())
    expect(moved[1].getTime()).toBeGreaterThan(routed.getTime() - 60_000)
    expect(moved[1].getTime()).toBeLessThan(routed.getTime())
    expect(moved[2].getTime()).toBeGreaterThan(shipped.getTime() - 20 * 60_000)
    expect(moved[2].getTime()).toBeLessThan(shipped.getTime())
    // A subscriber's write after the last step stays within a minute after it.
    expect(moved[3].getTime() - shipped.getTime()).toBeLessThanOrEqual(60_000)
    expect(mapInstant(clock.slices, at("2026-12-01T19:59:59.000Z"))).toBeNull()
    expect(mapInstant(clock.slices, tick(1))).toBeNull()
  })

  it("plans every order's steps in their order and never in the future", () => {
    const now = at("2026-12-01T20:00:00.000Z")
    const rand = prng(7)
    const plans = Array.from({ length: 24 }, (_, k) => planOrderTimeline(k, 24, now, rand))
    for (const plan of plans) {
      const times = STEP_NAMES.map((s) => plan[s]).filter((t): t is Date => !!t)
      expect(times.length).toBeGreaterThanOrEqual(1)
      for (let i = 1; i < times.length; i++) expect(times[i].getTime()).toBeGreaterThan(times[i - 1].getTime())
      expect(times[times.length - 1].getTime()).toBeLessThan(now.getTime())
      // Steps are left out only from the end: a plan never skips one and has a later one.
      const present = STEP_NAMES.map((s) => !!plan[s])
      expect(present.indexOf(false) === -1 || present.slice(present.indexOf(false)).every((p) => !p)).toBe(true)
    }
    // Six weeks: the oldest order 42 days back, the newest within the last day, most delivered.
    expect(now.getTime() - plans[0].placed!.getTime()).toBeGreaterThan(41 * 86_400_000)
    expect(now.getTime() - plans[23].placed!.getTime()).toBeLessThan(86_400_000)
    expect(plans.filter((p) => p.delivered).length).toBeGreaterThanOrEqual(18)
    expect(plans.some((p) => !p.shipped)).toBe(true)
  })
})
