import type { BinAddress, BinSegment, WalkOrder } from "./types"

export const DEFAULT_WALK_ORDER: Readonly<Required<WalkOrder>> = Object.freeze({
  segments: ["zone", "aisle", "shelf", "slot"] as BinSegment[],
  serpentine: true,
})

/** Walk sequences are stored in a PostgreSQL integer column. */
export const MAX_WALK_SEQUENCE = 2_147_483_647

/** The longest bin code a CSV row or the API may set. */
export const MAX_BIN_CODE_LENGTH = 64

const SEGMENTS: BinSegment[] = ["zone", "aisle", "shelf", "slot"]

/**
 * How many values each segment can take. The product (703 x 100 x 100 x 126 = 885,780,000)
 * stays below MAX_WALK_SEQUENCE in any segment order, which is why the ranges stop where they
 * do: zones A..ZZ, aisles and shelves 0..99, slots 0..99 or A..Z.
 */
const RADIX: Record<BinSegment, number> = { zone: 703, aisle: 100, shelf: 100, slot: 126 }

const SEPARATOR = "[-._/ ]"
const BIN_CODE = new RegExp(
  `^([A-Z]{1,2})${SEPARATOR}?(\\d{1,3})${SEPARATOR}(\\d{1,3})${SEPARATOR}([A-Z]|\\d{1,3})$`
)

/** The form bin codes are stored and compared in: trimmed, upper case, single spaces. */
export function normalizeBinCode(code: string): string {
  return code.trim().replace(/\s+/g, " ").toUpperCase()
}

/**
 * Reads a structured bin code such as `A-03-2-B` or `b12.4.07`: zone letters, aisle digits,
 * shelf digits, slot letter or digits. Returns null for anything else (a code like `DOCK` is
 * still a valid bin, it just has no derived walk sequence).
 */
export function parseBinCode(code: string): BinAddress | null {
  const match = BIN_CODE.exec(normalizeBinCode(code))
  if (!match) return null
  const [, zone, aisleDigits, shelfDigits, slot] = match
  const aisle = Number(aisleDigits)
  const shelf = Number(shelfDigits)
  if (aisle >= RADIX.aisle || shelf >= RADIX.shelf) return null
  if (/^\d+$/.test(slot) && Number(slot) >= 100) return null
  return { zone, aisle, shelf, slot: /^\d+$/.test(slot) ? String(Number(slot)) : slot }
}

/** Fills a partial or messy walk order: unknown and repeated segments dropped, missing ones appended. */
export function normalizeWalkOrder(order?: Partial<WalkOrder> | null): Required<WalkOrder> {
  const given = (order?.segments ?? []).filter((s, i, all) => SEGMENTS.includes(s) && all.indexOf(s) === i)
  return {
    segments: [...given, ...DEFAULT_WALK_ORDER.segments.filter((s) => !given.includes(s))],
    serpentine: order?.serpentine ?? DEFAULT_WALK_ORDER.serpentine,
  }
}

/**
 * A sortable integer for a structured bin code: the segments read as digits of a mixed-radix
 * number, most significant first in the walk order. With `serpentine`, every segment after the
 * aisle counts backwards on even aisles. Null when the code is not structured.
 */
export function binWalkSequence(code: string, order?: WalkOrder): number | null {
  const address = parseBinCode(code)
  if (!address) return null
  const { segments, serpentine } = normalizeWalkOrder(order)
  const reverseAfterAisle = serpentine && address.aisle % 2 === 0
  let sequence = 0
  let afterAisle = false
  for (const segment of segments) {
    const rank = segmentRank(address, segment)
    const radix = RADIX[segment]
    sequence = sequence * radix + (afterAisle && reverseAfterAisle ? radix - 1 - rank : rank)
    if (segment === "aisle") afterAisle = true
  }
  return sequence
}

function segmentRank(address: BinAddress, segment: BinSegment): number {
  switch (segment) {
    case "zone":
      return zoneRank(address.zone)
    case "aisle":
      return address.aisle
    case "shelf":
      return address.shelf
    case "slot":
      return slotRank(address.slot)
  }
}

/** A..Z = 1..26, AA..ZZ = 27..702, like spreadsheet columns: zone Z comes before zone AA. */
function zoneRank(zone: string): number {
  let rank = 0
  for (const letter of zone) rank = rank * 26 + (letter.charCodeAt(0) - 64)
  return rank
}

/** Numbered slots 0..99 first, then lettered slots A..Z (100..125). */
function slotRank(slot: string): number {
  return /^\d+$/.test(slot) ? Number(slot) : 100 + slot.charCodeAt(0) - 65
}
