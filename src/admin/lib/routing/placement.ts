import type { BadgeColor } from "../format"
import type { Placement } from "../../../types/routing"

const BY: Record<Placement["by"], { label: string; color: BadgeColor; help: string }> = {
  point: { label: "Placed by coordinates", color: "green", help: "The address came with its coordinates." },
  postal_code: { label: "Placed by postal code", color: "green", help: "Distances are from the centre of its postal area." },
  city: { label: "Placed by city", color: "blue", help: "Distances are from the centre of its city." },
  province: { label: "Placed by province", color: "orange", help: "Distances are from the centre of its province or state." },
  country: {
    label: "Country centre only",
    color: "red",
    help: "Only the country was recognised: distances are from its centre, so the nearest location may not be nearest.",
  },
}

const PART: Record<string, string> = { postal_code: "postal code", city: "city", province: "province" }

/**
 * How a decision placed its destination, as the order widget and the simulator show it: a short
 * label, a colour by how much to trust the distances, and a sentence naming what was not found.
 * Decisions made before placements were stored have none (null).
 */
export const placementDisplay = (placement: Placement | null | undefined) => {
  if (!placement) return null
  const shown = BY[placement.by]
  if (!shown) return null
  const missed = (placement.unmatched ?? []).map((part) => PART[part] ?? part)
  const help = missed.length ? `${shown.help} Not found: ${missed.join(", ")}.` : shown.help
  return { label: shown.label, color: shown.color, help }
}
