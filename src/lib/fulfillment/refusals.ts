import { hasParts, lineUnitsAt, lineUnitsOfPart, partLabel, partUnitsAt } from "./line-parts"
import { exceedsReservedSentence, noReservationSentence } from "./medusa-sentences"
import type { FulfillmentLine, FulfillmentRefusal, FulfillmentRequest, LinePart, LineReservation } from "./types"

/*
 * The sentences a refused fulfilment answers: Medusa's own sentence first (clients match on
 * it), then what the plugin knows. Quantities are in units of the line, as the request counts
 * them; a kit's parts are listed in a stable order.
 */

const nameOf = (request: FulfillmentRequest, locationId: string) => request.location_names[locationId] ?? locationId

function whose(request: FulfillmentRequest, line: FulfillmentLine): string {
  const order = request.order.display_id != null ? `Order #${request.order.display_id}` : `Order ${request.order.id}`
  return `${order}, "${line.title ?? line.id}"${line.variant_sku ? ` (${line.variant_sku})` : ""}`
}

/** The line has no reservation anywhere (already fulfilled, or never reserved). */
export function noReservationRefusal(request: FulfillmentRequest, line: FulfillmentLine, quantity: number): FulfillmentRefusal {
  const medusa = noReservationSentence(line)
  return {
    reason: "no_reservation",
    line_item_id: line.id,
    medusa,
    message:
      `${medusa}. ${whose(request, line)}: nothing of it is reserved any more (already fulfilled, or never reserved); ` +
      `${quantity} cannot be fulfilled from ${nameOf(request, request.location_id)}.`,
  }
}

/**
 * The fulfilling location holds fewer whole units of the line than asked, or none at all
 * (Medusa's closest case: the reservation does not hold what is asked).
 */
export function exceedsReservedRefusal(
  request: FulfillmentRequest,
  line: FulfillmentLine,
  quantity: number,
  parts: LinePart[],
  reservations: LineReservation[]
): FulfillmentRefusal {
  const medusa = exceedsReservedSentence(line.id)
  const here = request.location_id
  const hereName = nameOf(request, here)
  const units = lineUnitsAt(reservations, parts, here)
  const elsewhere = [...new Set(reservations.map((r) => r.location_id))]
    .filter((id) => id !== here)
    .map((id) => ({ name: nameOf(request, id), units: lineUnitsAt(reservations, parts, id) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const nothingHere = parts.every((p) => partUnitsAt(reservations, p, here) === 0)

  let text = `${medusa}. ${whose(request, line)}: reserved at ${hereName}: ${units}; asked: ${quantity}.`
  if (nothingHere && elsewhere.length) {
    const where = elsewhere.map((l) => l.name).join(" and ")
    text += ` It is reserved at ${where}, not at ${hereName}. Fulfil it from there, or re-route the order first.`
    return { reason: "exceeds_reserved", line_item_id: line.id, medusa, message: text }
  }
  if (elsewhere.length) text += ` The rest is reserved at ${elsewhere.map((l) => `${l.name}: ${l.units}`).join(" and ")}.`
  if (hasParts(parts)) {
    const covered = parts.map((p) => `${partLabel(p)}: ${lineUnitsOfPart(reservations, p, here)}`).join(", ")
    text += ` Parts reserved at ${hereName}, in units of the line: ${covered}.`
  }
  if (units > 0) {
    text += ` Fulfil at most ${units} from ${hereName}${elsewhere.length ? ", the rest from where it is reserved." : "."}`
  } else {
    text += elsewhere.length
      ? " Fulfil it from where it is reserved, or re-route the order first."
      : " Reserve the missing units, or re-route the order, first."
  }
  return { reason: "exceeds_reserved", line_item_id: line.id, medusa, message: text }
}
