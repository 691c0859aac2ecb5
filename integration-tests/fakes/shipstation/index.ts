import crypto from "node:crypto"
import type { WebhookDelivery } from "../../../src/lib/shipping/contract"
import { FakeKnobs, FakeRequest, FakeResponse, FakeServer, startFakeServer } from "../server"
import { pdfLabel, zplLabel } from "../label-bytes"

/**
 * A local ShipStation API v2, following docs.shipstation.com: `API-Key` header auth, errors as
 * `{request_id, errors: [{error_source, error_type, error_code, message}]}`, POST /v2/rates,
 * POST /v2/labels (external_shipment_id unique per account), GET
 * /v2/labels/external_shipment_id/{id}, PUT /v2/labels/{id}/void, GET /v2/labels/{id}/track,
 * label files at download URLs, 429 with Retry-After, and RSA-signed webhooks whose public key
 * is served as a JWKS at /jwks.
 */

export type ShipstationFakeOptions = {
  api_key?: string
  /** Carrier balance in USD; a label costing more is refused with insufficient_funds. */
  balance?: number
  knobs?: FakeKnobs
}

type StoredLabel = {
  label_id: string
  shipment_id: string
  external_shipment_id: string
  status: "completed" | "voided"
  is_return_label: boolean
  carrier_id: string
  carrier_code: string
  service_code: string
  label_format: "pdf" | "zpl"
  cost: number
  tracking_numbers: string[]
  events: { occurred_at: string; description: string; status_code: string; city_locality: string }[]
  status_code: string
  /** What the adapter sent, for tests to check units and addresses. */
  request: any
}

const carriers = [
  {
    carrier_id: "se-100",
    carrier_code: "stamps_com",
    friendly_name: "USPS",
    services: [
      { carrier_id: "se-100", service_code: "usps_ground_advantage", name: "USPS Ground Advantage", days: 5, base: 4.5, per_kg: 1.2 },
      { carrier_id: "se-100", service_code: "usps_priority_mail", name: "USPS Priority Mail", days: 2, base: 8.1, per_kg: 2.3 },
    ],
  },
  {
    carrier_id: "se-200",
    carrier_code: "ups",
    friendly_name: "UPS",
    services: [{ carrier_id: "se-200", service_code: "ups_ground", name: "UPS Ground", days: 4, base: 9.75, per_kg: 1.1 }],
    // Like some connected carriers, this one lists no services on GET /v2/carriers.
    lists_services: false,
  },
]

export type ShipstationFake = FakeServer & {
  labels: StoredLabel[]
  /** Bodies of POST /v2/rates, as sent. */
  rateRequests: any[]
  /** POST /v2/labels calls that created a label (what was bought). */
  purchases(): number
  /** The next N API calls answer ShipStation's own 429 (`retry_after_s` null sends no Retry-After). */
  throttle(n: number, retry_after_s: number | null): void
  /** Counted JWKS fetches (the adapter caches keys by kid). */
  jwksFetches(): number
  kid: string
  /** Adds a tracking event to a label and returns the signed webhook ShipStation would send. */
  trackEvent(label_id: string, status_code: string, description: string, opts?: { timestamp?: string }): WebhookDelivery
  /** Signs any body as ShipStation would (or with another key, to forge). */
  sign(raw: string, opts?: { timestamp?: string; privateKey?: crypto.KeyObject; kid?: string }): WebhookDelivery
}

