import { fulfillmentSteps, latestStatus, trackingEventKey } from "../tracking"

const none = { shipped_at: null, delivered_at: null, canceled_at: null }

describe("tracking", () => {
  it("gives the same step the same key however its time is written", () => {
    const a = trackingEventKey("OFF123", { status: "delivered", occurred_at: "2026-12-01T10:00:00Z" })
    const b = trackingEventKey("OFF123", { status: "delivered", occurred_at: "2026-12-01T11:00:00+01:00" })
    expect(a).toBe(b)
    expect(trackingEventKey("OFF123", { status: "in_transit", occurred_at: "2026-12-01T10:00:00Z" })).not.toBe(a)
  })

  it("ships a fulfillment when the parcel starts moving, once", () => {
    expect(fulfillmentSteps("pre_transit", none)).toEqual({ ship: false, deliver: false })
    expect(fulfillmentSteps("in_transit", none)).toEqual({ ship: true, deliver: false })
    expect(fulfillmentSteps("in_transit", { ...none, shipped_at: new Date() })).toEqual({ ship: false, deliver: false })
  })

  it("delivers once, shipping first when no earlier step did", () => {
    expect(fulfillmentSteps("delivered", none)).toEqual({ ship: true, deliver: true })
    expect(fulfillmentSteps("delivered", { ...none, shipped_at: new Date() })).toEqual({ ship: false, deliver: true })
    expect(fulfillmentSteps("delivered", { ...none, shipped_at: new Date(), delivered_at: new Date() })).toEqual({
      ship: false,
      deliver: false,
    })
  })

  it("leaves a canceled fulfillment alone", () => {
    expect(fulfillmentSteps("delivered", { ...none, canceled_at: new Date() })).toEqual({ ship: false, deliver: false })
  })

  it("takes the status of the latest step by time, not the last to arrive", () => {
    expect(
      latestStatus([
        { status: "delivered", occurred_at: "2026-12-02T09:00:00Z" },
        { status: "in_transit", occurred_at: "2026-12-01T09:00:00Z" },
      ])
    ).toBe("delivered")
    expect(latestStatus([])).toBeNull()
  })
})
