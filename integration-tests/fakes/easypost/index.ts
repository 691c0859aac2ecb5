import { createHmac, randomBytes } from "node:crypto"
import { FakeKnobs, FakeRequest, FakeResponse, FakeServer, startFakeServer } from "../server"
import { fakeLabelFile } from "../labels/files"

/**
 * A fake EasyPost (API v2) over the shared fake server, following EasyPost's documented requests,
 * answers and errors: Basic auth with the API key as user (401 otherwise), bodies wrapped in the
 * object name ({"shipment": {...}}), the error envelope {"error": {code, message, errors}},
 * 422 for invalid input, a shipment sold once (buying again: 422 SHIPMENT.POSTAGE.EXISTS),
 * labels converted on GET /shipments/{id}/label, refunds with refund_status, and Events signed
 * with X-Hmac-Signature. State lives in memory; `purchases` lists every label it sold.
 */
export type EasyPostFakeOptions = {
  api_key?: string
  webhook_secret?: string
  knobs?: FakeKnobs
  /** What POST /shipments/{id}/refund answers in refund_status. */
  refund_status?: "submitted" | "refunded" | "rejected" | "not_applicable"
}

type Shipment = Record<string, any> & { id: string; created: number }

export type EasyPostFake = FakeServer & {
  api_key: string
  webhook_secret: string
  shipments: Map<string, Shipment>
  purchases: { shipment_id: string; rate_id: string; tracking_code: string }[]
  /** Every request for a label file, with the Authorization header it carried (none expected). */
  file_requests: { path: string; authorization: string | null }[]
  refund_status: NonNullable<EasyPostFakeOptions["refund_status"]>
  /** The account cannot pay: purchases answer 402. */
  wallet_empty: boolean
  /** A tracker.updated Event moving the label with this tracking code to `status`. */
  trackerEvent(tracking_code: string, status: string, message?: string): Record<string, unknown>
  /** The delivery EasyPost would POST for `event`: raw bytes and their X-Hmac-Signature. */
  signedDelivery(event: unknown, secret?: string): { headers: Record<string, string>; raw_body: Buffer; url: string; received_at: Date }
}

