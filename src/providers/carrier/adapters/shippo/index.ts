import type {
  BuyRequest,
  CarrierAccountConfig,
  CarrierAdapter,
  LabelFormat,
  PurchasedLabel,
  Rate,
  ShipmentRequest,
  VoidOutcome,
} from "../../../../lib/shipping/contract"
import { CarrierError, isCarrierError } from "../../../../lib/shipping/errors"
import { createCarrierHttp } from "../../http"
import { createLabelDownloader } from "../../http/label-download"
import type { AdapterOptions } from "../index"
import { describeMessages, describeShippoError } from "./errors"
import { carrierToken, toRate, toTrackingUpdate } from "./mapping"
import { labelFileType, shipmentBody, shippoReference } from "./requests"
import type { ShippoCoreRate, ShippoPage, ShippoRate, ShippoRefund, ShippoShipment, ShippoTrack, ShippoTransaction } from "./types"
import { verifyShippoWebhook } from "./webhook"

export const SHIPPO_BASE_URL = "https://api.goshippo.com"

/** How often a QUEUED/WAITING transaction is read again before the purchase counts as unknown. */
const SETTLE_POLLS = 5
const SETTLE_DELAY_MS = 400

/**
 * Shippo. A purchase is a transaction on a rate of a shipment. Shippo does not dedupe
 * transactions, so the rate id (known before buying) is the reconcile key:
 * GET /transactions?rate=<id> lists what was bought on it, and our reference travels in
 * `metadata` to tell our purchase apart (and to find it when no rate id is at hand).
 */
