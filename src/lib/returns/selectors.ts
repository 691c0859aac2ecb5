import type { EligibilityLineInput, ProductSelector } from "./types"

/** True when the line's product is one the selector lists (by product, collection, category, tag or type id). */
export function selects(selector: ProductSelector, line: EligibilityLineInput): boolean {
  const ids = new Set(selector.ids)
  switch (selector.kind) {
    case "product":
      return !!line.product_id && ids.has(line.product_id)
    case "collection":
      return !!line.product.collection_id && ids.has(line.product.collection_id)
    case "category":
      return line.product.category_ids.some((id) => ids.has(id))
    case "tag":
      return line.product.tag_ids.some((id) => ids.has(id))
    case "type":
      return !!line.product.type_id && ids.has(line.product.type_id)
  }
}

export const selectsAny = (selectors: ProductSelector[], line: EligibilityLineInput): boolean =>
  selectors.some((s) => selects(s, line))
