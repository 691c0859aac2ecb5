import type { Parcel, ParcelItem } from "./types"

/**
 * A first guess at the parcel, editable by the packer: items stacked on top of each other.
 * Weight and height add up per unit, length and width are the largest item's. Unknown
 * measures count as 0.
 */
export function parcelFromItems(items: ParcelItem[]): Parcel {
  const parcel: Parcel = { weight: 0, length: 0, width: 0, height: 0 }
  for (const item of items) {
    const units = Math.max(0, item.quantity)
    if (units === 0) continue
    parcel.weight += units * (item.weight ?? 0)
    parcel.height += units * (item.height ?? 0)
    parcel.length = Math.max(parcel.length, item.length ?? 0)
    parcel.width = Math.max(parcel.width, item.width ?? 0)
  }
  return parcel
}
