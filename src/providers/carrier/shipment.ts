import type { CustomsLine, ShipmentRequest, ShippingAddress, ShippingParcel } from "../../lib/shipping/contract"
import { parcelFromItems } from "../../lib/picking/parcel"

/**
 * Medusa's shapes (cart/order addresses, stock location addresses, line items with variants)
 * turned into the CarrierAdapter contract's ShipmentRequest. Units: the store keeps variant
 * weights in grams and sizes in centimetres (the plugin's convention, see picking's parcel).
 */
type MedusaAddress = {
  first_name?: string | null
  last_name?: string | null
  company?: string | null
  address_1?: string | null
  address_2?: string | null
  city?: string | null
  postal_code?: string | null
  province?: string | null
  country_code?: string | null
  phone?: string | null
}

export type ItemFacts = {
  quantity: number
  title?: string | null
  unit_price?: number | null
  variant?: {
    weight?: number | null
    length?: number | null
    width?: number | null
    height?: number | null
    hs_code?: string | null
    origin_country?: string | null
  } | null
}

/** Used when the catalog has no sizes: a small box, so carriers that need sizes can rate. */
const DEFAULT_BOX = { length_cm: 30, width_cm: 20, height_cm: 10 }
const MIN_WEIGHT_G = 100

export function toShippingAddress(address: MedusaAddress | null | undefined, name?: string | null, email?: string | null): ShippingAddress {
  const a = address ?? {}
  return {
    name: name ?? ([a.first_name, a.last_name].filter(Boolean).join(" ") || a.company || "Recipient"),
    company: a.company ?? null,
    line1: a.address_1 ?? "",
    line2: a.address_2 ?? null,
    city: a.city ?? "",
    postal_code: a.postal_code ?? "",
    province: a.province ?? null,
    country_code: (a.country_code ?? "").toUpperCase(),
    phone: a.phone ?? null,
    email: email ?? null,
  }
}

/** One parcel from the items (stacked, as the pack step guesses it) or the packer's own measures. */
export function parcelOf(items: ItemFacts[], packed?: { weight?: number; length?: number; width?: number; height?: number } | null): ShippingParcel {
  const guess = packed ?? parcelFromItems(
    items.map((i) => ({
      quantity: i.quantity,
      weight: i.variant?.weight ?? null,
      length: i.variant?.length ?? null,
      width: i.variant?.width ?? null,
      height: i.variant?.height ?? null,
    })) as any
  )
  return {
    weight_g: Math.max(MIN_WEIGHT_G, Math.round(guess.weight ?? 0)),
    length_cm: guess.length || DEFAULT_BOX.length_cm,
    width_cm: guess.width || DEFAULT_BOX.width_cm,
    height_cm: guess.height || DEFAULT_BOX.height_cm,
  }
}

/** Customs lines for a parcel that crosses a border (HS code and origin from the variant). */
export function customsOf(items: ItemFacts[], currency: string, from: ShippingAddress, to: ShippingAddress): CustomsLine[] | null {
  if (from.country_code === to.country_code) return null
  return items.map((i) => ({
    description: i.title ?? "Goods",
    quantity: i.quantity,
    value: Number(i.unit_price ?? 0) * i.quantity,
    currency_code: currency.toUpperCase(),
    weight_g: Math.round((i.variant?.weight ?? 0) * i.quantity),
    hs_code: i.variant?.hs_code ?? "",
    origin_country: (i.variant?.origin_country ?? from.country_code).toUpperCase(),
  }))
}

export function shipmentOf(input: {
  from: ShippingAddress
  to: ShippingAddress
  items: ItemFacts[]
  currency_code: string
  parcel?: { weight?: number; length?: number; width?: number; height?: number } | null
}): Omit<ShipmentRequest, "reference"> {
  return {
    from: input.from,
    to: input.to,
    parcels: [parcelOf(input.items, input.parcel)],
    customs: customsOf(input.items, input.currency_code, input.from, input.to),
    currency_code: input.currency_code.toUpperCase(),
  }
}
