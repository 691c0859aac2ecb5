import { createHmac, randomBytes } from "node:crypto"
import { FakeKnobs, FakeRequest, FakeResponse, FakeServer, startFakeServer } from "../server"
import { fakeLabelFile } from "../labels/files"

/**
 * A fake Shippo (API 2018-02-08) over the shared fake server, following Shippo's documented
 * requests and answers: `Authorization: ShippoToken <token>` (401 {"detail"} otherwise),
 * field-keyed 400 errors, shipments with rates inline, transactions with their states
 * (SUCCESS; ERROR answered as 201 with messages; QUEUED when async, settling later), one
 * transaction per parcel of a multi-piece shipment, no dedupe of transactions (as Shippo
 * documents none), refunds, tracks, and webhook deliveries authenticated by URL token and
 * optionally HMAC. State lives in memory; `purchases` lists every label it sold.
 */
export type ShippoFakeOptions = { api_token?: string; knobs?: FakeKnobs }

type Tx = Record<string, any> & { object_id: string; status: string }

export type ShippoFake = FakeServer & {
  api_token: string
  shipments: Map<string, Record<string, any>>
  transactions: Map<string, Tx>
  purchases: { transaction_id: string; rate: string; tracking_number: string }[]
  file_requests: { path: string; authorization: string | null }[]
  /** The next purchase fails at the carrier: 201 with status ERROR and this message. */
  fail_next_purchase: { source: string; code: string; text: string } | null
  /** The next purchase answers QUEUED and settles to SUCCESS after this many reads. */
  queue_next_purchase: number
  /** What POST /refunds answers in status. */
  refund_status: "QUEUED" | "PENDING" | "SUCCESS" | "ERROR"
  /** A track_updated body moving the label with this tracking number to `status`. */
  trackEvent(tracking_number: string, status: string, details?: string, substatus?: string): Record<string, unknown>
  /** The delivery Shippo would POST: URL with ?token=, and a Shippo-Auth-Signature when given a secret. */
  delivery(body: unknown, auth: { token?: string; hmac_secret?: string; t?: number }): { headers: Record<string, string>; raw_body: Buffer; url: string; received_at: Date }
}

const TOKENS: Record<string, [string, string, string, number]> = {
  usps_ground_advantage: ["USPS", "usps_ground_advantage", "Ground Advantage", 4],
  usps_priority: ["USPS", "usps_priority", "Priority Mail", 2],
  ups_ground: ["UPS", "ups_ground", "Ground", 3],
}

