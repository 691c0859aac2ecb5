/** The parts of EasyPost's objects the adapter reads (EasyPost API v2, field names as sent). */

export type EasyPostAddress = {
  name?: string | null
  company?: string | null
  street1: string
  street2?: string | null
  city: string
  state?: string | null
  zip: string
  country: string
  phone?: string | null
  email?: string | null
}

export type EasyPostRate = {
  id: string
  carrier: string
  service: string
  rate: string
  currency: string
  delivery_days?: number | null
  est_delivery_days?: number | null
  shipment_id?: string
}

export type EasyPostPostageLabel = {
  label_url?: string | null
  label_pdf_url?: string | null
  label_zpl_url?: string | null
  label_file_type?: string | null
}

export type EasyPostTrackingDetail = {
  message?: string | null
  description?: string | null
  status: string
  datetime: string
  tracking_location?: { city?: string | null; state?: string | null; country?: string | null; zip?: string | null } | null
}

export type EasyPostTracker = {
  id: string
  tracking_code: string
  status: string
  carrier?: string | null
  public_url?: string | null
  shipment_id?: string | null
  tracking_details?: EasyPostTrackingDetail[]
}

export type EasyPostMessage = { carrier?: string; type?: string; message?: string }

export type EasyPostShipment = {
  id: string
  reference?: string | null
  is_return?: boolean
  tracking_code?: string | null
  rates?: EasyPostRate[]
  selected_rate?: EasyPostRate | null
  postage_label?: EasyPostPostageLabel | null
  tracker?: EasyPostTracker | null
  refund_status?: "submitted" | "refunded" | "rejected" | "not_applicable" | null
  messages?: EasyPostMessage[]
}

export type EasyPostEvent = {
  id?: string
  object?: string
  description?: string
  result?: unknown
}
