import type {
  BuyRequest,
  CarrierAccountConfig,
  CarrierAdapter,
  LabelFormat,
  PurchasedLabel,
  Rate,
  ShipmentRequest,
  TrackingUpdate,
  VoidOutcome,
} from "../../../../lib/shipping/contract"
import { CarrierError, isCarrierError } from "../../../../lib/shipping/errors"
import { createCarrierHttp } from "../../http"
import { createLabelDownloader } from "../../http/label-download"
import type { AdapterOptions } from "../index"
import { describeEasyPostError } from "./errors"
import { existingFormat, labelUrl, toRate, toTrackingUpdate } from "./mapping"
import { shipmentBody } from "./requests"
import type { EasyPostRate, EasyPostShipment, EasyPostTracker } from "./types"
import { verifyEasyPostWebhook } from "./webhook"

export const EASYPOST_BASE_URL = "https://api.easypost.com/v2"

/**
 * EasyPost (API v2). A purchase is: create a shipment carrying our reference (free; it holds the
 * rates), keep its shp_ id (Rate.carrier_shipment_id), buy one of its rates. EasyPost sells a
 * shipment only once, so the shp_ id is the reconcile key: `lookup` reads the shipment back
 * (by id, or by our reference) and finds the one label.
 */
export function createEasyPostAdapter(config: CarrierAccountConfig, options: AdapterOptions = {}): CarrierAdapter {
  const apiKey = config.secrets.api_key
  if (!apiKey) throw CarrierError.of("easypost", "unauthorized", "The EasyPost account has no API key; add one to the carrier account")
  const http = createCarrierHttp({
    carrier: "easypost",
    base_url: config.base_url || EASYPOST_BASE_URL,
    // EasyPost: the API key is the Basic-auth user name, with no password.
    auth: { username: apiKey, password: "" },
    headers: { "Content-Type": "application/json" },
    timeout_ms: options.timeout_ms,
    onRetry: options.onRetry,
    acquire: options.acquire,
    describeError: describeEasyPostError,
  })
  const download = createLabelDownloader("easypost", { timeout_ms: options.timeout_ms })

  // Creating a shipment buys nothing, so repeating it after a 5xx is safe.
  const createShipment = async (shipment: ShipmentRequest, extra: Parameters<typeof shipmentBody>[1] = {}) =>
    (await http.request<EasyPostShipment>({ method: "POST", path: "/shipments", body: shipmentBody(shipment, extra), idempotent: true })).data

  const getShipment = async (idOrReference: string) =>
    (await http.request<EasyPostShipment>({ method: "GET", path: `/shipments/${encodeURIComponent(idOrReference)}` })).data

  const findShipment = async (idOrReference: string) => {
    try {
      return await getShipment(idOrReference)
    } catch (e) {
      if (isCarrierError(e) && e.kind === "not_found") return null
      throw e
    }
  }

  /** The file in the asked format: EasyPost converts a bought label on GET /shipments/{id}/label. */
  async function labelOf(shipment: EasyPostShipment, format: LabelFormat): Promise<PurchasedLabel> {
    let source = shipment
    let label_error: string | null = null
    let file = { format, content_base64: null as string | null, url: labelUrl(shipment, format) }
    try {
      if (!file.url) {
        source = (
          await http.request<EasyPostShipment>({
            method: "GET",
            path: `/shipments/${encodeURIComponent(shipment.id)}/label`,
            query: { file_format: format === "pdf" ? "PDF" : "ZPL" },
          })
        ).data
        file.url = labelUrl(source, format)
      }
      file = await download(file.url, format)
    } catch (e) {
      // The label is bought whatever happens to its file: report the purchase, keep the reason.
      if (!isCarrierError(e)) throw e
      label_error = e.message
    }
    const rate = shipment.selected_rate as EasyPostRate
    const tracker = shipment.tracker ?? source.tracker ?? null
    return {
      carrier: "easypost",
      carrier_label_id: shipment.id,
      parcels: [{ tracking_number: shipment.tracking_code as string, tracking_url: tracker?.public_url ?? null, file }],
      amount: Number(rate.rate),
      currency_code: rate.currency,
      service_code: rate.service,
      carrier_data: {
        shipment_id: shipment.id,
        rate_id: rate.id,
        provider: rate.carrier,
        tracker_id: tracker?.id ?? null,
        ...(label_error ? { label_error } : {}),
      },
    }
  }

  /** Buys `rateId` of the shipment; a shipment EasyPost already sold answers with its one label. */
  async function buyShipment(shipmentId: string, rateId: string, format: LabelFormat): Promise<PurchasedLabel> {
    let bought: EasyPostShipment
    try {
      bought = (
        await http.request<EasyPostShipment>({ method: "POST", path: `/shipments/${encodeURIComponent(shipmentId)}/buy`, body: { rate: { id: rateId } } })
      ).data
    } catch (e) {
      // Buying twice is refused (SHIPMENT.POSTAGE.EXISTS): the label bought first is ours.
      if (!isCarrierError(e) || e.failure.status !== 422) throw e
      const existing = await getShipment(shipmentId)
      if (!isBought(existing)) throw e
      bought = existing
    }
    return labelOf(bought, format)
  }

  function matchingRate(shipment: EasyPostShipment, wanted: Rate): EasyPostRate {
    const rate = (shipment.rates ?? []).find((r) => r.service === wanted.service_code && r.carrier === wanted.provider)
    if (rate) return rate
    const offered = (shipment.rates ?? []).map((r) => `${r.carrier} ${r.service}`).join(", ") || "none"
    throw CarrierError.of(
      "easypost",
      "invalid_request",
      `EasyPost no longer offers ${wanted.provider} ${wanted.service_code} for this shipment (offered: ${offered}); choose another rate`
    )
  }

  return {
    carrier: "easypost",

    async rates(shipment) {
      const created = await createShipment(shipment)
      const rates = (created.rates ?? []).map((r) => toRate(r, created.id))
      if (!rates.length) throw noRates(created)
      return rates
    },

    async buy({ shipment, rate, format }: BuyRequest) {
      if (rate.carrier_shipment_id && rate.rate_id) return buyShipment(rate.carrier_shipment_id, rate.rate_id, format)
      // A quote without EasyPost ids (cached, or from elsewhere): rate afresh, buy the same service.
      const created = await createShipment(shipment, { label_format: format })
      return buyShipment(created.id, matchingRate(created, rate).id, format)
    },

    async lookup(reference, hint) {
      // The shp_ id first; then our reference, which also finds a shipment `buy` created afresh
      // (a quote without ids) whose id never reached the ledger.
      const keys = [...new Set([hint?.carrier_shipment_id ?? hint?.rate?.carrier_shipment_id, reference].filter((k): k is string => Boolean(k)))]
      for (const key of keys) {
        const shipment = await findShipment(key)
        if (shipment && isBought(shipment)) return labelOf(shipment, hint?.format ?? existingFormat(shipment) ?? "pdf")
      }
      return null
    },

    async void(label): Promise<VoidOutcome> {
      const shipmentId = String(label.carrier_data.shipment_id ?? label.carrier_label_id)
      const refunded = (
        await http.request<EasyPostShipment>({ method: "POST", path: `/shipments/${encodeURIComponent(shipmentId)}/refund`, idempotent: true })
      ).data
      switch (refunded.refund_status) {
        case "refunded":
          return { status: "voided" }
        // Bill-on-scan carriers charge only a scanned label: an unused one costs nothing.
        case "not_applicable":
          return { status: "voided" }
        case "rejected":
          return {
            status: "refused",
            message: "The carrier rejected the refund: the label was scanned or is past the carrier's refund window",
          }
        default:
          return {
            status: "pending",
            message: "EasyPost submitted the refund; the carrier confirms it within days (USPS can take up to 30)",
          }
      }
    },

    async returnLabel({ shipment, rate, format }: BuyRequest) {
      // EasyPost swaps the addresses of an is_return shipment itself, so it gets the outbound
      // direction: from the warehouse (our `to`) to the customer (our `from`).
      const outbound: ShipmentRequest = { ...shipment, from: shipment.to, to: shipment.from }
      const created = await createShipment(outbound, { is_return: true, label_format: format })
      return buyShipment(created.id, matchingRate(created, rate).id, format)
    },

    async track(label): Promise<TrackingUpdate> {
      const trackerId = label.carrier_data.tracker_id
      if (typeof trackerId === "string" && trackerId) {
        const tracker = (await http.request<EasyPostTracker>({ method: "GET", path: `/trackers/${encodeURIComponent(trackerId)}` })).data
        return toTrackingUpdate(tracker)
      }
      const shipment = await getShipment(String(label.carrier_data.shipment_id ?? label.carrier_label_id))
      if (!shipment.tracker) {
        return { carrier: "easypost", tracking_number: label.parcels[0]?.tracking_number ?? "", status: "unknown", events: [] }
      }
      return toTrackingUpdate(shipment.tracker)
    },

    async verifyWebhook(delivery, webhookSecrets) {
      return verifyEasyPostWebhook(delivery, webhookSecrets)
    },

    async ping() {
      await http.request({ method: "GET", path: "/addresses", query: { page_size: 1 } })
    },
  }
}

const isBought = (s: EasyPostShipment) => Boolean(s.postage_label && s.tracking_code && s.selected_rate)

/** No rates: EasyPost says why per carrier in `messages` (rate_error), not as an HTTP error. */
function noRates(shipment: EasyPostShipment): CarrierError {
  const why = (shipment.messages ?? []).map((m) => `${m.carrier ? `${m.carrier}: ` : ""}${(m.message ?? m.type ?? "no rate").replace(/\.$/, "")}`)
  return CarrierError.of(
    "easypost",
    "invalid_request",
    `EasyPost returned no rates for this shipment${why.length ? `: ${why.join("; ")}` : ""}. Check the addresses and the parcel's weight and size`
  )
}
