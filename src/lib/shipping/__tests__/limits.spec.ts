import { accountPace } from "../limits"

describe("each carrier account's request pace", () => {
  it("keeps 10% under a carrier's published limit", () => {
    expect(accountPace("shipstation", {})).toEqual({ per_second: (200 / 60) * 0.9, burst: 1 })
    expect(accountPace("easypost", null)).toEqual({ per_second: 4.5, burst: 1 })
  })

  it("keeps 5% under a limit the account states, with its burst", () => {
    expect(accountPace("easypost", { requests_per_second: 20, burst: 3 })).toEqual({ per_second: 19, burst: 3 })
  })

  it("does not pace the offline carrier, and ignores a nonsense stated limit", () => {
    expect(accountPace("offline", {})).toBeNull()
    expect(accountPace("sendcloud", { requests_per_second: -4, burst: 0.5 })).toEqual({ per_second: (100 / 60) * 0.9, burst: 1 })
  })
})
