import { chooseDestinations } from "../destination"
import type { DestinationCandidate, DestinationInput } from "../types"

// Boston customer; Newark ~316 km, Reno ~3900 km, Chicago ~1370 km
const boston = { latitude: 42.3601, longitude: -71.0589 }
const level = (over: Partial<DestinationCandidate["stock"][string]> = {}) => ({ stocked: 10, reserved: 0, safety_stock: 0, open_need: 0, ...over })
const newark: DestinationCandidate = { location_id: "sloc_newark", name: "Newark DC", latitude: 40.7357, longitude: -74.1724, receives: true, stock: { iitem_tee_l: level() } }
const reno: DestinationCandidate = { location_id: "sloc_reno", name: "Reno DC", latitude: 39.5296, longitude: -119.8138, receives: true, stock: { iitem_tee_l: level() } }
const chicago: DestinationCandidate = { location_id: "sloc_chicago", name: "Chicago DC", latitude: 41.8781, longitude: -87.6298, receives: true, stock: { iitem_tee_l: level() } }
const centre: DestinationCandidate = { location_id: "sloc_returns", name: "Returns centre", latitude: null, longitude: null, receives: true, stock: {} }

const tee = { line_item_id: "ordli_tee", inventory_item_id: "iitem_tee_l", sku: "TEE-L" }
const run = (over: Partial<DestinationInput>) =>
  chooseDestinations({ rule: { strategy: "nearest" }, origin: boston, lines: [tee], candidates: [reno, newark, chicago, centre], ...over })

describe("choosing where a returned item goes", () => {
  it("nearest: the closest location that receives and stocks the item, with the distance", () => {
    expect(run({})).toEqual([
      { line_item_id: "ordli_tee", location_id: "sloc_newark", location_name: "Newark DC", sentence: "Newark DC: nearest able to receive (316 km)" },
    ])
  })

  it("nearest: skips a location that does not receive returns or has no level for the item", () => {
    const closed = { ...newark, receives: false }
    expect(run({ candidates: [reno, closed, chicago] })[0].location_id).toBe("sloc_chicago")
    const noLevel = { ...newark, stock: { iitem_other: level() } }
    expect(run({ candidates: [reno, noLevel] })[0].location_id).toBe("sloc_reno")
  })

  it("leaves out a line no location can take", () => {
    expect(run({ candidates: [centre] })).toEqual([])
  })

  it("nearest without a customer position: by name, and says the distance is unknown", () => {
    const [c] = run({ origin: null, candidates: [reno, newark, chicago] })
    expect(c).toMatchObject({ location_id: "sloc_chicago", sentence: "Chicago DC: nearest able to receive (distance unknown)" })
  })

  it("breaks an exact tie by name, then id, whatever the candidate order", () => {
    const twinA = { ...newark, location_id: "sloc_b", name: "Newark DC" }
    const twinB = { ...newark, location_id: "sloc_a", name: "Newark DC" }
    expect(run({ candidates: [twinA, twinB] })[0].location_id).toBe("sloc_a")
    expect(run({ candidates: [twinB, twinA] })[0].location_id).toBe("sloc_a")
  })

  it("short: the location whose free stock is below safety stock, even when farther", () => {
    const shortReno = { ...reno, stock: { iitem_tee_l: level({ stocked: 5, reserved: 2, safety_stock: 5 }) } }
    const [c] = run({ rule: { strategy: "short" }, candidates: [newark, shortReno, chicago] })
    expect(c).toMatchObject({ location_id: "sloc_reno", sentence: "Reno DC: short of TEE-L (2 below safety stock)" })
  })

  it("short: a location below what its open orders need, nearest among the short ones", () => {
    const needyReno = { ...reno, stock: { iitem_tee_l: level({ stocked: 1, open_need: 4 }) } }
    const needyChicago = { ...chicago, stock: { iitem_tee_l: level({ stocked: 2, open_need: 3 }) } }
    const [c] = run({ rule: { strategy: "short" }, candidates: [newark, needyReno, needyChicago] })
    expect(c).toMatchObject({ location_id: "sloc_chicago", sentence: "Chicago DC: short of TEE-L (1 below what its open orders need)" })
  })

  it("short: the nearest when no location is short, and says so", () => {
    const [c] = run({ rule: { strategy: "short" } })
    expect(c).toMatchObject({ location_id: "sloc_newark", sentence: "Newark DC: nearest able to receive (316 km); no location is short of TEE-L" })
  })

  it("fixed: the returns centre, whatever the distance or stock", () => {
    expect(run({ rule: { strategy: "fixed", location_id: "sloc_returns" } })).toEqual([
      { line_item_id: "ordli_tee", location_id: "sloc_returns", location_name: "Returns centre", sentence: "Returns centre (fixed by policy)" },
    ])
  })

  it("chooses per item", () => {
    const mug = { line_item_id: "ordli_mug", inventory_item_id: "iitem_mug", sku: "MUG" }
    const renoMugs = { ...reno, stock: { ...reno.stock, iitem_mug: level() } }
    const choices = run({ lines: [tee, mug], candidates: [newark, renoMugs] })
    expect(choices.map((c) => [c.line_item_id, c.location_id])).toEqual([
      ["ordli_tee", "sloc_newark"],
      ["ordli_mug", "sloc_reno"],
    ])
  })
})