export async function startShippoFake(options: ShippoFakeOptions = {}): Promise<ShippoFake> {
  const api_token = options.api_token ?? "shippo_test_fake0123456789abcdef"
  const shipments = new Map<string, Record<string, any>>()
  const rates = new Map<string, Record<string, any>>()
  const transactions = new Map<string, Tx>()
  const refunds = new Map<string, Record<string, any>>()
  const purchases: ShippoFake["purchases"] = []
  const file_requests: ShippoFake["file_requests"] = []
  const settleAfter = new Map<string, number>()
  let base = ""
  let serial = 0
  const oid = () => `${(++serial).toString(16).padStart(6, "0")}${randomBytes(13).toString("hex")}`
  const now = () => new Date(Date.now() + serial).toISOString()

  const handler = (req: FakeRequest): FakeResponse => {
    if (req.path.startsWith("/files/")) {
      const auth = req.headers.authorization
      file_requests.push({ path: req.path, authorization: typeof auth === "string" ? auth : null })
      const m = /^\/files\/([A-Za-z0-9]+)\.(pdf|zpl|png)$/.exec(req.path)
      if (!m) return { status: 404, raw: "no such file" }
      const file = fakeLabelFile(m[2] as "pdf" | "zpl" | "png", m[1])
      return { status: 200, raw: file.body, headers: { "content-type": file.type } }
    }
    const auth = req.headers.authorization
    if (typeof auth !== "string" || !auth.startsWith("ShippoToken ")) return { status: 401, body: { detail: "Authentication credentials were not provided." } }
    if (auth.slice("ShippoToken ".length) !== api_token) return { status: 401, body: { detail: "Invalid token." } }

    let m: RegExpExecArray | null
    if (req.method === "POST" && req.path === "/shipments") return createShipment(req.body)
    if (req.method === "POST" && req.path === "/transactions") return createTransaction(req.body)
    if (req.method === "GET" && req.path === "/transactions") {
      const rate = req.query.get("rate")
      const results = [...transactions.values()].filter((t) => !rate || t.rate === rate).reverse().slice(0, Number(req.query.get("results") ?? 25))
      return { status: 200, body: { next: null, previous: null, results: results.map(view) } }
    }
    if ((m = /^\/transactions\/([^/]+)$/.exec(req.path)) && req.method === "GET") {
      const tx = transactions.get(m[1])
      if (!tx) return { status: 404, body: { detail: "Not found." } }
      const left = settleAfter.get(tx.object_id)
      if (left !== undefined) {
        if (left <= 1) {
          settleAfter.delete(tx.object_id)
          sell(tx)
        } else settleAfter.set(tx.object_id, left - 1)
      }
      return { status: 200, body: view(tx) }
    }
    if ((m = /^\/rates\/([^/]+)$/.exec(req.path)) && req.method === "GET") {
      const rate = rates.get(m[1])
      return rate ? { status: 200, body: rate } : { status: 404, body: { detail: "Not found." } }
    }
    if (req.method === "POST" && req.path === "/refunds") return createRefund(req.body)
    if ((m = /^\/tracks\/([^/]+)\/([^/]+)$/.exec(req.path)) && req.method === "GET") {
      const tx = [...transactions.values()].find((t) => t.tracking_number === decodeURIComponent(m![2]) && t.status !== "ERROR")
      if (!tx || tx.track.carrier !== decodeURIComponent(m[1])) return { status: 404, body: { detail: "Not found." } }
      return { status: 200, body: tx.track }
    }
    if (req.method === "GET" && req.path === "/carrier_accounts") {
      return { status: 200, body: { next: null, previous: null, results: [{ object_id: "ca_usps_fake", carrier: "usps", active: true, test: true }] } }
    }
    return { status: 404, body: { detail: "Not found." } }
  }

  function createShipment(body: any): FakeResponse {
    const errors: Record<string, unknown> = {}
    for (const key of ["address_from", "address_to"]) {
      const a = body?.[key]
      if (!a || typeof a !== "object") errors[key] = ["This field is required."]
      else {
        const missing = Object.fromEntries(["street1", "city", "zip", "country"].filter((f) => !a[f]).map((f) => [f, ["This field is required."]]))
        if (Object.keys(missing).length) errors[key] = missing
      }
    }
    const parcels = body?.parcels
    if (!Array.isArray(parcels) || !parcels.length) errors.parcels = ["This field is required."]
    else {
      const perParcel = parcels.map(parcelErrors)
      if (perParcel.some((p) => Object.keys(p).length)) errors.parcels = perParcel
    }
    if (Object.keys(errors).length) return { status: 400, body: errors }

    const object_id = oid()
    const grams = parcels.reduce((sum: number, p: any) => sum + toGrams(Number(p.weight), p.mass_unit), 0)
    const isReturn = Boolean(body.extra?.is_return)
    const messages: { source: string; code: string; text: string }[] = []
    // USPS does not take multi-piece shipments (Shippo's multi-piece guide); UPS does.
    let offered = parcels.length > 1 ? ["ups_ground"] : Object.keys(TOKENS)
    if (String(body.address_to.zip) === "00000") {
      offered = []
      messages.push({ source: "USPS", code: "invalid_zip", text: "Destination ZIP code 00000 is not valid." })
    }
    const shipmentRates = offered.map((token, i) => {
      const [provider, , name, days] = TOKENS[token]
      const rate = {
        object_id: oid(),
        object_created: now(),
        amount: (5 + 2.5 * i + grams / 400).toFixed(2),
        currency: "USD",
        amount_local: (5 + 2.5 * i + grams / 400).toFixed(2),
        currency_local: "USD",
        provider,
        servicelevel: { name, token, terms: "" },
        estimated_days: days,
        duration_terms: "",
        attributes: i === 0 ? ["CHEAPEST"] : [],
        carrier_account: `ca_${provider.toLowerCase()}_fake`,
        shipment: object_id,
        messages: [],
        test: true,
      }
      rates.set(rate.object_id, rate)
      return rate
    })
    const shipment = {
      object_id,
      object_created: now(),
      status: "SUCCESS",
      // Shippo swaps the addresses of a return shipment itself, as documented.
      address_from: isReturn ? body.address_to : body.address_from,
      address_to: isReturn ? body.address_from : body.address_to,
      parcels: parcels.map((p: any) => ({ object_id: oid(), ...p })),
      extra: body.extra ?? {},
      metadata: body.metadata ?? "",
      rates: shipmentRates,
      messages,
      test: true,
    }
    shipments.set(object_id, shipment)
    return { status: 201, body: shipment }
  }

  function createTransaction(body: any): FakeResponse {
    if (!body?.rate) return { status: 400, body: { rate: ["This field is required."] } }
    const rate = rates.get(body.rate)
    if (!rate) return { status: 400, body: { rate: [`Rate with object_id ${body.rate} does not exist.`] } }
    const fileType = body.label_file_type ?? "PDF_4x6"
    if (!["PNG", "PNG_2.3x7.5", "PDF", "PDF_2.3x7.5", "PDF_4x6", "PDF_4x8", "PDF_A4", "PDF_A5", "PDF_A6", "ZPLII"].includes(fileType)) {
      return { status: 400, body: { label_file_type: [`"${fileType}" is not a valid choice.`] } }
    }
    if (typeof body.metadata === "string" && body.metadata.length > 100) return { status: 400, body: { metadata: ["Ensure this field has no more than 100 characters."] } }
    const shipment = shipments.get(rate.shipment)!
    const failure = fake.fail_next_purchase
    fake.fail_next_purchase = null
    const queued = fake.queue_next_purchase
    fake.queue_next_purchase = 0
    // A multi-piece shipment: one transaction (and label) per parcel, all on the same rate.
    const txs: Tx[] = shipment.parcels.map((parcel: any) => ({
      object_id: oid(),
      object_created: now(),
      object_updated: now(),
      object_state: "VALID",
      status: failure ? "ERROR" : queued || body.async === true ? "QUEUED" : "WAITING",
      rate: rate.object_id,
      metadata: body.metadata ?? "",
      parcel: parcel.object_id,
      label_file_type: fileType,
      messages: failure ? [failure] : [],
      test: true,
      core: { object_id: rate.object_id, amount: rate.amount, currency: rate.currency, provider: rate.provider, servicelevel_token: rate.servicelevel.token, servicelevel_name: rate.servicelevel.name },
    }))
    for (const tx of txs) {
      transactions.set(tx.object_id, tx)
      if (tx.status === "QUEUED") settleAfter.set(tx.object_id, queued || 1)
      else if (tx.status === "WAITING") sell(tx)
    }
    return { status: 201, body: view(txs[0]) }
  }

  function sell(tx: Tx) {
    const tracking_number = `SHIPPO${String(purchases.length + 1).padStart(6, "0")}${randomBytes(3).toString("hex").toUpperCase()}`
    const ext = tx.label_file_type === "ZPLII" ? "zpl" : tx.label_file_type.startsWith("PNG") ? "png" : "pdf"
    const status = { object_id: oid(), status: "PRE_TRANSIT", status_details: "The carrier has received the electronic shipment information.", status_date: now(), substatus: null, location: { city: "San Francisco", state: "CA", zip: "94107", country: "US" } }
    Object.assign(tx, {
      status: "SUCCESS",
      object_updated: now(),
      tracking_number,
      tracking_status: "PRE_TRANSIT",
      tracking_url_provider: `${base}/track/${tracking_number}`,
      label_url: `${base}/files/${tracking_number}.${ext}`,
      track: { carrier: tx.core.provider.toLowerCase(), tracking_number, tracking_status: status, tracking_history: [status], transaction: tx.object_id, test: true },
    })
    purchases.push({ transaction_id: tx.object_id, rate: tx.rate, tracking_number })
  }

  function createRefund(body: any): FakeResponse {
    if (!body?.transaction) return { status: 400, body: { transaction: ["This field is required."] } }
    const tx = transactions.get(body.transaction)
    if (!tx || tx.status === "ERROR") return { status: 400, body: { transaction: [`Transaction with object_id ${body.transaction} does not exist or has no label.`] } }
    if (tx.status.startsWith("REFUND")) return { status: 400, body: { transaction: ["A refund for this transaction has already been requested."] } }
    const refund = { object_id: oid(), object_created: now(), status: fake.refund_status, transaction: tx.object_id, test: true }
    refunds.set(refund.object_id, refund)
    tx.status = refund.status === "SUCCESS" ? "REFUNDED" : refund.status === "ERROR" ? "REFUNDREJECTED" : "REFUNDPENDING"
    return { status: 201, body: refund }
  }

  const server = await startFakeServer(handler, options.knobs)
  base = server.url
  const fake: ShippoFake = Object.assign(server, {
    api_token,
    shipments,
    transactions,
    purchases,
    file_requests,
    fail_next_purchase: null,
    queue_next_purchase: 0,
    refund_status: "SUCCESS" as const,
    trackEvent(tracking_number: string, status: string, details?: string, substatus?: string) {
      const tx = [...transactions.values()].find((t) => t.tracking_number === tracking_number)
      if (!tx) throw new Error(`the fake sold no label ${tracking_number}`)
      const s = { object_id: oid(), status, status_details: details ?? status, status_date: now(), substatus: substatus ? { code: substatus, text: details ?? substatus, action_required: false } : null, location: { city: "Boston", state: "MA", zip: "02110", country: "US" } }
      tx.track.tracking_status = s
      tx.track.tracking_history.push(s)
      tx.tracking_status = status
      return { event: "track_updated", test: true, data: JSON.parse(JSON.stringify(tx.track)) }
    },
    delivery(body: unknown, auth: { token?: string; hmac_secret?: string; t?: number }) {
      const raw_body = Buffer.from(JSON.stringify(body))
      const headers: Record<string, string> = { "content-type": "application/json" }
      if (auth.hmac_secret) {
        const t = auth.t ?? Math.floor(Date.now() / 1000)
        const v1 = createHmac("sha256", auth.hmac_secret).update(`${t}.${raw_body.toString("utf8")}`).digest("hex")
        headers["shippo-auth-signature"] = `t=${t},v1=${v1}`
      }
      const url = `/hooks/oms/carriers/shippo${auth.token !== undefined ? `?token=${encodeURIComponent(auth.token)}` : ""}`
      return { headers, raw_body, url, received_at: new Date() }
    },
  })
  return fake
}

function view(tx: Tx) {
  const { core, track, ...rest } = tx
  return { ...rest, rate: core.object_id }
}

const MASS: Record<string, number> = { g: 1, kg: 1000, oz: 28.349523125, lb: 453.59237 }

function toGrams(weight: number, unit: string) {
  return weight * (MASS[unit] ?? NaN)
}

function parcelErrors(p: any): Record<string, string[]> {
  const e: Record<string, string[]> = {}
  for (const f of ["length", "width", "height", "weight"]) {
    if (p?.[f] === undefined || p[f] === "") e[f] = ["This field is required."]
    else if (!(Number(p[f]) > 0)) e[f] = ["Ensure this value is greater than 0."]
  }
  if (!["cm", "in", "ft", "m", "mm", "yd"].includes(p?.distance_unit)) e.distance_unit = [`"${p?.distance_unit ?? ""}" is not a valid choice.`]
  if (!MASS[p?.mass_unit]) e.mass_unit = [`"${p?.mass_unit ?? ""}" is not a valid choice.`]
  return e
}
