/** One order line as the order keeps it (its snapshot of the product when it was placed). */
export type OrderLineSnapshot = {
  id: string
  variant_id?: string | null
  variant_sku?: string | null
  variant_barcode?: string | null
  product_title?: string | null
  title?: string | null
  variant_title?: string | null
}

/** A variant's size and weight as stored (numbers, numeric strings or nothing). */
export type VariantMeasures = {
  id: string
  weight?: unknown
  length?: unknown
  width?: unknown
  height?: unknown
}

/** One line on the packing bench: what it is, how many go into the parcel, and its measures. */
export type PackBenchItem = {
  line_item_id: string
  sku: string | null
  barcode: string | null
  title: string
  variant_title: string | null
  quantity: number
  weight: number | null
  length: number | null
  width: number | null
  height: number | null
}

const measure = (v: unknown) => (v === null || v === undefined || v === "" ? null : Number(v))

/**
 * The bench's lines: for each order line and its units, the order's snapshot (SKU, barcode,
 * titles) and the variant's measures for the parcel. Sorted by SKU, then line, so the bench
 * and the packing slip list them the same way every time. A line the order no longer has
 * still shows (by id, without titles) rather than vanish from the parcel.
 */
export function packBenchItems(
  units: Map<string, number>,
  lines: OrderLineSnapshot[],
  variants: VariantMeasures[]
): PackBenchItem[] {
  const lineById = new Map(lines.map((l) => [l.id, l]))
  const variantById = new Map(variants.map((v) => [v.id, v]))
  const items: PackBenchItem[] = []
  for (const [lineItemId, quantity] of units) {
    const line = lineById.get(lineItemId)
    const variant = line?.variant_id ? variantById.get(line.variant_id) : undefined
    items.push({
      line_item_id: lineItemId,
      sku: line?.variant_sku ?? null,
      barcode: line?.variant_barcode ?? null,
      title: line?.product_title ?? line?.title ?? "",
      variant_title: line?.variant_title ?? null,
      quantity,
      weight: measure(variant?.weight),
      length: measure(variant?.length),
      width: measure(variant?.width),
      height: measure(variant?.height),
    })
  }
  return items.sort((a, b) => (a.sku ?? "").localeCompare(b.sku ?? "") || a.line_item_id.localeCompare(b.line_item_id))
}
