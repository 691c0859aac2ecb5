/**
 * The parts of Sendcloud API v3's JSON we read and write (sendcloud.dev; Sendcloud's OpenAPI
 * files for shipments, shipping options, returns, parcel documents, tracking and webhooks).
 */

export type ScPrice = { value: string; currency: string }

export type ScAddress = {
  name: string
  company_name?: string
  address_line_1: string
  address_line_2?: string
  postal_code: string
  city: string
  country_code: string
  state_province_code?: string
  phone_number?: string
  email?: string
}

export type ScParcelItem = {
  description: string
  quantity: number
  weight: { value: string; unit: "kg" }
  price: ScPrice
  hs_code: string
  origin_country: string
}

export type ScParcel = {
  dimensions: { length: string; width: string; height: string; unit: "cm" }
  weight: { value: string; unit: "kg" }
  parcel_items?: ScParcelItem[]
}

export type ScShippingOption = {
  code: string
  name: string
  carrier?: { code: string; name: string }
  product?: { code: string; name: string }
  contract?: { id: number } | null
  quotes?: { price?: { total?: ScPrice | null } | null; lead_time?: number | null }[] | null
}

export type ScShipmentParcel = {
  id: number
  status?: { code: string; message?: string }
  tracking_number?: string | null
  tracking_url?: string | null
  documents?: { type: string; size?: string; link: string }[]
  label_file?: string | null
}

export type ScShipment = {
  id: string
  external_reference_id?: string | null
  label_details?: { mime_type?: string; dpi?: number }
  ship_with?: { type: string; properties?: { shipping_option_code?: string; contract_id?: number } }
  parcels: ScShipmentParcel[]
  errors?: ScErrorObject[]
}

export type ScReturnCreated = { return_id: number; parcel_id: number; multi_collo_ids: number[] }

export type ScReturn = {
  id?: number
  tracking_number?: string | null
  tracking_url?: string | null
  label_cost?: ScPrice | null
  is_cancellable?: boolean
}

export type ScTrackingEvent = { event_at: string; status_code: string; status_description?: string }

export type ScErrorObject = {
  status?: string
  code?: string
  title?: string
  detail?: string
  source?: { pointer?: string; parameter?: string }
}
