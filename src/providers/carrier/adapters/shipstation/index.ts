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
import { CarrierHttp, createCarrierHttp } from "../../http"
import type { AdapterOptions } from "../index"
import { describeShipstationError } from "./errors"
import { money, ssLayout, toRate, toSsShipment, toTrackingUpdate } from "./mapping"
import { DEFAULT_JWKS_URL, verifyShipstationWebhook } from "./webhook"
import type { SsCarrier, SsLabel, SsLabelDownload, SsRate, SsRatesResponse, SsTracking, SsVoid } from "./wire"

export const SHIPSTATION_BASE_URL = "https://api.shipstation.com"

/**
 * ShipStation API v2. Secrets: `api_key` (sent as the `API-Key` header). Settings:
 * `carrier_ids` (rate only these; default every connected carrier), `jwks_url` (webhook keys).
 *
 * Exactly-once buying: our `reference` is the label's `external_shipment_id`, which ShipStation
 * keeps unique per account. A purchase is one POST /v2/labels, never retried on a 5xx or a lost
 * answer (the ledger resolves that with `lookup`: GET /v2/labels/external_shipment_id/{ref}); if
 * ShipStation answers that the reference already exists, the existing label is the purchase.
 */
export function createShipstationAdapter(config: CarrierAccountConfig, options: AdapterOptions = {}): CarrierAdapter {
  const apiKey = config.secrets.api_key
  if (!apiKey) throw new Error("ShipStation account has no api_key secret")
  const baseUrl = (config.base_url || SHIPSTATION_BASE_URL).replace(/\/+$/, "")
  const settings = config.settings ?? {}
  const jwksUrl = typeof settings.jwks_url === "string" ? settings.jwks_url : DEFAULT_JWKS_URL

  const http = createCarrierHttp({
    carrier: "shipstation",
    base_url: baseUrl,
    headers: { "API-Key": apiKey, "Content-Type": "application/json" },
    timeout_ms: options.timeout_ms,
    onRetry: options.onRetry,
    acquire: options.acquire,
    describeError: describeShipstationError,
  })

  let carriers: Promise<SsCarrier[]> | null = null
  const listCarriers = () => {
    carriers ??= http.request<{ carriers: SsCarrier[] }>({ method: "GET", path: "/v2/carriers" }).then((r) => r.data.carriers ?? [])
    carriers.catch(() => (carriers = null))
    return carriers
  }

  async function carrierIds(): Promise<string[]> {
    const configured = settings.carrier_ids
    if (Array.isArray(configured) && configured.length) return configured.map(String)
    return (await listCarriers()).map((c) => c.carrier_id)
  }

  /** The carrier that offers a service: from the account's carriers, else from the quote itself. */
  async function carrierFor(rate: Rate): Promise<string> {
    const all = await listCarriers()
    const offering = all.filter((c) => c.services?.some((s) => s.service_code === rate.service_code))
    const chosen = offering.find((c) => c.friendly_name === rate.provider || c.carrier_code === rate.provider) ?? offering[0]
    if (chosen) return chosen.carrier_id
    if (rate.rate_id) {
      // Some carriers list no services; the quote still knows its carrier (GET /v2/rates/{rate_id}).
      const quoted = await http.request<SsRate>({ method: "GET", path: `/v2/rates/${encodeURIComponent(rate.rate_id)}` }).catch(() => null)
      if (quoted?.data.carrier_id) return quoted.data.carrier_id
    }
    throw CarrierError.of(
      "shipstation",
      "invalid_request",
      `ShipStation has no connected carrier offering "${rate.service_code}"; connect it in ShipStation or pick another service`
    )
  }

  async function createLabel(request: BuyRequest, isReturn: boolean): Promise<PurchasedLabel> {
    const shipment = {
      ...toSsShipment(request.shipment),
      carrier_id: await carrierFor(request.rate),
      service_code: request.rate.service_code,
      external_shipment_id: request.shipment.reference,
    }
    const body = {
      shipment,
      label_format: request.format,
      label_layout: ssLayout(request.format, request.size),
      label_download_type: "url",
      ...(isReturn ? { is_return_label: true, charge_event: "carrier_default" } : {}),
    }
    let label: SsLabel
    try {
      // Not idempotent for the client: a repeat after a lost answer could buy twice if
      // ShipStation did not enforce the reference; the ledger looks it up instead.
      label = (await http.request<SsLabel>({ method: "POST", path: "/v2/labels", body })).data
    } catch (e) {
      if (isCarrierError(e) && e.kind === "conflict") {
        const existing = await lookup(request.shipment.reference)
        if (existing) return existing
      }
      throw e
    }
    if (label.status === "error") {
      throw CarrierError.of("shipstation", "invalid_request", `ShipStation could not create the label for ${request.shipment.reference}`)
    }
    return toPurchased(label, request.format, request.shipment.parcels.length)
  }

  async function toPurchased(label: SsLabel, format: LabelFormat, parcelCount: number): Promise<PurchasedLabel> {
    const packages = label.packages?.length ? label.packages : [{ tracking_number: label.tracking_number, label_download: label.label_download }]
    const parcels: ParcelLabel[] = []
    for (const [i, pkg] of packages.slice(0, Math.max(parcelCount, 1)).entries()) {
      // A package without its own file shares the label's file (one document for the shipment).
      const url = fileUrl(pkg.label_download, format) ?? (i === 0 || packages.length === 1 ? fileUrl(label.label_download, format) : null)
      parcels.push({
        tracking_number: pkg.tracking_number || label.tracking_number,
        tracking_url: label.tracking_url ?? null,
        file: { format, url, content_base64: url ? await download(url) : null },
      })
    }
    return {
      carrier: "shipstation",
      carrier_label_id: label.label_id,
      parcels,
      amount: Math.round((money(label.shipment_cost) + money(label.insurance_cost)) * 100) / 100,
      currency_code: (label.shipment_cost?.currency ?? "usd").toUpperCase(),
      service_code: label.service_code,
      carrier_data: {
        shipment_id: label.shipment_id,
        carrier_id: label.carrier_id,
        status: label.status,
        is_return_label: label.is_return_label,
      },
    }
  }

  async function download(url: string): Promise<string> {
    const sameOrigin = new URL(url, baseUrl).origin === new URL(baseUrl).origin
    // The API key only goes to ShipStation's own host; a file elsewhere is fetched without it.
    const client: CarrierHttp = sameOrigin ? http : createCarrierHttp({ carrier: "shipstation", base_url: new URL(url).origin, timeout_ms: options.timeout_ms })
    const res = await client.request<ArrayBuffer>({ method: "GET", path: url, response_type: "arraybuffer" })
    return Buffer.from(res.data).toString("base64")
  }

  async function lookup(reference: string): Promise<PurchasedLabel | null> {
    try {
      const res = await http.request<SsLabel>({
        method: "GET",
        path: `/v2/labels/external_shipment_id/${encodeURIComponent(reference)}`,
        query: { label_download_type: "url" },
      })
      return toPurchased(res.data, res.data.label_format === "zpl" ? "zpl" : "pdf", res.data.packages?.length || 1)
    } catch (e) {
      if (isCarrierError(e) && e.kind === "not_found") return null
      throw e
    }
  }

  return {
    carrier: "shipstation",

    async rates(shipment: ShipmentRequest): Promise<Rate[]> {
      const body = {
        // Rating makes no external_shipment_id: a shopper's cart is rated many times.
        shipment: toSsShipment(shipment),
        rate_options: {
          carrier_ids: await carrierIds(),
          ...(shipment.currency_code ? { preferred_currency: shipment.currency_code.toLowerCase() } : {}),
        },
      }
      // Rating buys nothing, so a 5xx may be retried.
      const res = await http.request<SsRatesResponse>({ method: "POST", path: "/v2/rates", body, idempotent: true })
      return (res.data.rate_response?.rates ?? []).map(toRate)
    },

    buy: (request) => createLabel(request, false),
    returnLabel: (request) => createLabel(request, true),
    lookup: (reference) => lookup(reference),

    async void(label: PurchasedLabel): Promise<VoidOutcome> {
      const res = await http.request<SsVoid>({ method: "PUT", path: `/v2/labels/${encodeURIComponent(label.carrier_label_id)}/void` })
      if (res.data.approved || res.data.reason_code === "label_already_voided") return { status: "voided" }
      return { status: "refused", message: `ShipStation refused to void the label: ${res.data.message}` }
    },

    async track(label: PurchasedLabel): Promise<TrackingUpdate> {
      const res = await http.request<SsTracking>({ method: "GET", path: `/v2/labels/${encodeURIComponent(label.carrier_label_id)}/track` })
      return toTrackingUpdate(res.data)
    },

    verifyWebhook: (delivery) => verifyShipstationWebhook(delivery, jwksUrl),

    async ping(): Promise<void> {
      carriers = null
      await listCarriers()
    },
  }
}

function fileUrl(download: SsLabelDownload | undefined, format: LabelFormat): string | null {
  if (!download) return null
  return (format === "zpl" ? download.zpl : download.pdf) ?? download.href ?? null
}
