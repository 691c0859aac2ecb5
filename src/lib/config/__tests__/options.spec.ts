import { parseOmsOptions } from "../options"

describe("plugin options", () => {
  it("fills in defaults when no options are given", () => {
    expect(parseOmsOptions(undefined)).toEqual({ timezone: "UTC", routing: { enabled: true } })
  })

  it("keeps valid options", () => {
    expect(parseOmsOptions({ timezone: "Europe/London", routing: { enabled: false } })).toEqual({
      timezone: "Europe/London",
      routing: { enabled: false },
    })
  })

  it("ignores what Medusa adds to every module's options", () => {
    expect(parseOmsOptions({ providers: [], timezone: "UTC" }).timezone).toBe("UTC")
  })

  it("names a misspelt option and lists the allowed ones", () => {
    expect(() => parseOmsOptions({ timezon: "UTC" })).toThrow(
      /unknown option "timezon"; allowed: timezone, routing/
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
})
