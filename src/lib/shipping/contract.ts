/**
 * The CarrierAdapter contract: what every carrier (EasyPost, Shippo, ShipStation, Sendcloud and
 * the built-in offline carrier) does for us, in our own words and units. Types only; the
 * adapters that speak HTTP live in src/providers/carrier/adapters/<carrier>/.
 *
 * Units inside the plugin are fixed: grams, centimetres, money in the currency's major units
 * (12.5 means 12.50, as Medusa stores amounts). Adapters convert at their edge.
 */

export const carrierCodes = ["offline", "easypost", "shippo", "shipstation", "sendcloud"] as const
export type CarrierCode = (typeof carrierCodes)[number]

export type LabelFormat = "pdf" | "zpl"
/** Page the label is printed on: a 4x6 in thermal label, or an A4/Letter sheet. */
export type LabelSize = "4x6" | "a4" | "letter"

export type ShippingAddress = {
  name: string
  company?: string | null
  line1: string
  line2?: string | null
  city: string
  postal_code: string
  province?: string | null
  /** ISO 3166-1 alpha-2, upper case. */
  country_code: string
  phone?: string | null
  email?: string | null
}

/** One box. Several per shipment when the packer splits an order. */
export type ShippingParcel = {
  weight_g: number
  length_cm: number
  width_cm: number
  height_cm: number
}

/** One customs line of an international parcel (a line item, summed over its units). */
export type CustomsLine = {
  description: string
  quantity: number
  /** Value of all units of the line, major units of `currency_code`. */
  value: number
  currency_code: string
  /** Weight of all units of the line. */
  weight_g: number
  hs_code: string
  /** ISO 3166-1 alpha-2 country the goods were made in. */
  origin_country: string
}

/** What we ask a carrier to rate or ship. */
export type ShipmentRequest = {
  /**
   * Our reference for this purchase: the label ledger's idempotency key. Adapters send it where
   * the carrier keeps one (ShipStation external_shipment_id, Sendcloud external_reference_id,
   * EasyPost reference, Shippo metadata) so `lookup` can find a purchase whose answer was lost.
   */
  reference: string
  from: ShippingAddress
  to: ShippingAddress
  parcels: ShippingParcel[]
  customs?: CustomsLine[] | null
  /** Currency in which rates should be quoted, when the carrier lets us choose. */
  currency_code?: string
}

export type Rate = {
  carrier: CarrierCode
  /** The carrier's id for this quote when it has one (EasyPost rate_…, Shippo rate object id). */
  rate_id: string | null
  /** The carrier's shipment id the quote belongs to (EasyPost shp_…), kept for buying and lookup. */
  carrier_shipment_id: string | null
  /** The company that moves the box ("DHL Express", "USPS"), as a person names it. */
  provider: string
  service_code: string
  service_name: string
  amount: number
  currency_code: string
  /** Transit days the carrier promises; null when it does not say. */
  days: number | null
}

export type BuyRequest = {
  shipment: ShipmentRequest
  /** The quote to buy; adapters without quotes buy by `rate.service_code`. */
  rate: Rate
  format: LabelFormat
  size: LabelSize
}

export type LabelFile = {
  format: LabelFormat
  /** The file itself when the carrier sends it or we fetched it (base64). */
  content_base64: string | null
  /** Where the carrier serves the file, when it does. */
  url: string | null
}

/** One parcel's label of a purchase. */
export type ParcelLabel = {
  tracking_number: string
  tracking_url: string | null
  file: LabelFile
}

export type PurchasedLabel = {
  carrier: CarrierCode
  /** The carrier's id of what was bought (shipment, transaction or label id): what void and track use. */
  carrier_label_id: string
  /** One per parcel of the request, in the request's order. */
  parcels: ParcelLabel[]
  amount: number
  currency_code: string
  service_code: string
  /** Anything else the adapter needs later (refund ids, rate ids), stored on the ledger row. */
  carrier_data: Record<string, unknown>
}

export type VoidOutcome =
  /** The carrier took the label back (or it had already). */
  | { status: "voided" }
  /** The carrier accepted the request and decides later (Sendcloud 202, EasyPost refund "submitted"). */
  | { status: "pending"; message: string }
  /** Too late or not allowed; the message says why in the carrier's words, made readable. */
  | { status: "refused"; message: string }

