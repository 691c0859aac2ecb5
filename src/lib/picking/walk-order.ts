/** What walk order needs to know about a stop; PickStop and ScanStop both fit. */
export type WalkPosition = {
  walk_sequence: number | null
  bin_code: string | null
  sku: string | null
  inventory_item_id?: string
}

const naturally = new Intl.Collator("en", { numeric: true, sensitivity: "base" })

/**
 * Walk order: walk sequence ascending (stops without one after those with one), then bin code
 * (A-2 before A-10; stops without a bin last), then SKU, then inventory item. The plain string
 * comparisons at each step keep it a total order where the natural collation sees ties.
 */
export function compareStops(a: WalkPosition, b: WalkPosition): number {
  return (
    nullsLast(a.walk_sequence, b.walk_sequence, (x, y) => x - y) ||
    nullsLast(a.bin_code, b.bin_code, compareText) ||
    nullsLast(a.sku, b.sku, compareText) ||
    compareText(a.inventory_item_id ?? "", b.inventory_item_id ?? "")
  )
}

function nullsLast<T>(a: T | null, b: T | null, compare: (x: T, y: T) => number): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1
  return compare(a, b)
}

function compareText(a: string, b: string): number {
  return naturally.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0)
}
