import type {
  BuyRequest,
  CarrierAccountConfig,
  CarrierAdapter,
  LabelFormat,
  ParcelLabel,
  PurchasedLabel,
  Rate,
  ShipmentRequest,
  TrackingUpdate,
  VoidOutcome,
} from "../../../../lib/shipping/contract"
import { CarrierError, isCarrierError } from "../../../../lib/shipping/errors"
import { createCarrierHttp } from "../../http"
import type { AdapterOptions } from "../index"
import { describeSendcloudError } from "./errors"
import { formatOf, kg, mimeOf, toRate, toScAddress, toScParcel, toScParcels, toTrackingUpdate } from "./mapping"
import { verifySendcloudWebhook } from "./webhook"
import type { ScReturn, ScReturnCreated, ScShipment, ScShippingOption, ScTrackingEvent } from "./wire"

export const SENDCLOUD_BASE_URL = "https://panel.sendcloud.sc/api/v3"

/**
 * Sendcloud API v3. Secrets: `public_key` and `secret_key` (HTTP Basic), optionally
 * `webhook_secret` (the integration's webhook signature key; default the secret key).
 * Settings: `contract_id` (the carrier contract to ship with).
 *
 * Exactly-once buying: our `reference` is the shipment's `external_reference_id`, unique per
 * Sendcloud user; announcing it again answers 409 and the shipment already made. So an announce
 * may be retried after a 5xx or a lost answer, and a conflict is read back as the purchase.
 */
