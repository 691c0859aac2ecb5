import { binWalkSequence, MAX_WALK_SEQUENCE, normalizeWalkOrder, parseBinCode } from ".."

const walk = (codes: string[], order?: Parameters<typeof binWalkSequence>[1]) =>
  [...codes].sort((a, b) => binWalkSequence(a, order)! - binWalkSequence(b, order)!)

describe("parseBinCode", () => {
  it("reads zone, aisle, shelf and slot, ignoring case and surrounding spaces", () => {
    expect(parseBinCode(" a-03-2-b ")).toEqual({ zone: "A", aisle: 3, shelf: 2, slot: "B" })
    expect(parseBinCode("MZ.12.04.07")).toEqual({ zone: "MZ", aisle: 12, shelf: 4, slot: "7" })
    expect(parseBinCode("B12-4-A")).toEqual({ zone: "B", aisle: 12, shelf: 4, slot: "A" })
  })

  it("leaves codes that are not structured to a hand-set walk sequence", () => {
    for (const code of ["DOCK", "A-3-B", "A-03-2-B-1", "ABC-1-1-A", "A-100-1-A", "", "A--1-1"]) {
      expect(parseBinCode(code)).toBeNull()
      expect(binWalkSequence(code)).toBeNull()
    }
  })
})

describe("binWalkSequence", () => {
  it("walks zone by zone, aisle by aisle, snaking: shelves go up odd aisles and down even ones", () => {
    const codes = ["B-01-1-A", "A-02-1-A", "A-01-2-A", "A-02-3-A", "A-01-1-A", "A-01-3-A", "A-03-1-A"]
    expect(walk(codes)).toEqual(["A-01-1-A", "A-01-2-A", "A-01-3-A", "A-02-3-A", "A-02-1-A", "A-03-1-A", "B-01-1-A"])
  })

  it("reverses slots too on even aisles, so the picker keeps walking one way", () => {
    expect(walk(["A-02-1-A", "A-02-1-B", "A-02-2-A"])).toEqual(["A-02-2-A", "A-02-1-B", "A-02-1-A"])
    expect(walk(["A-01-1-B", "A-01-1-A", "A-01-2-A"])).toEqual(["A-01-1-A", "A-01-1-B", "A-01-2-A"])
  })

  it("walks every aisle the same way when serpentine is off", () => {
    const order = { segments: ["zone", "aisle", "shelf", "slot"] as const, serpentine: false }
    expect(walk(["A-02-3-A", "A-02-1-A", "A-01-2-A"], { ...order, segments: [...order.segments] })).toEqual([
      "A-01-2-A",
      "A-02-1-A",
      "A-02-3-A",
    ])
  })

  it("follows a configured segment order, e.g. shelf level before aisle", () => {
    const order = { segments: ["zone" as const, "shelf" as const, "aisle" as const, "slot" as const], serpentine: false }
    expect(walk(["A-01-2-A", "A-02-1-A", "A-01-1-A", "A-02-2-A"], order)).toEqual(["A-01-1-A", "A-02-1-A", "A-01-2-A", "A-02-2-A"])
  })

  it("puts numbered slots before lettered ones and zone Z before zone AA", () => {
    expect(walk(["A-01-1-A", "A-01-1-10", "A-01-1-2"])).toEqual(["A-01-1-2", "A-01-1-10", "A-01-1-A"])
    expect(walk(["AA-01-1-A", "Z-01-1-A", "B-01-1-A"])).toEqual(["B-01-1-A", "Z-01-1-A", "AA-01-1-A"])
  })

  it("fits a PostgreSQL integer in every segment order", () => {
    const orders = [
      ["zone", "aisle", "shelf", "slot"],
      ["slot", "shelf", "aisle", "zone"],
      ["aisle", "zone", "slot", "shelf"],
    ] as const
    for (const segments of orders) {
      for (const serpentine of [true, false]) {
        const sequence = binWalkSequence("ZZ-99-99-Z", { segments: [...segments], serpentine })!
        expect(sequence).toBeGreaterThanOrEqual(0)
        expect(sequence).toBeLessThanOrEqual(MAX_WALK_SEQUENCE)
        expect(binWalkSequence("A-00-0-0", { segments: [...segments], serpentine })).toBeGreaterThanOrEqual(0)
      }
    }
  })

  it("completes a partial walk order with the default segments", () => {
    expect(normalizeWalkOrder({ segments: ["aisle", "aisle", "bogus" as never] })).toEqual({
      segments: ["aisle", "zone", "shelf", "slot"],
      serpentine: true,
    })
    expect(normalizeWalkOrder(null)).toEqual({ segments: ["zone", "aisle", "shelf", "slot"], serpentine: true })
  })
})
