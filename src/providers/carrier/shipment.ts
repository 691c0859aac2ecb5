import { MedusaError } from "@medusajs/framework/utils"
import type { ShipmentRequest, ShippingAddress, ShippingParcel } from "../../lib/shipping/contract"
import { customsLines } from "../../lib/shipping/customs"
import { toShippingParcels } from "../../lib/shipping/parcels"
import type { ShipmentFacts } from "../../lib/shipping/rate-shopping"
import { shipmentFacts } from "../../lib/shipping/rate-shopping"
import { parcelFromItems } from "../../lib/picking/parcel"
import type { Parcel } from "../../lib/picking/types"

/**
 * Medusa's shapes (cart and order addresses, stock location addresses, line items with their
 * variants) as the CarrierAdapter contract's ShipmentRequest. Parcels and customs come from the
 * shipping core: the store's measures are grams and millimetres (src/lib/shipping/parcels.ts),
 * and an international parcel needs each line's HS code, origin and weight (customs.ts).
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
  variant_title?: string | null
  variant_sku?: string | null
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

/** The packed parcels, else one parcel guessed from the items stacked (as the pack page guesses it). */
export function parcelsOf(items: ItemFacts[], packed?: Parcel | Parcel[] | null): { ok: true; parcels: ShippingParcel[] } | { ok: false; problems: string[] } {
  const boxes = packed ? (Array.isArray(packed) ? packed : [packed]) : [
    parcelFromItems(
      items.map((i) => ({
        quantity: i.quantity,
        weight: i.variant?.weight ?? null,
        length: i.variant?.length ?? null,
        width: i.variant?.width ?? null,
        height: i.variant?.height ?? null,
      })) as any
    ),
  ]
  return toShippingParcels(boxes)
}

export type ShipmentInput = {
  from: ShippingAddress
  to: ShippingAddress
  items: ItemFacts[]
  currency_code: string
  parcel?: Parcel | Parcel[] | null
  /** Checkout quotes skip customs (a rate needs none); a purchase needs it. */
  customs?: boolean
}

/** The shipment, or a 400 whose sentences say what a person must fix (weights, HS codes). */
export function shipmentOf(input: ShipmentInput): Omit<ShipmentRequest, "reference"> {
  const parcels = parcelsOf(input.items, input.parcel)
  if (!parcels.ok) throw new MedusaError(MedusaError.Types.INVALID_DATA, parcels.problems.join(" "))
  let customs: ShipmentRequest["customs"] = null
  if (input.customs !== false) {
    const result = customsLines(
      input.items.map((i) => ({
        title: i.title ?? "Goods",
        variant_title: i.variant_title ?? null,
        sku: i.variant_sku ?? null,
        quantity: i.quantity,
        unit_price: Number(i.unit_price ?? 0),
        currency_code: input.currency_code,
        weight: i.variant?.weight ?? null,
        hs_code: i.variant?.hs_code ?? null,
        origin_country: i.variant?.origin_country ?? null,
      })),
      { from_country: input.from.country_code, to_country: input.to.country_code }
    )
    if (result.needed && !result.ok) throw new MedusaError(MedusaError.Types.INVALID_DATA, result.problems.join(" "))
    customs = result.lines
  }
  return { from: input.from, to: input.to, parcels: parcels.parcels, customs, currency_code: input.currency_code.toUpperCase() }
}

/** What rate-shopping conditions read: destination, value, currency, option, weight and parcel count. */
export function factsOf(shipment: Omit<ShipmentRequest, "reference">, value: number, shippingOptionId?: string | null): ShipmentFacts {
  return shipmentFacts(
    {
      destination: {
        country_code: shipment.to.country_code,
        province: shipment.to.province ?? null,
        postal_code: shipment.to.postal_code,
        city: shipment.to.city,
      },
      value,
      currency_code: shipment.currency_code ?? "",
      shipping_option_ids: shippingOptionId ? [shippingOptionId] : [],
    },
    shipment.parcels
  )
}
