import { parseOmsOptions } from "../options"

describe("plugin options", () => {
  it("fills in defaults when no options are given", () => {
    expect(parseOmsOptions(undefined)).toEqual({
      timezone: "UTC",
      routing: { enabled: true, checkout: true, fulfillment: true },
      picking: { walk_order: { segments: ["zone", "aisle", "shelf", "slot"], serpentine: true } },
      shipping: {},
      returns: { guard_store_route: true, guest_token_minutes: 30 },
    })
  })

  it("refuses a guest token lifetime outside 1 to 1440 minutes, naming the option", () => {
    expect(() => parseOmsOptions({ returns: { guest_token_minutes: 0 } })).toThrow(/option "returns.guest_token_minutes"/)
    expect(() => parseOmsOptions({ returns: { guard: true } })).toThrow(
      /unknown option "returns.guard"; allowed: guard_store_route, guest_token_minutes/
    )
  })

  it("refuses a carrier secrets key too short to be one", () => {
    expect(() => parseOmsOptions({ shipping: { secrets_key: "short" } })).toThrow(
      /option "shipping.secrets_key" must be at least 16 characters/
    )
  })

  it("keeps valid options", () => {
    expect(parseOmsOptions({ timezone: "Europe/London", routing: { enabled: false } })).toMatchObject({
      timezone: "Europe/London",
      routing: { enabled: false, checkout: true, fulfillment: true },
    })
  })

  it("turns the checkout override off on its own", () => {
    expect(parseOmsOptions({ routing: { checkout: false } }).routing).toEqual({
      enabled: true,
      checkout: false,
      fulfillment: true,
    })
  })

  it("turns the Create Fulfillment override off on its own", () => {
    expect(parseOmsOptions({ routing: { fulfillment: false } }).routing).toEqual({
      enabled: true,
      checkout: true,
      fulfillment: false,
    })
  })

  it("refuses a fulfillment option that is not a boolean", () => {
    expect(() => parseOmsOptions({ routing: { fulfillment: "medusa" } })).toThrow(/option "routing.fulfillment"/)
  })

  it("names a misspelt routing option and lists the allowed ones", () => {
    expect(() => parseOmsOptions({ routing: { checkuot: false } })).toThrow(
      /unknown option "routing.checkuot"; allowed: enabled, checkout, fulfillment/
    )
  })

  it("refuses a checkout option that is not a boolean", () => {
    expect(() => parseOmsOptions({ routing: { checkout: "off" } })).toThrow(/option "routing.checkout"/)
  })

  it("ignores what Medusa adds to every module's options", () => {
    expect(parseOmsOptions({ providers: [], timezone: "UTC" }).timezone).toBe("UTC")
  })

  it("names a misspelt option and lists the allowed ones", () => {
    expect(() => parseOmsOptions({ timezon: "UTC" })).toThrow(
      /unknown option "timezon"; allowed: timezone, routing, picking/
    )
  })

  it("names a nested option with the wrong type", () => {
    expect(() => parseOmsOptions({ routing: { enabled: "yes" } })).toThrow(/option "routing.enabled"/)
  })

  it("refuses a time zone that does not exist", () => {
    expect(() => parseOmsOptions({ timezone: "Mars/Olympus" })).toThrow(
      /option "timezone" must be an IANA time zone/
    )
  })

  it("takes a walk order for bin codes and fills in the rest", () => {
    expect(parseOmsOptions({ picking: { walk_order: { segments: ["aisle", "zone"] } } }).picking).toEqual({
      walk_order: { segments: ["aisle", "zone"], serpentine: true },
    })
  })

  it("names a walk-order segment that does not exist", () => {
    expect(() => parseOmsOptions({ picking: { walk_order: { segments: ["zone", "row"] } } })).toThrow(
      /option "picking.walk_order.segments.1"/
    )
  })

  it("refuses a walk order that repeats a segment", () => {
    expect(() => parseOmsOptions({ picking: { walk_order: { segments: ["zone", "zone"] } } })).toThrow(
      /option "picking.walk_order.segments" must not repeat a segment/
    )
  })

  it("names a misspelt walk-order option and lists the allowed ones", () => {
    expect(() => parseOmsOptions({ picking: { walk_order: { serpent: true } } })).toThrow(
      /unknown option "picking.walk_order.serpent"; allowed: segments, serpentine/
    )
  })
})
