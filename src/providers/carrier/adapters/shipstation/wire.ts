/**
 * The parts of ShipStation API v2's JSON we read and write (docs.shipstation.com, "ShipStation
 * V2 API"; the shapes are shared with ShipEngine v1). Only the fields the adapter uses.
 */

export type SsMoney = { currency: string; amount: number }

export type SsAddress = {
  name: string
  phone: string
  company_name?: string | null
  address_line1: string
  address_line2?: string | null
  city_locality: string
  state_province?: string | null
  postal_code: string
  country_code: string
  address_residential_indicator: "yes" | "no" | "unknown"
}

export type SsPackage = {
  weight: { value: number; unit: "gram" }
  dimensions: { unit: "centimeter"; length: number; width: number; height: number }
}

export type SsCustomsItem = {
  description: string
  quantity: number
  value: SsMoney
  harmonized_tariff_code: string
  country_of_origin: string
  weight: { value: number; unit: "gram" }
}

export type SsShipment = {
  carrier_id?: string
  service_code?: string
  external_shipment_id?: string
  ship_to: SsAddress
  ship_from: SsAddress
  packages: SsPackage[]
  customs?: { contents: "merchandise"; non_delivery: "return_to_sender"; customs_items: SsCustomsItem[] } | null
}

export type SsRate = {
  rate_id: string
  shipment_id?: string
  carrier_id: string
  carrier_code: string
  carrier_friendly_name?: string
  service_code: string
  service_type: string
  shipping_amount: SsMoney
  insurance_amount?: SsMoney
  confirmation_amount?: SsMoney
  other_amount?: SsMoney
  tax_amount?: SsMoney | null
  delivery_days?: number | null
}

export type SsRatesResponse = {
  shipment_id?: string
  rate_response: { rates: SsRate[]; invalid_rates?: SsRate[]; errors?: SsError[] }
}

export type SsLabelDownload = { pdf?: string; png?: string; zpl?: string; href?: string }

export type SsLabel = {
  label_id: string
  status: "processing" | "completed" | "error" | "voided"
  shipment_id: string
  external_shipment_id?: string | null
  tracking_number: string
  tracking_url?: string | null
  is_return_label: boolean
  carrier_id: string
  carrier_code: string
  service_code: string
  label_format: "pdf" | "png" | "zpl"
  shipment_cost: SsMoney
  insurance_cost?: SsMoney
  label_download: SsLabelDownload
  packages: { package_id?: number; tracking_number: string; label_download?: SsLabelDownload }[]
}

export type SsVoid = { approved: boolean; message: string; reason_code?: string | null }

export type SsTrackEvent = {
  occurred_at: string
  description: string
  status_code?: string
  city_locality?: string | null
  state_province?: string | null
  country_code?: string | null
}

export type SsTracking = {
  tracking_number: string
  status_code: string
  status_description?: string
  events: SsTrackEvent[]
}

export type SsCarrier = {
  carrier_id: string
  carrier_code: string
  friendly_name: string
  services: { carrier_id: string; service_code: string; name: string }[]
}

export type SsError = {
  error_source?: string
  error_type?: string
  error_code?: string
  message?: string
  field_name?: string
}

export type SsErrorBody = { request_id?: string; errors?: SsError[] }
