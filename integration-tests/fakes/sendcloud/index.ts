import crypto from "node:crypto"
import type { WebhookDelivery } from "../../../src/lib/shipping/contract"
import { pdfLabel, zplLabel } from "../label-bytes"
import { FakeKnobs, FakeRequest, FakeResponse, FakeServer, startFakeServer } from "../server"

/**
 * A local Sendcloud API v3, following Sendcloud's OpenAPI files: HTTP Basic public:secret
 * auth, JSON:API errors `{errors: [{status, code, detail, source: {pointer}}]}`, POST
 * /shipping-options with quotes, POST /shipments/announce (external_reference_id unique: a
 * repeat answers 409 with the existing shipment), GET /shipments?external_reference_id=, POST
 * /shipments/{id}/cancel (200 cancelled, 202 queued, 409 when it cannot), label documents per
 * parcel in PDF or ZPL, the Returns API, v3 parcel tracking, 429 with an empty body, and
 * webhooks signed with `Sendcloud-Signature` (hex HMAC-SHA256 of the raw body).
 */

export type SendcloudFakeOptions = {
  public_key?: string
  secret_key?: string
  /** Cancelling answers 202 "queued" (Sendcloud watches a ready-to-send parcel) instead of 200. */
  cancel_queued?: boolean
  /** The carrier fails to announce (a 201 whose shipment carries a parcel_announcement_error). */
  announcement_fails?: boolean
  knobs?: FakeKnobs
}

type StoredParcel = { id: number; tracking_number: string; status: { code: string; message: string }; events: { event_at: string; status_code: string; status_description: string }[] }
type StoredShipment = { id: string; external_reference_id: string | null; mime: string; option: string; parcels: StoredParcel[]; errors: object[]; request: any }
type StoredReturn = { id: number; parcel_ids: number[]; tracking_number: string; cancelled: boolean; request: any }

const options_ = [
  { code: "postnl:standard", name: "PostNL Standard", carrier: { code: "postnl", name: "PostNL" }, base: 4.95, per_kg: 0.8, hours: 24 },
  { code: "dhl:europlus", name: "DHL Europlus", carrier: { code: "dhl", name: "DHL" }, base: 7.2, per_kg: 0.6, hours: 48 },
  { code: "dpd:home/unpriced", name: "DPD Home (no quote)", carrier: { code: "dpd", name: "DPD" }, base: null, per_kg: 0, hours: null },
]

export type SendcloudFake = FakeServer & {
  shipments: StoredShipment[]
  returns: StoredReturn[]
  /** POST /shipments/announce calls that made a shipment (what was bought). */
  purchases(): number
  /** The next N API calls answer 429 with an empty body, as Sendcloud does (`retry_after_s` adds the header). */
  throttle(n: number, retry_after_s?: number | null): void
  /** Moves a parcel to a status (v2 id + message, as the webhook carries it) and returns the signed webhook. */
  statusChange(parcel_id: number, status: { id: number; message: string; code: string }, opts?: { secret?: string; timestamp?: number }): WebhookDelivery
  sign(raw: string, secret?: string): WebhookDelivery
}

