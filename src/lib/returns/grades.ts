import type { Disposition, Grade } from "./types"

/**
 * What the station proposes for a grade before the inspector changes it: sellable units go
 * back on the shelf, damaged ones are written off, and a missing or wrong item has nothing of
 * ours to put anywhere.
 */
export function defaultDisposition(grade: Grade): Disposition {
  switch (grade) {
    case "new":
    case "opened":
      return "restock"
    case "damaged":
      return "write_off"
    case "missing":
    case "wrong_item":
      return "none"
  }
}

