/** The parts of Shippo's objects the adapter reads (API version 2018-02-08, field names as sent). */

export type ShippoMessage = { source?: string; code?: string; text?: string }

export type ShippoRate = {
  object_id: string
  amount: string
  currency: string
  provider: string
  servicelevel: { name?: string; token: string }
  estimated_days?: number | null
  shipment?: string
}

export type ShippoShipment = {
  object_id: string
  status?: string
  rates?: ShippoRate[]
  messages?: ShippoMessage[]
}

export type ShippoTransactionStatus = "WAITING" | "QUEUED" | "SUCCESS" | "ERROR" | "REFUNDED" | "REFUNDPENDING" | "REFUNDREJECTED"

/** `rate` is an id, or (on newer answers) the rate itself in the short CoreRate form. */
export type ShippoCoreRate = {
  object_id?: string
  amount?: string
  currency?: string
  provider?: string
  servicelevel_token?: string
  servicelevel_name?: string
}

export type ShippoTransaction = {
  object_id: string
  object_created?: string
  object_updated?: string
  status: ShippoTransactionStatus
  rate?: string | ShippoCoreRate
  metadata?: string
  parcel?: string
  tracking_number?: string
  tracking_url_provider?: string
  label_url?: string
  label_file_type?: string
  messages?: ShippoMessage[]
}

export type ShippoPage<T> = { next?: string | null; previous?: string | null; results: T[] }

export type ShippoRefund = { object_id: string; status: "QUEUED" | "PENDING" | "SUCCESS" | "ERROR"; transaction: string }

export type ShippoTrackingStatus = {
  object_id?: string
  status: string
  status_details?: string
  status_date?: string
  substatus?: { code?: string; text?: string } | null
  location?: { city?: string; state?: string; zip?: string; country?: string } | null
}

export type ShippoTrack = {
  carrier: string
  tracking_number: string
  tracking_status?: ShippoTrackingStatus | null
  tracking_history?: ShippoTrackingStatus[]
  transaction?: string | null
}

export type ShippoWebhookBody = { event?: string; test?: boolean; data?: unknown }
