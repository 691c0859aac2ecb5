import { orderLockKey, ruleSetScopeLockKey, waveLocationLockKey, waveLockKey } from ".."

describe("lock keys", () => {
  it("locks an order under the house-wide order:<id>, whichever capability asks", () => {
    // Routing, picking's packing and the planned fulfilment take turns on this one key.
    expect(orderLockKey("order_01ABC")).toBe("order:order_01ABC")
  })

  it("puts every global rule-set activation under one key and each channel under its own", () => {
    expect(ruleSetScopeLockKey(null)).toBe(ruleSetScopeLockKey(undefined))
    expect(ruleSetScopeLockKey("sc_1")).not.toBe(ruleSetScopeLockKey(null))
    expect(ruleSetScopeLockKey("sc_1")).not.toBe(ruleSetScopeLockKey("sc_2"))
  })

  it("gives each wave and each location's wave building their own key", () => {
    expect(waveLockKey("owave_1")).not.toBe(waveLockKey("owave_2"))
    expect(waveLocationLockKey("sloc_1")).not.toBe(waveLocationLockKey("sloc_2"))
    expect(waveLockKey("owave_1")).not.toBe(waveLocationLockKey("sloc_1"))
  })
})