export function createSendcloudAdapter(config: CarrierAccountConfig, options: AdapterOptions = {}): CarrierAdapter {
  const { public_key, secret_key } = config.secrets
  if (!public_key || !secret_key) throw new Error("Sendcloud account needs public_key and secret_key secrets")
  const baseUrl = (config.base_url || SENDCLOUD_BASE_URL).replace(/\/+$/, "")
  const contractId = typeof config.settings?.contract_id === "number" ? config.settings.contract_id : undefined

  const http = createCarrierHttp({
    carrier: "sendcloud",
    base_url: baseUrl,
    auth: { username: public_key, password: secret_key },
    headers: { "Content-Type": "application/json" },
    timeout_ms: options.timeout_ms,
    onRetry: options.onRetry,
    acquire: options.acquire,
    describeError: describeSendcloudError,
  })

  const shipWith = (code: string) => ({
    type: "shipping_option_code",
    properties: { shipping_option_code: code, ...(contractId !== undefined ? { contract_id: contractId } : {}) },
  })

  /** The label file of one parcel: inline when Sendcloud sent it, else fetched from the parcel's documents. */
  async function labelFile(parcelId: number, format: LabelFormat, inline?: string | null): Promise<string> {
    if (inline) return inline
    const res = await http.request<ArrayBuffer>({
      method: "GET",
      path: `/parcels/${parcelId}/documents/label`,
      headers: { Accept: mimeOf(format) },
      query: format === "zpl" ? { dpi: 203 } : undefined,
      response_type: "arraybuffer",
    })
    return Buffer.from(res.data).toString("base64")
  }

  async function toPurchased(shipment: ScShipment, price: { amount: number; currency_code: string }): Promise<PurchasedLabel> {
    if (!announced(shipment)) {
      const why = describeSendcloudError(201, { errors: shipment.errors }) ?? "the carrier did not announce the parcel"
      throw CarrierError.of("sendcloud", "invalid_request", `Sendcloud made the shipment but no label: ${why}; try again or choose another shipping option`, { status: 201 })
    }
    const format = formatOf(shipment.label_details?.mime_type)
    const parcels: ParcelLabel[] = []
    for (const p of shipment.parcels) {
      const link = p.documents?.find((d) => d.type === "label")?.link ?? null
      parcels.push({
        tracking_number: p.tracking_number ?? "",
        tracking_url: p.tracking_url ?? null,
        file: { format, url: link, content_base64: await labelFile(p.id, format, p.label_file) },
      })
    }
    return {
      carrier: "sendcloud",
      carrier_label_id: shipment.id,
      parcels,
      ...price,
      service_code: shipment.ship_with?.properties?.shipping_option_code ?? "",
      carrier_data: { kind: "shipment", parcel_ids: shipment.parcels.map((p) => p.id) },
    }
  }

  async function findShipment(reference: string): Promise<ScShipment | null> {
    const res = await http.request<{ data: ScShipment[] }>({ method: "GET", path: "/shipments", query: { external_reference_id: reference } })
    return res.data.data?.find((s) => (s.external_reference_id ?? reference) === reference) ?? null
  }

  async function returnLabel(id: number, parcelIds: number[], format: LabelFormat, price: { amount: number; currency_code: string }, service: string) {
    const ret = (await http.request<ScReturn>({ method: "GET", path: `/returns/${id}` })).data
    const parcels: ParcelLabel[] = []
    for (const parcelId of parcelIds) {
      parcels.push({
        tracking_number: ret.tracking_number ?? "",
        tracking_url: ret.tracking_url ?? null,
        file: { format, url: `${baseUrl}/parcels/${parcelId}/documents/label`, content_base64: await labelFile(parcelId, format) },
      })
    }
    const cost = ret.label_cost ? { amount: Number(ret.label_cost.value), currency_code: ret.label_cost.currency.toUpperCase() } : price
    return {
      carrier: "sendcloud" as const,
      carrier_label_id: String(id),
      parcels,
      ...cost,
      service_code: service,
      carrier_data: { kind: "return", return_id: id, parcel_ids: parcelIds },
    }
  }

  return {
    carrier: "sendcloud",

    async rates(shipment: ShipmentRequest): Promise<Rate[]> {
      const body = {
        from_address: toScAddress(shipment.from),
        to_address: toScAddress(shipment.to),
        parcels: shipment.parcels.map(toScParcel),
        calculate_quotes: true,
      }
      // Asking for options buys nothing: safe to repeat.
      const res = await http.request<{ data: ScShippingOption[] }>({ method: "POST", path: "/shipping-options", body, idempotent: true })
      return (res.data.data ?? []).map(toRate).filter((r): r is Rate => r !== null)
    },

    async buy(request: BuyRequest): Promise<PurchasedLabel> {
      const { shipment, rate, format } = request
      const body = {
        label_details: { mime_type: mimeOf(format), dpi: format === "zpl" ? 203 : 72 },
        from_address: toScAddress(shipment.from),
        to_address: toScAddress(shipment.to),
        ship_with: shipWith(rate.service_code),
        order_number: shipment.reference,
        external_reference_id: shipment.reference,
        parcels: toScParcels(shipment),
        ...(shipment.customs?.length
          ? { customs_information: { invoice_number: shipment.reference, export_reason: "commercial_goods", export_type: "private" } }
          : {}),
      }
      const price = { amount: rate.amount, currency_code: rate.currency_code }
      let created: ScShipment
      try {
        // Sendcloud dedupes by external_reference_id, so repeating this cannot buy twice.
        created = (await http.request<{ data: ScShipment }>({ method: "POST", path: "/shipments/announce", body, idempotent: true })).data.data
      } catch (e) {
        if (isCarrierError(e) && e.kind === "conflict") {
          const existing = await findShipment(shipment.reference)
          if (existing) return toPurchased(existing, price)
        }
        // The client calls a retried request's failure a known outcome; for a purchase it is not:
        // the last attempt may have made the shipment, which `lookup` then finds.
        if (isCarrierError(e) && (e.kind === "network" || e.kind === "unavailable")) {
          throw new CarrierError({ ...e.failure, outcome_unknown: true })
        }
        throw e
      }
      return toPurchased(created, price)
    },

    async lookup(reference, hint): Promise<PurchasedLabel | null> {
      const price = { amount: hint?.rate?.amount ?? 0, currency_code: hint?.rate?.currency_code ?? "EUR" }
      // Shipments only: Sendcloud's returns list cannot be filtered by our reference, and a return
      // object does not carry it back, so a lost return label is not found here (see docs/shipping.md).
      const shipment = await findShipment(reference)
      // A shipment whose announcement failed made no label and costs nothing: nothing was bought.
      return shipment && announced(shipment) ? toPurchased(shipment, price) : null
    },

    async void(label: PurchasedLabel): Promise<VoidOutcome> {
      if (label.carrier_data.kind === "return") {
        const res = await http.request<{ message?: string }>({ method: "PATCH", path: `/returns/${label.carrier_label_id}/cancel` })
        return { status: "pending", message: `Sendcloud asked the carrier to cancel the return label: ${res.data?.message ?? "cancellation requested"}` }
      }
      try {
        const res = await http.request<{ data?: { status?: string; message?: string } }>({
          method: "POST",
          path: `/shipments/${encodeURIComponent(label.carrier_label_id)}/cancel`,
          idempotent: true,
        })
        if (res.status === 202 || res.data?.data?.status === "queued") {
          return { status: "pending", message: `Sendcloud queued the cancellation: ${res.data?.data?.message ?? "it watches the parcel for 14 days, then cancels it"}` }
        }
        return { status: "voided" }
      } catch (e) {
        if (!isCarrierError(e) || e.kind !== "conflict") throw e
        // 409: already cancelled, delivered, or announced more than 42 days ago. Which one decides.
        const now = await http.request<{ data: ScShipment }>({ method: "GET", path: `/shipments/${encodeURIComponent(label.carrier_label_id)}` })
        if (now.data.data.parcels.every((p) => p.status?.code === "CANCELLED")) return { status: "voided" }
        return { status: "refused", message: e.message }
      }
    },

    async returnLabel(request: BuyRequest): Promise<PurchasedLabel> {
      const { shipment, rate, format } = request
      const first = shipment.parcels[0]
      const body = {
        from_address: toScAddress(shipment.from),
        to_address: toScAddress(shipment.to),
        ship_with: shipWith(rate.service_code),
        weight: { value: kg(shipment.parcels.reduce((s, p) => s + p.weight_g, 0)), unit: "kg" },
        ...(first ? { dimensions: toScParcel(first).dimensions } : {}),
        collo_count: Math.max(1, shipment.parcels.length),
        external_reference: shipment.reference,
        order_number: shipment.reference,
        ...(shipment.customs?.length ? { parcel_items: toScParcels(shipment)[0].parcel_items } : {}),
      }
      // Not marked idempotent: Sendcloud documents no dedupe for returns, and no lookup by our reference.
      const created = (await http.request<ScReturnCreated>({ method: "POST", path: "/returns/announce-synchronously", body })).data
      const ids = [created.parcel_id, ...(created.multi_collo_ids ?? []).filter((id) => id !== created.parcel_id)]
      return returnLabel(created.return_id, ids, format, { amount: rate.amount, currency_code: rate.currency_code }, rate.service_code)
    },

    async track(label: PurchasedLabel): Promise<TrackingUpdate> {
      const tn = label.parcels[0]?.tracking_number
      if (!tn) throw CarrierError.of("sendcloud", "invalid_request", "Sendcloud cannot track a label without a tracking number")
      const res = await http.request<{ events?: ScTrackingEvent[]; data?: { events?: ScTrackingEvent[] } }>({
        method: "GET",
        path: `/parcels/tracking/${encodeURIComponent(tn)}`,
      })
      return toTrackingUpdate(tn, res.data.events ?? res.data.data?.events ?? [])
    },

    async verifyWebhook(delivery, webhookSecrets) {
      return verifySendcloudWebhook(delivery, webhookSecrets.webhook_secret ?? webhookSecrets.secret_key ?? config.secrets.webhook_secret ?? secret_key)
    },

    async ping(): Promise<void> {
      await http.request({ method: "GET", path: "/shipments", query: { page_size: 1 } })
    },
  }
}

/** Whether the carrier took the shipment: every parcel announced, no announcement error. */
function announced(shipment: ScShipment): boolean {
  return shipment.parcels.length > 0 && !shipment.errors?.length && !shipment.parcels.some((p) => p.status?.code === "ANNOUNCEMENT_FAILED")
}