export async function startEasyPostFake(options: EasyPostFakeOptions = {}): Promise<EasyPostFake> {
  const api_key = options.api_key ?? "EZTK_fake_test_key_0123456789"
  const webhook_secret = options.webhook_secret ?? "whsec-fake-easypost"
  const shipments = new Map<string, Shipment>()
  const purchases: EasyPostFake["purchases"] = []
  const file_requests: EasyPostFake["file_requests"] = []
  let base = ""
  let serial = 0
  const id = (prefix: string) => `${prefix}_${(++serial).toString(16).padStart(8, "0")}${randomBytes(12).toString("hex")}`
  const now = () => new Date().toISOString().replace(/\.\d+Z$/, "Z")

  const handler = (req: FakeRequest): FakeResponse => {
    if (req.path.startsWith("/files/")) {
      const auth = req.headers.authorization
      file_requests.push({ path: req.path, authorization: typeof auth === "string" ? auth : null })
      const m = /^\/files\/([A-Za-z0-9]+)\.(pdf|zpl|png)$/.exec(req.path)
      if (!m) return { status: 404, raw: "no such file" }
      const file = fakeLabelFile(m[2] as "pdf" | "zpl" | "png", m[1])
      return { status: 200, raw: file.body, headers: { "content-type": file.type } }
    }
    if (!authorised(req, api_key)) {
      return fail(401, "APIKEY.REQUIRED", "The request could not be authorized: missing or invalid API key.")
    }
    let m: RegExpExecArray | null
    if (req.method === "POST" && req.path === "/shipments") return createShipment(req)
    if (req.method === "GET" && req.path === "/addresses") return { status: 200, body: { addresses: [], has_more: false } }
    if ((m = /^\/shipments\/([^/]+)$/.exec(req.path)) && req.method === "GET") {
      const s = find(decodeURIComponent(m[1]))
      return s ? { status: 200, body: view(s) } : notFound()
    }
    if ((m = /^\/shipments\/([^/]+)\/buy$/.exec(req.path)) && req.method === "POST") return buy(decodeURIComponent(m[1]), req)
    if ((m = /^\/shipments\/([^/]+)\/label$/.exec(req.path)) && req.method === "GET") return convert(decodeURIComponent(m[1]), req)
    if ((m = /^\/shipments\/([^/]+)\/refund$/.exec(req.path)) && req.method === "POST") return refund(decodeURIComponent(m[1]))
    if ((m = /^\/trackers\/([^/]+)$/.exec(req.path)) && req.method === "GET") {
      const s = [...shipments.values()].find((x) => x.tracker?.id === m![1])
      return s ? { status: 200, body: s.tracker } : notFound()
    }
    return notFound()
  }

  function find(idOrReference: string): Shipment | undefined {
    if (shipments.has(idOrReference)) return shipments.get(idOrReference)
    // EasyPost accepts a reference in place of an id; references are not unique: the newest wins.
    return [...shipments.values()].filter((s) => s.reference === idOrReference).sort((a, b) => b.created - a.created)[0]
  }

  function createShipment(req: FakeRequest): FakeResponse {
    const input = req.body?.shipment
    if (!input || typeof input !== "object") return fail(422, "PARAMETER.REQUIRED", "Missing required parameter.", [{ field: "shipment", message: "cannot be blank" }])
    const errors = [...addressErrors(input, "to_address"), ...addressErrors(input, "from_address"), ...parcelErrors(input.parcel)]
    const format = input.options?.label_format
    if (format !== undefined && !["PNG", "PDF", "ZPL", "EPL2"].includes(format)) {
      errors.push({ field: "options.label_format", message: "must be one of PNG, PDF, ZPL, EPL2" })
    }
    if (errors.length) return fail(422, "SHIPMENT.INVALID_PARAMS", "Unable to create shipment, one or more parameters were invalid.", errors)

    const shp = id("shp")
    const { rates, messages } = rateShipment(input, shp)
    const s: Shipment = {
      id: shp,
      object: "Shipment",
      mode: "test",
      created: Date.now() + serial / 1000,
      created_at: now(),
      reference: input.reference ?? null,
      is_return: Boolean(input.is_return),
      // An is_return shipment gets its addresses swapped by EasyPost, as documented.
      to_address: input.is_return ? input.from_address : input.to_address,
      from_address: input.is_return ? input.to_address : input.from_address,
      parcel: { id: id("prcl"), object: "Parcel", ...input.parcel },
      customs_info: input.customs_info ?? null,
      options: { label_format: "PNG", ...(input.options ?? {}) },
      rates,
      messages,
      selected_rate: null,
      postage_label: null,
      tracking_code: null,
      tracker: null,
      refund_status: null,
      status: "unknown",
    }
    shipments.set(shp, s)
    return { status: 201, body: view(s) }
  }

  function buy(shipmentId: string, req: FakeRequest): FakeResponse {
    const s = find(shipmentId)
    if (!s) return notFound()
    const rateId = req.body?.rate?.id
    if (!rateId) return fail(422, "PARAMETER.REQUIRED", "Missing required parameter.", [{ field: "rate", message: "cannot be blank" }])
    if (s.postage_label) return fail(422, "SHIPMENT.POSTAGE.EXISTS", "Postage already exists for this shipment.")
    if (fake.wallet_empty) return fail(402, "PAYMENT.REQUIRED", "Insufficient funds to purchase postage.")
    const rate = s.rates.find((r: any) => r.id === rateId)
    if (!rate) return fail(422, "SHIPMENT.RATE.INVALID", "The rate does not belong to this shipment.", [{ field: "rate.id", message: "is not a rate of this shipment" }])
    const tracking_code = `EZ${String(purchases.length + 1).padStart(8, "0")}${randomBytes(3).toString("hex").toUpperCase()}`
    const format = String(s.options.label_format ?? "PNG").toUpperCase()
    s.tracking_code = tracking_code
    s.selected_rate = rate
    s.postage_label = {
      object: "PostageLabel",
      id: id("pl"),
      label_date: now(),
      label_size: "4x6",
      label_resolution: 300,
      label_file_type: format === "PDF" ? "application/pdf" : format === "ZPL" ? "application/zpl" : "image/png",
      label_url: fileUrl(tracking_code, format === "PDF" ? "pdf" : format === "ZPL" ? "zpl" : "png"),
      label_pdf_url: format === "PDF" ? fileUrl(tracking_code, "pdf") : null,
      label_zpl_url: format === "ZPL" ? fileUrl(tracking_code, "zpl") : null,
      label_epl2_url: null,
    }
    s.tracker = {
      id: id("trk"),
      object: "Tracker",
      mode: "test",
      tracking_code,
      status: "pre_transit",
      carrier: rate.carrier,
      shipment_id: s.id,
      public_url: `${base}/track/${tracking_code}`,
      tracking_details: [{ object: "TrackingDetail", message: "Shipping Label Created", status: "pre_transit", datetime: now(), tracking_location: { city: "SAN FRANCISCO", state: "CA", country: "US", zip: "94107" } }],
    }
    purchases.push({ shipment_id: s.id, rate_id: rate.id, tracking_code })
    return { status: 200, body: view(s) }
  }

  function convert(shipmentId: string, req: FakeRequest): FakeResponse {
    const s = find(shipmentId)
    if (!s) return notFound()
    const format = (req.query.get("file_format") ?? "").toUpperCase()
    if (!["PDF", "ZPL", "EPL2"].includes(format)) return fail(422, "PARAMETER.INVALID", "Invalid parameter.", [{ field: "file_format", message: "must be one of PDF, ZPL, EPL2" }])
    if (!s.postage_label) return fail(422, "SHIPMENT.POSTAGE.REQUIRED", "The shipment has no postage yet; buy it before converting its label.")
    if (format === "PDF") s.postage_label.label_pdf_url = fileUrl(s.tracking_code, "pdf")
    if (format === "ZPL") s.postage_label.label_zpl_url = fileUrl(s.tracking_code, "zpl")
    return { status: 200, body: view(s) }
  }

  function refund(shipmentId: string): FakeResponse {
    const s = find(shipmentId)
    if (!s) return notFound()
    if (!s.postage_label) return fail(422, "SHIPMENT.REFUND.UNAVAILABLE", "The shipment has no postage to refund.")
    s.refund_status ??= fake.refund_status
    return { status: 200, body: view(s) }
  }

  const fileUrl = (tracking: string, ext: string) => `${base}/files/${tracking}.${ext}`

  const server = await startFakeServer(handler, options.knobs)
  base = server.url

  const fake: EasyPostFake = Object.assign(server, {
    api_key,
    webhook_secret,
    shipments,
    purchases,
    file_requests,
    refund_status: options.refund_status ?? ("submitted" as const),
    wallet_empty: false,
    trackerEvent(tracking_code: string, status: string, message?: string) {
      const s = [...shipments.values()].find((x) => x.tracking_code === tracking_code)
      if (!s?.tracker) throw new Error(`the fake sold no label ${tracking_code}`)
      s.tracker.status = status
      s.tracker.tracking_details.push({ object: "TrackingDetail", message: message ?? status, status, datetime: now(), tracking_location: { city: "BOSTON", state: "MA", country: "US", zip: "02110" } })
      return { id: id("evt"), object: "Event", mode: "test", description: "tracker.updated", created_at: now(), result: JSON.parse(JSON.stringify(s.tracker)), previous_attributes: {}, pending_urls: [], completed_urls: [] }
    },
    signedDelivery(event: unknown, secret = webhook_secret) {
      const raw_body = Buffer.from(JSON.stringify(event))
      // As EasyPost signs: HMAC-SHA256 over the raw body, key = the secret NFKD-normalised, UTF-8.
      const hex = createHmac("sha256", Buffer.from(secret.normalize("NFKD"), "utf8")).update(raw_body).digest("hex")
      return { headers: { "content-type": "application/json", "x-hmac-signature": `hmac-sha256-hex=${hex}` }, raw_body, url: "/hooks/oms/carriers/easypost", received_at: new Date() }
    },
  })
  return fake
}