export const trackingStatuses = [
  "pre_transit",
  "in_transit",
  "out_for_delivery",
  "delivered",
  "failure",
  "returned",
  "unknown",
] as const
export type TrackingStatus = (typeof trackingStatuses)[number]

export type TrackingEvent = {
  status: TrackingStatus
  /** ISO 8601. */
  occurred_at: string
  description: string
  location: string | null
}

export type TrackingUpdate = {
  carrier: CarrierCode
  tracking_number: string
  /** The latest status. */
  status: TrackingStatus
  /** Oldest first. */
  events: TrackingEvent[]
}

/** A webhook delivery as the route received it: the raw bytes, before any JSON parsing. */
export type WebhookDelivery = {
  headers: Record<string, string | string[] | undefined>
  raw_body: Buffer
  /** The full URL path and query the carrier called (Shippo can authenticate by a URL token). */
  url: string
  received_at: Date
}

export type VerifiedWebhook =
  | {
      ok: true
      /** The carrier's id of this event, for dedupe (EasyPost evt_…); derived from the body when it has none. */
      event_key: string
      /** The tracking updates the event carries; empty for events we do not use. */
      updates: TrackingUpdate[]
    }
  | { ok: false; reason: string }

/**
 * Credentials and where to send requests. `secrets` are decrypted only in memory, just before
 * the adapter is built; they are never logged and never returned by an API.
 */
export type CarrierAccountConfig = {
  carrier: CarrierCode
  /** Sandbox, production or a local fake. Defaults to the carrier's production URL. */
  base_url?: string | null
  secrets: Record<string, string>
  /** Non-secret settings (ShipStation carrier_id, Sendcloud contract id, offline zones). */
  settings?: Record<string, unknown>
}

export interface CarrierAdapter {
  readonly carrier: CarrierCode
  rates(shipment: ShipmentRequest): Promise<Rate[]>
  buy(request: BuyRequest): Promise<PurchasedLabel>
  /**
   * Finds a purchase by our reference after its answer was lost; null when the carrier has none.
   * `format` is the label format the lost purchase asked for (EasyPost converts files after buying).
   */
  lookup(
    reference: string,
    hint?: { rate?: Rate; carrier_shipment_id?: string | null; format?: LabelFormat }
  ): Promise<PurchasedLabel | null>
  void(label: PurchasedLabel): Promise<VoidOutcome>
  /** A label from the customer (`shipment.from`) back to the warehouse (`shipment.to`). */
  returnLabel(request: BuyRequest): Promise<PurchasedLabel>
  track(label: PurchasedLabel): Promise<TrackingUpdate>
  /** Checks the signature (and timestamp where the carrier sends one) on the raw body. */
  verifyWebhook(delivery: WebhookDelivery, webhookSecrets: Record<string, string>): Promise<VerifiedWebhook>
  /** A cheap authenticated call for "Test connection"; throws a CarrierError when it fails. */
  ping(): Promise<void>
}

export type CarrierErrorKind =
  /** The connection failed or timed out: the request may or may not have reached the carrier. */
  | "network"
  | "rate_limited"
  /** 5xx. */
  | "unavailable"
  | "unauthorized"
  /** 4xx about the request itself (address, weight, service): a person must change something. */
  | "invalid_request"
  | "not_found"
  /** The carrier already has this (duplicate reference, already bought, already voided). */
  | "conflict"

/**
 * A carrier call that failed, with a message a person can act on ("EasyPost refused the
 * address: ZIP code 1234 is not valid for MA"). Plain data so it survives a workflow step.
 */
export type CarrierFailure = {
  carrier: CarrierCode
  kind: CarrierErrorKind
  message: string
  /** HTTP status, when there was an answer. */
  status: number | null
  /** Whether the outcome of a purchase is unknown (network error or 5xx after sending). */
  outcome_unknown: boolean
}

/** How a person names each carrier in messages and the admin. */
export const carrierNames: Record<CarrierCode, string> = {
  offline: "Offline carrier",
  easypost: "EasyPost",
  shippo: "Shippo",
  shipstation: "ShipStation",
  sendcloud: "Sendcloud",
}
