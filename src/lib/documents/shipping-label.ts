import type { LabelSize, ShippingAddress } from "../shipping/contract"

/** Everything printed on one parcel's shipping label. */
export type ShippingLabelContent = {
  /** Who moves the parcel ("Offline carrier"). */
  carrier_name: string
  service_name: string
  tracking_number: string
  from: ShippingAddress
  to: ShippingAddress
  weight_g: number
  /** Our reference (the ledger's key), so a label in hand leads back to its purchase. */
  reference: string
  /** "Parcel 1 of 2" when an order ships in several boxes. */
  parcel_number: number
  parcel_count: number
  /** ISO 8601; printed as a date in UTC. */
  shipped_at: string
  /** A return label (customer to warehouse) says so in large letters. */
  is_return?: boolean
}

export type ShippingLabelPdfOptions = { size: LabelSize }

/** Lines of an address as printed on a label, name first, country last. */
export function labelAddressLines(address: ShippingAddress): string[] {
  const cityLine = [address.postal_code, address.city].filter(Boolean).join(" ")
  return [
    address.name,
    address.company,
    address.line1,
    address.line2,
    [cityLine, address.province].filter(Boolean).join(", "),
    address.country_code?.toUpperCase(),
  ].filter((line): line is string => !!line && line.trim() !== "")
}