function authorised(req: FakeRequest, key: string): boolean {
  const header = req.headers.authorization
  if (typeof header !== "string" || !header.startsWith("Basic ")) return false
  const [user] = Buffer.from(header.slice(6), "base64").toString("utf8").split(":")
  return user === key
}

function view(s: Shipment) {
  const { created, ...rest } = s
  return rest
}

function fail(status: number, code: string, message: string, errors: unknown[] = []): FakeResponse {
  return { status, body: { error: { code, message, errors } } }
}

const notFound = () => fail(404, "NOT_FOUND", "The requested resource could not be found.")

function addressErrors(input: any, key: "to_address" | "from_address") {
  const a = input[key]
  if (!a || typeof a !== "object") return [{ field: key, message: "cannot be blank" }]
  return ["street1", "city", "zip", "country"].filter((f) => !a[f]).map((f) => ({ field: `${key}.${f}`, message: "cannot be blank" }))
}

function parcelErrors(p: any) {
  if (!p || typeof p !== "object") return [{ field: "parcel", message: "cannot be blank" }]
  const errors: { field: string; message: string }[] = []
  if (!(Number(p.weight) > 0)) errors.push({ field: "parcel.weight", message: "must be greater than 0 (ounces)" })
  for (const d of ["length", "width", "height"]) if (p[d] !== undefined && !(Number(p[d]) > 0)) errors.push({ field: `parcel.${d}`, message: "must be greater than 0 (inches)" })
  return errors
}

/** Deterministic USPS-like prices from the weight in ounces; international needs customs_info. */
function rateShipment(input: any, shipmentId: string) {
  const oz = Number(input.parcel.weight)
  const domestic = input.to_address.country === input.from_address.country
  const messages: { carrier: string; type: string; message: string }[] = []
  const table: [string, number, number][] = domestic
    ? [["GroundAdvantage", 4.5 + 0.12 * oz, 4], ["Priority", 7.9 + 0.2 * oz, 2], ["Express", 27.5 + 0.35 * oz, 1]]
    : input.customs_info
      ? [["PriorityMailInternational", 32 + 0.5 * oz, 7], ["ExpressMailInternational", 48 + 0.7 * oz, 4]]
      : []
  if (!domestic && !input.customs_info) messages.push({ carrier: "USPS", type: "rate_error", message: "Customs information is required for international shipments." })
  if (String(input.to_address.zip) === "00000") {
    table.length = 0
    messages.push({ carrier: "USPS", type: "rate_error", message: "Destination ZIP code 00000 is not valid." })
  }
  const rates = table.map(([service, amount, days]) => ({
    id: `rate_${randomBytes(16).toString("hex")}`,
    object: "Rate",
    mode: "test",
    carrier: "USPS",
    service,
    rate: amount.toFixed(2),
    currency: "USD",
    list_rate: (amount * 1.1).toFixed(2),
    list_currency: "USD",
    delivery_days: days,
    est_delivery_days: days,
    delivery_date_guaranteed: false,
    shipment_id: shipmentId,
    carrier_account_id: "ca_fake_usps",
  }))
  return { rates, messages }
}