export function createShippoAdapter(config: CarrierAccountConfig, options: AdapterOptions = {}): CarrierAdapter {
  const token = config.secrets.api_token
  if (!token) throw CarrierError.of("shippo", "unauthorized", "The Shippo account has no API token; add one to the carrier account")
  const http = createCarrierHttp({
    carrier: "shippo",
    base_url: config.base_url || SHIPPO_BASE_URL,
    headers: { Authorization: `ShippoToken ${token}`, "Content-Type": "application/json", "SHIPPO-API-VERSION": "2018-02-08" },
    timeout_ms: options.timeout_ms,
    onRetry: options.onRetry,
    acquire: options.acquire,
    describeError: describeShippoError,
  })
  const download = createLabelDownloader("shippo", { timeout_ms: options.timeout_ms })
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

  // Creating a shipment buys nothing, so repeating it after a 5xx is safe.
  const createShipment = async (shipment: ShipmentRequest, extra: { is_return?: boolean } = {}) =>
    (await http.request<ShippoShipment>({ method: "POST", path: "/shipments", body: shipmentBody(shipment, extra), idempotent: true })).data

  const getTransaction = async (id: string) =>
    (await http.request<ShippoTransaction>({ method: "GET", path: `/transactions/${encodeURIComponent(id)}` })).data

  const getRate = async (id: string) => (await http.request<ShippoRate>({ method: "GET", path: `/rates/${encodeURIComponent(id)}` })).data

  const transactionsOf = async (query: Record<string, string | number>) =>
    (await http.request<ShippoPage<ShippoTransaction>>({ method: "GET", path: "/transactions", query: { results: 100, ...query } })).data.results

  /** Reads a queued transaction again until Shippo has settled it. */
  async function settle(tx: ShippoTransaction): Promise<ShippoTransaction> {
    for (let i = 0; i < SETTLE_POLLS && pending(tx); i++) {
      await sleep(SETTLE_DELAY_MS)
      tx = await getTransaction(tx.object_id)
    }
    if (pending(tx)) {
      throw CarrierError.of("shippo", "unavailable", "Shippo is still processing the label purchase; it is looked up again shortly", {
        outcome_unknown: true,
      })
    }
    return tx
  }

  /** Our label from Shippo's transactions (one per parcel) and the rate they were bought on. */
  async function labelOf(txs: ShippoTransaction[], rate: Rate | null, format: LabelFormat): Promise<PurchasedLabel> {
    const [first] = txs
    const core: ShippoCoreRate | null = typeof first.rate === "object" ? first.rate : null
    const parcels = await Promise.all(
      txs.map(async (tx) => {
        let file = { format, content_base64: null as string | null, url: tx.label_url ?? null }
        let label_error: string | null = null
        try {
          file = await download(tx.label_url ?? null, format)
        } catch (e) {
          // The label is bought whatever happens to its file: report the purchase, keep the reason.
          if (!isCarrierError(e)) throw e
          label_error = e.message
        }
        return { parcel: { tracking_number: tx.tracking_number ?? "", tracking_url: tx.tracking_url_provider ?? null, file }, label_error }
      })
    )
    const errors = parcels.map((p) => p.label_error).filter(Boolean)
    return {
      carrier: "shippo",
      carrier_label_id: first.object_id,
      parcels: parcels.map((p) => p.parcel),
      amount: rate?.amount ?? Number(core?.amount ?? 0),
      currency_code: rate?.currency_code ?? core?.currency ?? "",
      service_code: rate?.service_code ?? core?.servicelevel_token ?? "",
      carrier_data: {
        transaction_ids: txs.map((t) => t.object_id),
        rate_id: rateIdOf(first) ?? rate?.rate_id ?? null,
        carrier_token: carrierToken(rate?.provider ?? core?.provider ?? ""),
        ...(errors.length ? { label_error: errors.join("; ") } : {}),
      },
    }
  }

  async function buyRate(reference: string, rate: Rate, rateId: string, format: LabelFormat, size: BuyRequest["size"], parcelCount: number) {
    const created = (
      await http.request<ShippoTransaction>({
        method: "POST",
        path: "/transactions",
        body: { rate: rateId, label_file_type: labelFileType(format, size), metadata: shippoReference(reference), async: false },
      })
    ).data
    const tx = await settle(created)
    if (tx.status !== "SUCCESS") {
      // A purchase Shippo refused still answers 201, with status ERROR and the carrier's messages.
      const why = describeMessages(tx.messages) ?? "no reason given"
      throw CarrierError.of("shippo", "invalid_request", `Shippo could not buy the label: ${why}`, { status: 201 })
    }
    // A multi-piece shipment is one transaction per parcel, all on the same rate.
    const txs = parcelCount > 1 ? ours(await transactionsOf({ rate: rateId }), reference).filter(isSuccess) : [tx]
    return labelOf(txs.length ? txs : [tx], { ...rate, rate_id: rateId }, format)
  }

  function matchingRate(shipment: ShippoShipment, wanted: Rate) {
    const rate = (shipment.rates ?? []).find((r) => r.servicelevel.token === wanted.service_code)
    if (rate) return rate
    const offered = (shipment.rates ?? []).map((r) => r.servicelevel.token).join(", ") || "none"
    throw CarrierError.of(
      "shippo",
      "invalid_request",
      `Shippo no longer offers ${wanted.service_name || wanted.service_code} for this shipment (offered: ${offered}); choose another rate`
    )
  }

  return {
    carrier: "shippo",

    async rates(shipment) {
      const created = await createShipment(shipment)
      const rates = (created.rates ?? []).map((r) => toRate(r, created.object_id))
      if (!rates.length) {
        const why = describeMessages(created.messages)
        throw CarrierError.of(
          "shippo",
          "invalid_request",
          `Shippo returned no rates for this shipment${why ? `: ${why}` : ""}. Check the addresses and the parcel's weight and size`
        )
      }
      return rates
    },

    async buy({ shipment, rate, format, size }) {
      if (rate.rate_id) return buyRate(shipment.reference, rate, rate.rate_id, format, size, shipment.parcels.length)
      const created = await createShipment(shipment)
      const fresh = matchingRate(created, rate)
      return buyRate(shipment.reference, toRate(fresh, created.object_id), fresh.object_id, format, size, shipment.parcels.length)
    },

    async lookup(reference, hint) {
      const rateId = hint?.rate?.rate_id
      // Without a rate id only the newest page of transactions is searched (by metadata).
      const found = ours(await transactionsOf(rateId ? { rate: rateId } : {}), reference, { strict: !rateId })
      if (found.some(pending)) {
        throw CarrierError.of("shippo", "unavailable", "Shippo is still processing the label purchase; it is looked up again shortly", {
          outcome_unknown: true,
        })
      }
      const bought = found.filter(isSuccess)
      if (!bought.length) return null
      // The transaction names its rate by id only: read the rate for the price and carrier.
      const boughtRate = rateIdOf(bought[0])
      const rate = hint?.rate ?? (boughtRate ? toRate(await getRate(boughtRate), "") : null)
      return labelOf(bought, rate, hint?.format ?? formatOf(bought[0]))
    },

    async void(label): Promise<VoidOutcome> {
      const ids = Array.isArray(label.carrier_data.transaction_ids) ? (label.carrier_data.transaction_ids as string[]) : [label.carrier_label_id]
      const refunds: ShippoRefund[] = []
      for (const transaction of ids) {
        // Refunding again cannot buy anything, so it may be repeated after a 5xx.
        refunds.push((await http.request<ShippoRefund>({ method: "POST", path: "/refunds", body: { transaction, async: false }, idempotent: true })).data)
      }
      if (refunds.some((r) => r.status === "ERROR")) {
        return { status: "refused", message: "Shippo refused the refund: the label was used or the carrier no longer refunds it" }
      }
      if (refunds.every((r) => r.status === "SUCCESS")) return { status: "voided" }
      return { status: "pending", message: "Shippo queued the refund; the carrier confirms it later" }
    },

    async returnLabel({ shipment, rate, format, size }) {
      // Shippo swaps the addresses of an is_return shipment itself, so it gets the outbound
      // direction: from the warehouse (our `to`) to the customer (our `from`).
      const outbound: ShipmentRequest = { ...shipment, from: shipment.to, to: shipment.from }
      const created = await createShipment(outbound, { is_return: true })
      const fresh = matchingRate(created, rate)
      return buyRate(shipment.reference, toRate(fresh, created.object_id), fresh.object_id, format, size, shipment.parcels.length)
    },

    async track(label) {
      const carrier = String(label.carrier_data.carrier_token ?? "")
      const number = label.parcels[0]?.tracking_number ?? ""
      if (!carrier || !number) {
        throw CarrierError.of("shippo", "invalid_request", "This Shippo label has no carrier or tracking number to track")
      }
      const track = (await http.request<ShippoTrack>({ method: "GET", path: `/tracks/${encodeURIComponent(carrier)}/${encodeURIComponent(number)}` })).data
      return toTrackingUpdate(track)
    },

    async verifyWebhook(delivery, webhookSecrets) {
      return verifyShippoWebhook(delivery, webhookSecrets)
    },

    async ping() {
      await http.request({ method: "GET", path: "/carrier_accounts", query: { results: 1 } })
    },
  }
}

const pending = (tx: ShippoTransaction) => tx.status === "QUEUED" || tx.status === "WAITING"
const isSuccess = (tx: ShippoTransaction) => tx.status === "SUCCESS"
const rateIdOf = (tx: ShippoTransaction) => (typeof tx.rate === "string" ? tx.rate : tx.rate?.object_id ?? null)

/**
 * Transactions carrying our reference. On one rate's list a transaction without metadata counts
 * too (the rate is ours either way); across the account's list only our reference does.
 */
function ours(txs: ShippoTransaction[], reference: string, { strict = false } = {}): ShippoTransaction[] {
  const mine = shippoReference(reference)
  return txs
    .filter((t) => t.metadata === mine || (!strict && !t.metadata))
    .sort((a, b) => (a.object_created ?? "").localeCompare(b.object_created ?? ""))
}

function formatOf(tx: ShippoTransaction): LabelFormat {
  return /zpl/i.test(tx.label_file_type ?? "") ? "zpl" : "pdf"
}