export async function startShipstationFake(options: ShipstationFakeOptions = {}): Promise<ShipstationFake> {
  const apiKey = options.api_key ?? "ss-test-key"
  const labels: StoredLabel[] = []
  const rates = new Map<string, object>()
  const rateRequests: any[] = []
  const { publicKey, privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 })
  const kid = `fake-kid-${crypto.randomBytes(4).toString("hex")}`
  let seq = 1000
  let throttleNext = 0
  let throttleRetryAfter: number | null = null
  let jwksFetches = 0
  let url = ""

  const requestId = () => crypto.randomUUID()
  const fail = (status: number, errors: object[], headers?: Record<string, string>): FakeResponse => ({
    status,
    headers,
    body: { request_id: requestId(), errors },
  })
  const validation = (message: string, field_name?: string) =>
    fail(400, [{ error_source: "shipstation", error_type: "validation", error_code: "invalid_field_value", message, field_name }])

  function handler(req: FakeRequest): FakeResponse {
    if (req.path === "/jwks" && req.method === "GET") {
      jwksFetches++
      return { status: 200, body: { keys: [{ ...publicKey.export({ format: "jwk" }), kid, alg: "RS256", use: "sig" }] } }
    }
    if (req.headers["api-key"] !== apiKey) {
      return fail(401, [{ error_source: "shipstation", error_type: "security", error_code: "unauthorized", message: "The API key is invalid. Please see https://docs.shipstation.com" }])
    }
    if (throttleNext > 0) {
      throttleNext--
      return fail(
        429,
        [{ error_source: "shipstation", error_type: "system", error_code: "rate_limit_exceeded", message: "You have exceeded the rate limit." }],
        throttleRetryAfter === null ? undefined : { "retry-after": String(throttleRetryAfter) }
      )
    }

    const m = (re: RegExp) => req.path.match(re)
    if (req.method === "GET" && req.path === "/v2/carriers") {
      return {
        status: 200,
        body: {
          carriers: carriers.map(({ services, lists_services, ...c }) => ({
            ...c,
            services: lists_services === false ? [] : services.map(({ carrier_id, service_code, name }) => ({ carrier_id, service_code, name })),
          })),
          request_id: requestId(),
          errors: [],
        },
      }
    }
    const quoted = m(/^\/v2\/rates\/([^/]+)$/)
    if (req.method === "GET" && quoted) {
      const rate = rates.get(quoted[1])
      return rate ? { status: 200, body: rate } : notFound("rate")
    }
    if (req.method === "POST" && req.path === "/v2/rates") return rate(req.body)
    if (req.method === "POST" && req.path === "/v2/labels") return buy(req.body)
    let hit = m(/^\/v2\/labels\/external_shipment_id\/([^/]+)$/)
    if (req.method === "GET" && hit) {
      const label = labels.find((l) => l.external_shipment_id === decodeURIComponent(hit![1]))
      return label ? { status: 200, body: labelBody(label) } : notFound("label")
    }
    hit = m(/^\/v2\/labels\/([^/]+)\/void$/)
    if (req.method === "PUT" && hit) {
      const label = labels.find((l) => l.label_id === hit![1])
      if (!label) return notFound("label")
      if (label.status === "voided") return { status: 200, body: { approved: false, message: "This label has already been voided.", reason_code: "label_already_voided" } }
      if (label.status_code === "DE" || label.status_code === "IT") {
        return { status: 200, body: { approved: false, message: "The label has already been used and cannot be voided.", reason_code: "label_already_used" } }
      }
      label.status = "voided"
      return { status: 200, body: { approved: true, message: "Request for refund submitted.  This label has been voided.", voided_label_ids: [label.label_id] } }
    }
    hit = m(/^\/v2\/labels\/([^/]+)\/track$/)
    if (req.method === "GET" && hit) {
      const label = labels.find((l) => l.label_id === hit![1])
      return label ? { status: 200, body: trackingBody(label) } : notFound("label")
    }
    hit = m(/^\/v2\/downloads\/([^/]+)\/(\d+|label)\.(pdf|zpl)$/)
    if (req.method === "GET" && hit) {
      const label = labels.find((l) => l.label_id === hit![1])
      if (!label) return notFound("file")
      const tn = hit[2] === "label" ? label.tracking_numbers.join(" ") : label.tracking_numbers[Number(hit[2])]
      const zpl = hit[3] === "zpl"
      return { status: 200, headers: { "content-type": zpl ? "application/zpl" : "application/pdf" }, raw: zpl ? zplLabel(tn) : pdfLabel(tn) }
    }
    return notFound("resource")
  }

  const notFound = (what: string) => fail(404, [{ error_source: "shipstation", error_type: "validation", error_code: "invalid_identifier", message: `The ${what} was not found.` }])

  function problems(shipment: any): FakeResponse | null {
    if (!shipment) return validation("The request body must contain a shipment.", "shipment")
    for (const side of ["ship_to", "ship_from"] as const) {
      const a = shipment[side]
      if (!a) return validation(`${side} is required.`, side)
      for (const f of ["name", "address_line1", "city_locality", "postal_code", "country_code"]) {
        if (!a[f]) return fail(400, [{ error_source: "shipstation", error_type: "validation", error_code: "invalid_address", message: `${side}.${f} is required.`, field_name: `${side}.${f}` }])
      }
    }
    if (!Array.isArray(shipment.packages) || !shipment.packages.length) return validation("At least one package is required.", "packages")
    for (const [i, p] of shipment.packages.entries()) {
      if (p.weight?.unit !== "gram" && p.weight?.unit !== "kilogram" && p.weight?.unit !== "ounce" && p.weight?.unit !== "pound") return validation(`packages[${i}].weight.unit is not a known unit.`)
      if (!(p.weight?.value > 0)) return validation(`packages[${i}].weight.value must be greater than 0.`, `packages[${i}].weight.value`)
    }
    return null
  }

  const kg = (p: any) => (p.weight.unit === "gram" ? p.weight.value / 1000 : p.weight.unit === "kilogram" ? p.weight.value : p.weight.unit === "ounce" ? p.weight.value * 0.0283495 : p.weight.value * 0.453592)
  const price = (svc: (typeof carriers)[number]["services"][number], shipment: any) =>
    Math.round(shipment.packages.reduce((s: number, p: any) => s + svc.base + svc.per_kg * kg(p), 0) * 100) / 100

  function rate(body: any): FakeResponse {
    rateRequests.push(body)
    const bad = problems(body?.shipment)
    if (bad) return bad
    const ids: string[] = body?.rate_options?.carrier_ids ?? []
    if (!ids.length) return validation("rate_options.carrier_ids must contain at least one carrier.", "rate_options.carrier_ids")
    const shipment_id = `se-${seq++}`
    const quotes = carriers
      .filter((c) => ids.includes(c.carrier_id))
      .flatMap((c) =>
        c.services.map((s) => ({
          rate_id: `se-${seq++}`,
          rate_type: "shipment",
          shipment_id,
          carrier_id: c.carrier_id,
          carrier_code: c.carrier_code,
          carrier_friendly_name: c.friendly_name,
          service_code: s.service_code,
          service_type: s.name,
          shipping_amount: { currency: "usd", amount: price(s, body.shipment) },
          insurance_amount: { currency: "usd", amount: 0 },
          confirmation_amount: { currency: "usd", amount: 0 },
          other_amount: { currency: "usd", amount: 0.35 },
          delivery_days: s.days,
        }))
      )
    for (const r of quotes) rates.set(r.rate_id, r)
    return { status: 200, body: { shipment_id, rate_response: { rate_request_id: `se-${seq++}`, shipment_id, status: "completed", rates: quotes, invalid_rates: [], errors: [] } } }
  }

  function buy(body: any): FakeResponse {
    const shipment = body?.shipment
    const bad = problems(shipment)
    if (bad) return bad
    const carrier = carriers.find((c) => c.carrier_id === shipment.carrier_id)
    const svc = carrier?.services.find((s) => s.service_code === shipment.service_code)
    if (!carrier || !svc) return fail(400, [{ error_source: "shipstation", error_type: "business_rules", error_code: "carrier_not_connected", message: `Carrier ${shipment.carrier_id} is not connected to this account.` }])
    if (!["pdf", "zpl", "png"].includes(body.label_format ?? "pdf")) return validation("label_format must be pdf, png or zpl.", "label_format")
    if (body.label_format === "zpl" && body.label_layout && body.label_layout !== "4x6") return validation("ZPL labels are only available in the 4x6 layout.", "label_layout")
    const ext = shipment.external_shipment_id
    if (ext && labels.some((l) => l.external_shipment_id === ext)) {
      return fail(409, [{ error_source: "shipstation", error_type: "validation", error_code: "identifier_conflict", message: `A shipment with external_shipment_id '${ext}' already exists.` }])
    }
    if (body.is_return_label && shipment.ship_to.country_code !== shipment.ship_from.country_code) {
      return fail(400, [{ error_source: "carrier", error_type: "business_rules", error_code: "return_label_not_supported", message: "Return labels are only supported for domestic shipments." }])
    }
    const cost = price(svc, shipment) + 0.35
    if (options.balance !== undefined) {
      if (cost > options.balance) return fail(400, [{ error_source: "carrier", error_type: "account_status", error_code: "insufficient_funds", message: `Your carrier balance of $${options.balance.toFixed(2)} is not enough for this $${cost.toFixed(2)} label.` }])
      options.balance -= cost
    }
    const n = seq++
    const label: StoredLabel = {
      label_id: `se-${n}`,
      shipment_id: `se-${seq++}`,
      external_shipment_id: ext ?? `se-${n}`,
      status: "completed",
      is_return_label: Boolean(body.is_return_label),
      carrier_id: carrier.carrier_id,
      carrier_code: carrier.carrier_code,
      service_code: svc.service_code,
      label_format: body.label_format ?? "pdf",
      cost: Math.round(cost * 100) / 100,
      tracking_numbers: shipment.packages.map((_: unknown, i: number) => `9400${String(n).padStart(10, "0")}${i}`),
      events: [],
      status_code: "AC",
      request: body,
    }
    labels.push(label)
    return { status: 200, body: labelBody(label) }
  }

  function labelBody(l: StoredLabel) {
    const dl = (name: string) => {
      const href = `${url}/v2/downloads/${l.label_id}/${name}.${l.label_format}`
      return { href, [l.label_format]: href }
    }
    return {
      label_id: l.label_id,
      status: l.status,
      shipment_id: l.shipment_id,
      external_shipment_id: l.external_shipment_id,
      tracking_number: l.tracking_numbers[0],
      is_return_label: l.is_return_label,
      carrier_id: l.carrier_id,
      carrier_code: l.carrier_code,
      service_code: l.service_code,
      label_format: l.label_format,
      shipment_cost: { currency: "usd", amount: l.cost },
      insurance_cost: { currency: "usd", amount: 0 },
      label_download: dl("label"),
      packages: l.tracking_numbers.map((tn, i) => ({ package_id: i + 1, tracking_number: tn, label_download: dl(String(i)) })),
    }
  }

  function trackingBody(l: StoredLabel) {
    return { tracking_number: l.tracking_numbers[0], status_code: l.status_code, status_description: l.status_code, events: [...l.events].reverse() }
  }

  function sign(raw: string, opts: { timestamp?: string; privateKey?: crypto.KeyObject; kid?: string } = {}): WebhookDelivery {
    const timestamp = opts.timestamp ?? new Date().toISOString()
    const signature = crypto.sign("sha256", Buffer.from(`${timestamp}.${raw}`, "utf8"), opts.privateKey ?? privateKey).toString("base64")
    return {
      headers: {
        "content-type": "application/json",
        "x-shipengine-rsa-sha256-key-id": opts.kid ?? kid,
        "x-shipengine-rsa-sha256-signature": signature,
        "x-shipengine-timestamp": timestamp,
      },
      raw_body: Buffer.from(raw, "utf8"),
      url: "/hooks/oms/carriers/shipstation",
      received_at: new Date(),
    }
  }

  const server = await startFakeServer(handler, options.knobs)
  url = server.url
  return Object.assign(server, {
    labels,
    rateRequests,
    kid,
    purchases: () => labels.length,
    throttle: (n: number, retry_after_s: number | null) => {
      throttleNext = n
      throttleRetryAfter = retry_after_s
    },
    jwksFetches: () => jwksFetches,
    sign,
    trackEvent(label_id: string, status_code: string, description: string, opts: { timestamp?: string } = {}) {
      const label = labels.find((l) => l.label_id === label_id)
      if (!label) throw new Error(`no label ${label_id}`)
      label.status_code = status_code
      label.events.push({ occurred_at: new Date().toISOString(), description, status_code, city_locality: "Reno" })
      const raw = JSON.stringify({ resource_url: `${url}/v2/labels/${label_id}/track`, resource_type: "API_TRACK", data: trackingBody(label) })
      return sign(raw, opts)
    },
  })
}
