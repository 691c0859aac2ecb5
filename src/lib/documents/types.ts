import type { PickList } from "../picking"

export type Paper = "a4" | "letter"

export type PickListPdfOptions = {
  paper: Paper
  /** ISO 8601; printed in UTC so every printer in every time zone shows the same time. */
  generated_at: string
}

export type ShipTo = {
  name?: string | null
  company?: string | null
  address_1?: string | null
  address_2?: string | null
  city?: string | null
  province?: string | null
  postal_code?: string | null
  country_code?: string | null
  phone?: string | null
}

export type PackingSlipItem = {
  sku: string | null
  title: string
  variant_title: string | null
  quantity: number
  barcode: string | null
}

export type PackingSlip = {
  order_display_id: number | string
  order_id: string
  wave_id?: string | null
  tote?: number | null
  location_name: string
  ship_to: ShipTo
  items: PackingSlipItem[]
  /** ISO 8601 */
  generated_at: string
}

export type PackingSlipPdfOptions = { paper: Paper }

export type { PickList }
