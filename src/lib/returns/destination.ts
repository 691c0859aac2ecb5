import { haversineKm } from "../geo"
import type { DestinationCandidate, DestinationChoice, DestinationInput } from "./types"

type Line = DestinationInput["lines"][number]
type Ranked = { candidate: DestinationCandidate; km: number | null }

/**
 * Where each returned item goes, by the policy's destination rule, with the reason in a
 * sentence. A line no candidate can take (none receives returns and stocks its inventory item)
 * is left out of the answer: the caller decides what to do with it.
 * Ties are broken by distance, then name, then location id, so the same input always gives
 * the same answer.
 */
export function chooseDestinations(input: DestinationInput): DestinationChoice[] {
  const choices: DestinationChoice[] = []
  for (const line of input.lines) {
    const choice = chooseFor(line, input)
    if (choice) choices.push(choice)
  }
  return choices
}

function chooseFor(line: Line, input: DestinationInput): DestinationChoice | null {
  const { rule } = input
  if (rule.strategy === "fixed") {
    const centre = input.candidates.find((c) => c.location_id === rule.location_id)
    const name = centre?.name ?? rule.location_id
    return choice(line, rule.location_id, name, `${name} (fixed by policy)`)
  }
  const ranked = rankByDistance(ableToReceive(line, input.candidates), input.origin)
  if (!ranked.length) return null

  if (rule.strategy === "short" && line.inventory_item_id) {
    const item = line.inventory_item_id
    const short = ranked
      .map((r) => ({ ...r, gap: shortage(r.candidate, item) }))
      .filter((r) => r.gap !== null)
    if (short.length) {
      const { candidate, gap } = short[0]
      const what = line.sku ?? item
      const below = gap!.of === "safety_stock" ? "below safety stock" : "below what its open orders need"
      return choice(line, candidate.location_id, candidate.name, `${candidate.name}: short of ${what} (${gap!.units} ${below})`)
    }
  }
  const nearest = ranked[0]
  const distance = nearest.km === null ? "distance unknown" : `${Math.round(nearest.km)} km`
  const noneShort = rule.strategy === "short" ? `; no location is short of ${line.sku ?? line.inventory_item_id ?? "it"}` : ""
  return choice(
    line,
    nearest.candidate.location_id,
    nearest.candidate.name,
    `${nearest.candidate.name}: nearest able to receive (${distance})${noneShort}`
  )
}

/**
 * Candidates that receive returns and hold an inventory level for the item (Medusa restocks
 * only where the item has a level). An item without inventory management goes to any that receives.
 */
function ableToReceive(line: Line, candidates: DestinationCandidate[]): DestinationCandidate[] {
  return candidates.filter((c) => c.receives && (line.inventory_item_id === null || !!c.stock[line.inventory_item_id]))
}

/** Nearest first; a location without coordinates (or no origin) after those with a distance. */
function rankByDistance(candidates: DestinationCandidate[], origin: DestinationInput["origin"]): Ranked[] {
  return candidates
    .map((candidate) => ({ candidate, km: distanceKm(origin, candidate) }))
    .sort((a, b) => {
      if (a.km !== null && b.km !== null && a.km !== b.km) return a.km - b.km
      if ((a.km === null) !== (b.km === null)) return a.km === null ? 1 : -1
      return compareText(a.candidate.name, b.candidate.name) || compareText(a.candidate.location_id, b.candidate.location_id)
    })
}

function distanceKm(origin: DestinationInput["origin"], c: DestinationCandidate): number | null {
  if (!origin || c.latitude === null || c.longitude === null) return null
  return haversineKm({ lat: origin.latitude, lng: origin.longitude }, { lat: c.latitude, lng: c.longitude })
}

/**
 * How far the location's free stock (stocked - reserved) is below its safety stock or below
 * what its open orders still need, the larger gap; null when it is short of neither.
 */
export function shortage(
  c: DestinationCandidate,
  inventoryItemId: string
): { units: number; of: "safety_stock" | "open_need" } | null {
  const level = c.stock[inventoryItemId]
  if (!level) return null
  const free = level.stocked - level.reserved
  const belowSafety = level.safety_stock - free
  const belowNeed = level.open_need - free
  if (belowSafety <= 0 && belowNeed <= 0) return null
  return belowSafety >= belowNeed ? { units: belowSafety, of: "safety_stock" } : { units: belowNeed, of: "open_need" }
}

const choice = (line: Line, location_id: string, location_name: string, sentence: string): DestinationChoice => ({
  line_item_id: line.line_item_id,
  location_id,
  location_name,
  sentence,
})

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
