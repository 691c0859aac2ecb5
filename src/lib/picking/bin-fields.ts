import { binWalkSequence, normalizeBinCode } from "./bin-code"
import type { WalkOrder } from "./types"

export type BinUpsert = {
  stock_location_id: string
  inventory_item_id: string
  code: string
  /** A number: set by hand. null: derive from the code. Omitted: keep a hand-set one, else derive. */
  walk_sequence?: number | null
}

/** The bin as stored before this change, if there is one. */
type Existing = { walk_sequence: number | null; walk_sequence_source: "code" | "manual" } | undefined

/** The stored fields of a bin: normalised code, walk sequence and where the sequence comes from. */
export function binFields(row: BinUpsert, existing: Existing, walkOrder: WalkOrder) {
  const code = normalizeBinCode(row.code)
  if (typeof row.walk_sequence === "number") {
    return { code, walk_sequence: row.walk_sequence, walk_sequence_source: "manual" as const }
  }
  if (row.walk_sequence === undefined && existing?.walk_sequence_source === "manual") {
    return { code, walk_sequence: existing.walk_sequence, walk_sequence_source: "manual" as const }
  }
  return { code, walk_sequence: binWalkSequence(code, walkOrder), walk_sequence_source: "code" as const }
}