export async function startSendcloudFake(options: SendcloudFakeOptions = {}): Promise<SendcloudFake> {
  const publicKey = options.public_key ?? "sc-public"
  const secretKey = options.secret_key ?? "sc-secret"
  const expectedAuth = `Basic ${Buffer.from(`${publicKey}:${secretKey}`).toString("base64")}`
  const shipments: StoredShipment[] = []
  const returns: StoredReturn[] = []
  let parcelSeq = 383700000
  let throttleNext = 0
  let throttleRetryAfter: number | null = null
  let url = ""

  const errors = (status: number, list: { code: string; detail: string; pointer?: string }[]): FakeResponse => ({
    status,
    body: { errors: list.map((e) => ({ status: String(status), code: e.code, detail: e.detail, ...(e.pointer ? { source: { pointer: e.pointer } } : {}) })) },
  })
  const notFound = () => errors(404, [{ code: "not_found", detail: "Not found." }])

  function handler(req: FakeRequest): FakeResponse {
    if (req.headers.authorization !== expectedAuth) return errors(401, [{ code: "authentication_failed", detail: "Invalid username/password." }])
    if (throttleNext > 0) {
      throttleNext--
      return { status: 429, raw: "", headers: throttleRetryAfter === null ? {} : { "retry-after": String(throttleRetryAfter) } }
    }
    const hit = (re: RegExp) => req.path.match(re)
    let m: RegExpMatchArray | null
    if (req.method === "POST" && req.path === "/shipping-options") return shippingOptions(req.body)
    if (req.method === "POST" && req.path === "/shipments/announce") return announce(req.body)
    if (req.method === "GET" && req.path === "/shipments") {
      const ref = req.query.get("external_reference_id")
      const found = ref === null ? shipments : shipments.filter((s) => s.external_reference_id === ref)
      return { status: 200, body: { data: found.slice(0, Number(req.query.get("page_size") ?? 40)).map(shipmentBody) } }
    }
    if (req.method === "GET" && (m = hit(/^\/shipments\/([^/]+)$/))) {
      const s = shipments.find((x) => x.id === m![1])
      return s ? { status: 200, body: { data: shipmentBody(s) } } : notFound()
    }
    if (req.method === "POST" && (m = hit(/^\/shipments\/([^/]+)\/cancel$/))) return cancel(m[1])
    if (req.method === "GET" && (m = hit(/^\/parcels\/(\d+)\/documents\/label$/))) return document(Number(m[1]), String(req.headers.accept ?? "application/pdf"))
    if (req.method === "POST" && req.path === "/returns/announce-synchronously") return createReturn(req.body)
    if (req.method === "GET" && (m = hit(/^\/returns\/(\d+)$/))) {
      const r = returns.find((x) => x.id === Number(m![1]))
      return r ? { status: 200, body: returnBody(r) } : notFound()
    }
    if (req.method === "PATCH" && (m = hit(/^\/returns\/(\d+)\/cancel$/))) {
      const r = returns.find((x) => x.id === Number(m![1]))
      if (!r) return notFound()
      r.cancelled = true
      return { status: 202, body: { message: "Cancellation requested successfully" } }
    }
    if (req.method === "GET" && (m = hit(/^\/parcels\/tracking\/([^/]+)$/))) {
      const parcel = allParcels().find((p) => p.tracking_number === decodeURIComponent(m![1]))
      return parcel ? { status: 200, body: { tracking_numbers: [{ tracking_number: parcel.tracking_number }], events: parcel.events } } : { status: 404, body: { detail: "Parcel does not exist" } }
    }
    return notFound()
  }

  const allParcels = () => [...shipments.flatMap((s) => s.parcels), ...returnParcels]
  const returnParcels: StoredParcel[] = []

  function addressProblems(body: any): FakeResponse | null {
    const missing: { code: string; detail: string; pointer: string }[] = []
    for (const side of ["to_address", "from_address"]) {
      for (const f of ["name", "address_line_1", "postal_code", "city", "country_code"]) {
        if (!body?.[side]?.[f]) missing.push({ code: "required", detail: "This field is required.", pointer: `/${side}/${f}` })
      }
    }
    return missing.length ? errors(400, missing) : null
  }

  function parcelProblems(parcels: any[], pointer = "/parcels"): FakeResponse | null {
    if (!Array.isArray(parcels) || !parcels.length) return errors(400, [{ code: "required", detail: "This field is required.", pointer }])
    for (const [i, p] of parcels.entries()) {
      if (p?.weight?.unit !== "kg" || !/^\d+(\.\d+)?$/.test(String(p?.weight?.value)) || Number(p.weight.value) <= 0) {
        return errors(400, [{ code: "invalid", detail: "Ensure this value is a positive decimal number of kilograms.", pointer: `${pointer}/${i}/weight/value` }])
      }
    }
    return null
  }

  const quote = (o: (typeof options_)[number], parcels: any[]) =>
    o.base === null ? null : (parcels.reduce((s, p) => s + o.base! + o.per_kg * Number(p.weight.value), 0) as number).toFixed(2)

  function shippingOptions(body: any): FakeResponse {
    const bad = addressProblems(body) ?? parcelProblems(body?.parcels)
    if (bad) return bad
    return {
      status: 200,
      body: {
        data: options_.map((o) => {
          const total = quote(o, body.parcels)
          return {
            code: o.code,
            name: o.name,
            carrier: o.carrier,
            product: { code: o.code.split("/")[0], name: o.name },
            contract: { id: 517 },
            quotes: total === null ? null : [{ price: { total: { value: total, currency: "EUR" } }, lead_time: o.hours }],
          }
        }),
        message: null,
      },
    }
  }

  function announce(body: any): FakeResponse {
    const bad = addressProblems(body) ?? parcelProblems(body?.parcels)
    if (bad) return bad
    const code = body?.ship_with?.properties?.shipping_option_code
    if (!options_.some((o) => o.code === code)) return errors(400, [{ code: "invalid", detail: `Shipping option "${code}" is not available for this shipment.`, pointer: "/ship_with/properties/shipping_option_code" }])
    if (body.parcels.length > 15) return errors(400, [{ code: "invalid", detail: "A synchronous announcement takes at most 15 parcels.", pointer: "/parcels" }])
    const ref = body.external_reference_id ?? null
    const existing = ref && shipments.find((s) => s.external_reference_id === ref)
    // Documented: reusing external_reference_id answers 409 and returns the associated object.
    if (existing) return { status: 409, body: { data: shipmentBody(existing) } }
    const mime = body.label_details?.mime_type ?? "application/pdf"
    if (!["application/pdf", "application/zpl", "image/png"].includes(mime)) return errors(400, [{ code: "invalid_choice", detail: `"${mime}" is not a valid choice.`, pointer: "/label_details/mime_type" }])
    const failed = Boolean(options.announcement_fails)
    const parcels: StoredParcel[] = body.parcels.map(() => {
      const id = parcelSeq++
      return {
        id,
        tracking_number: `3SYZXG${id}`,
        status: failed ? { code: "ANNOUNCEMENT_FAILED", message: "Announcement failed" } : { code: "READY_TO_SEND", message: "Ready to send" },
        events: [],
      }
    })
    const shipment: StoredShipment = {
      id: crypto.randomUUID(),
      external_reference_id: ref,
      mime,
      option: code,
      parcels,
      errors: failed ? [{ status: "500", code: "parcel_announcement_error", detail: "Service error: An error occurred while connecting to the carrier." }] : [],
      request: body,
    }
    shipments.push(shipment)
    const data = shipmentBody(shipment) as any
    // Sync responses carry the label inline when the shipment has one parcel.
    if (!failed && parcels.length === 1) data.parcels[0].label_file = file(parcels[0].tracking_number, mime).toString("base64")
    return { status: 201, body: { data } }
  }

  const file = (tn: string, mime: string) => (mime === "application/zpl" ? zplLabel(tn) : pdfLabel(tn))

  function shipmentBody(s: StoredShipment) {
    return {
      id: s.id,
      external_reference_id: s.external_reference_id,
      label_details: { mime_type: s.mime, dpi: s.mime === "application/zpl" ? 203 : 72 },
      ship_with: { type: "shipping_option_code", properties: { shipping_option_code: s.option, contract_id: 517 } },
      parcels: s.parcels.map((p) => ({
        id: p.id,
        status: p.status,
        tracking_number: p.tracking_number,
        tracking_url: `https://tracking.example/forward?code=${p.tracking_number}`,
        documents: [{ type: "label", size: "a6", link: `${url}/parcels/${p.id}/documents/label` }],
      })),
      carrier: { code: s.option.split(":")[0], name: s.option.split(":")[0] },
      errors: s.errors,
    }
  }

  function cancel(id: string): FakeResponse {
    const s = shipments.find((x) => x.id === id)
    if (!s) return notFound()
    if (s.parcels.every((p) => p.status.code === "CANCELLED")) return errors(409, [{ code: "invalid", detail: "This shipment is already being cancelled." }])
    if (s.parcels.some((p) => p.status.code === "DELIVERED")) return errors(409, [{ code: "invalid", detail: "This shipment has been delivered and cannot be cancelled." }])
    if (options.cancel_queued) return { status: 202, body: { data: { status: "queued", message: "Shipment cancellation has been queued" } } }
    for (const p of s.parcels) p.status = { code: "CANCELLED", message: "Cancelled" }
    return { status: 200, body: { data: { status: "cancelled", message: "Shipment has been cancelled" } } }
  }

  function document(parcelId: number, accept: string): FakeResponse {
    const shipment = shipments.find((s) => s.parcels.some((p) => p.id === parcelId))
    const parcel = allParcels().find((p) => p.id === parcelId)
    if (!parcel) return notFound()
    const mime = accept.includes("zpl") ? "application/zpl" : "application/pdf"
    // Documented: a label announced as ZPL cannot be fetched in another format.
    if (shipment?.mime === "application/zpl" && mime !== "application/zpl") return errors(400, [{ code: "invalid", detail: "This label was created as ZPL and is only available as ZPL." }])
    return { status: 200, headers: { "content-type": mime }, raw: file(parcel.tracking_number, mime) }
  }

  function createReturn(body: any): FakeResponse {
    const bad = addressProblems(body)
    if (bad) return bad
    if (!body?.ship_with?.properties?.shipping_option_code) return errors(400, [{ code: "required", detail: "This field is required.", pointer: "/ship_with" }])
    if (!(Number(body?.weight?.value) > 0)) return errors(400, [{ code: "invalid", detail: "Ensure this value is greater than or equal to 0.001.", pointer: "/weight" }])
    const count = Math.max(1, Number(body.collo_count ?? 1))
    const ids = Array.from({ length: count }, () => parcelSeq++)
    const tn = `JVGL${ids[0]}`
    for (const id of ids) returnParcels.push({ id, tracking_number: tn, status: { code: "ANNOUNCED", message: "Announced" }, events: [] })
    const r: StoredReturn = { id: returns.length + 1751075, parcel_ids: ids, tracking_number: tn, cancelled: false, request: body }
    returns.push(r)
    return { status: 201, body: { return_id: r.id, parcel_id: ids[0], multi_collo_ids: ids.length > 1 ? ids : [] } }
  }

  function returnBody(r: StoredReturn) {
    return {
      tracking_number: r.tracking_number,
      tracking_url: `https://tracking.example/forward?code=${r.tracking_number}`,
      label_cost: { value: "6.15", currency: "EUR" },
      is_cancellable: !r.cancelled,
      label: { label_printer: `${url}/parcels/${r.parcel_ids[0]}/documents/label` },
      order_number: r.request.order_number ?? "",
    }
  }

  function sign(raw: string, secret: string = secretKey): WebhookDelivery {
    return {
      headers: { "content-type": "application/json", "sendcloud-signature": crypto.createHmac("sha256", secret).update(raw).digest("hex") },
      raw_body: Buffer.from(raw, "utf8"),
      url: "/hooks/oms/carriers/sendcloud",
      received_at: new Date(),
    }
  }

  const server = await startFakeServer(handler, options.knobs)
  url = server.url
  return Object.assign(server, {
    shipments,
    returns,
    purchases: () => shipments.length,
    throttle: (n: number, retry_after_s: number | null = null) => {
      throttleNext = n
      throttleRetryAfter = retry_after_s
    },
    sign,
    statusChange(parcel_id: number, status: { id: number; message: string; code: string }, opts: { secret?: string; timestamp?: number } = {}) {
      const parcel = allParcels().find((p) => p.id === parcel_id)
      if (!parcel) throw new Error(`no parcel ${parcel_id}`)
      const timestamp = opts.timestamp ?? Date.now()
      parcel.status = { code: status.code, message: status.message }
      parcel.events.push({ event_at: new Date(timestamp).toISOString(), status_code: status.code.toLowerCase(), status_description: status.message })
      const raw = JSON.stringify({
        action: "parcel_status_changed",
        timestamp,
        carrier_status_change_timestamp: timestamp,
        parcel: { id: parcel.id, tracking_number: parcel.tracking_number, status: { id: status.id, message: status.message } },
      })
      return sign(raw, opts.secret)
    },
  })
}
