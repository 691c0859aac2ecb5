import type { CarrierAdapter } from "../../src/lib/shipping/contract"
import { createAdapter } from "../../src/providers/carrier/adapters"
import { ShippoFake, startShippoFake } from "../fakes/shippo"
import { buying, cheapest, decoded, shipmentTo, failureOf } from "./fixtures"

/** The Shippo adapter over real HTTP against the fake Shippo (integration-tests/fakes/shippo). */
describe("the Shippo adapter", () => {
  const webhookToken = "tok-3f9a-url-secret"
  const hmacSecret = "shippo-hmac-secret-77"
  let fake: ShippoFake
  let adapter: CarrierAdapter
  let retries: (number | null)[]
  const messages: string[] = []

  beforeEach(async () => {
    fake = await startShippoFake()
    retries = []
    adapter = createAdapter(
      { carrier: "shippo", base_url: fake.url, secrets: { api_token: fake.api_token } },
      { timeout_ms: 1500, onRetry: ({ status }) => retries.push(status) }
    )
  })
  afterEach(() => fake.close())

  const failure = (p: Promise<unknown>) => failureOf(p, messages)

  it("rates a shipment in grams and centimetres, with our reference in metadata", async () => {
    const rates = await adapter.rates(shipmentTo("ord_1"))
    expect(rates.map((r) => r.service_code)).toEqual(["usps_ground_advantage", "usps_priority", "ups_ground"])
    expect(rates[0]).toMatchObject({ carrier: "shippo", provider: "USPS", service_name: "USPS Ground Advantage", amount: 8, currency_code: "USD", days: 4 })
    const sent = fake.shipments.get(rates[0].carrier_shipment_id!)!
    expect(sent.metadata).toBe("ord_1")
    expect(sent.parcels[0]).toMatchObject({ weight: "1200", mass_unit: "g", length: "30", width: "20", height: "10", distance_unit: "cm" })
    expect(rates.every((r) => r.rate_id && r.carrier_shipment_id === sent.object_id)).toBe(true)
  })

  it.each([
    ["pdf", "4x6", "PDF_4x6"],
    ["pdf", "a4", "PDF_A4"],
    ["zpl", "4x6", "ZPLII"],
  ] as const)("buys a %s label on %s paper (label_file_type %s) and fetches the file without the API token", async (format, size, fileType) => {
    const shipment = shipmentTo(`ord_2-${fileType}`)
    const rate = cheapest(await adapter.rates(shipment))
    const label = await adapter.buy(buying(shipment, rate, format, size))
    expect(fake.purchases).toHaveLength(1)
    const tx = fake.transactions.get(label.carrier_label_id)!
    expect(tx).toMatchObject({ status: "SUCCESS", rate: rate.rate_id, metadata: `ord_2-${fileType}`, label_file_type: fileType })
    expect(label).toMatchObject({ carrier: "shippo", amount: rate.amount, currency_code: "USD", service_code: "usps_ground_advantage" })
    const [parcel] = label.parcels
    expect(parcel.tracking_number).toBe(fake.purchases[0].tracking_number)
    expect(parcel.tracking_url).toContain(parcel.tracking_number)
    const content = decoded(parcel.file.content_base64)
    expect(content.startsWith(format === "pdf" ? "%PDF-" : "^XA")).toBe(true)
    expect(content).toContain(parcel.tracking_number)
    expect(fake.file_requests).toEqual([{ path: expect.any(String), authorization: null }])
  })

  it("buys a two-box shipment as one label per box, in one purchase call", async () => {
    const box = shipmentTo("x").parcels[0]
    const shipment = shipmentTo("ord_3", { parcels: [box, { ...box, weight_g: 800 }] })
    const rates = await adapter.rates(shipment)
    expect(rates.map((r) => r.service_code)).toEqual(["ups_ground"])
    const label = await adapter.buy(buying(shipment, rates[0]))
    expect(label.parcels).toHaveLength(2)
    expect(new Set(label.parcels.map((p) => p.tracking_number)).size).toBe(2)
    expect(label.parcels.map((p) => p.tracking_number).sort()).toEqual(fake.purchases.map((p) => p.tracking_number).sort())
    expect(fake.requests.filter((r) => r.method === "POST" && r.path === "/transactions")).toHaveLength(1)
    for (const p of label.parcels) expect(decoded(p.file.content_base64)).toContain(p.tracking_number)
  })

  it("reports a purchase Shippo answered with status ERROR in the carrier's words", async () => {
    const shipment = shipmentTo("ord_4")
    const rate = cheapest(await adapter.rates(shipment))
    fake.fail_next_purchase = { source: "USPS", code: "address_not_found", text: "The destination address could not be found." }
    const e = await failure(adapter.buy(buying(shipment, rate)))
    expect(e.failure).toMatchObject({ kind: "invalid_request", outcome_unknown: false })
    expect(e.message).toBe("Shippo could not buy the label: USPS: The destination address could not be found")
    expect(fake.purchases).toHaveLength(0)
  })

  it("waits for a QUEUED transaction to settle", async () => {
    const shipment = shipmentTo("ord_5")
    const rate = cheapest(await adapter.rates(shipment))
    fake.queue_next_purchase = 2
    const label = await adapter.buy(buying(shipment, rate))
    expect(fake.transactions.get(label.carrier_label_id)!.status).toBe("SUCCESS")
    expect(decoded(label.parcels[0].file.content_base64)).toContain(label.parcels[0].tracking_number)
  })

  it("finds a purchase whose answer was lost, by rate or by our reference alone, and Shippo sold exactly one label", async () => {
    const shipment = shipmentTo("ord_6-lost")
    const rate = cheapest(await adapter.rates(shipment))
    await adapter.buy(buying(shipmentTo("someone-else"), cheapest(await adapter.rates(shipmentTo("someone-else")))))
    fake.knobs.knob_paths = /^\/transactions$/
    fake.knobs.drop_after_handling_next = 1
    const lost = await failure(adapter.buy(buying(shipment, rate, "zpl")))
    expect(lost.failure).toMatchObject({ kind: "network", outcome_unknown: true })
    expect(retries).toEqual([])

    const byRate = await adapter.lookup("ord_6-lost", { rate, format: "zpl" })
    const byReference = await adapter.lookup("ord_6-lost")
    const ours = fake.purchases.filter((p) => p.rate === rate.rate_id)
    expect(ours).toHaveLength(1)
    expect(fake.purchases).toHaveLength(2) // ours and someone-else's, nothing bought twice
    for (const found of [byRate!, byReference!]) {
      expect(found.parcels[0].tracking_number).toBe(ours[0].tracking_number)
      expect(found.parcels[0].file.format).toBe("zpl")
      expect(decoded(found.parcels[0].file.content_base64)).toMatch(/^\^XA/)
      expect(found).toMatchObject({ amount: rate.amount, currency_code: "USD", service_code: rate.service_code })
    }
  })

  it("looks up nothing when nothing was bought, and refuses to decide while Shippo still processes the purchase", async () => {
    const shipment = shipmentTo("ord_7")
    const rate = cheapest(await adapter.rates(shipment))
    expect(await adapter.lookup("ord_7", { rate })).toBeNull()
    expect(await adapter.lookup("ord_7")).toBeNull()

    fake.queue_next_purchase = 50
    await failure(adapter.buy(buying(shipment, rate)))
    const e = await failure(adapter.lookup("ord_7", { rate }))
    expect(e.failure).toMatchObject({ kind: "unavailable", outcome_unknown: true })
    expect(e.message).toBe("Shippo is still processing the label purchase; it is looked up again shortly")
  })

  it("voids through a refund: SUCCESS is voided, QUEUED pending, ERROR refused", async () => {
    for (const [refund_status, outcome] of [["SUCCESS", "voided"], ["QUEUED", "pending"], ["ERROR", "refused"]] as const) {
      const shipment = shipmentTo(`ord_8-${refund_status}`)
      const label = await adapter.buy(buying(shipment, cheapest(await adapter.rates(shipment))))
      fake.refund_status = refund_status
      expect((await adapter.void(label)).status).toBe(outcome)
    }
    expect(fake.requests.filter((r) => r.path === "/refunds")).toHaveLength(3)
  })

  it("buys a return label with extra.is_return, from the customer back to the warehouse", async () => {
    const outbound = shipmentTo("ord_9")
    const back = { ...outbound, reference: "ord_9-return", from: outbound.to, to: outbound.from }
    const label = await adapter.returnLabel(buying(back, cheapest(await adapter.rates(outbound))))
    const tx = fake.transactions.get(label.carrier_label_id)!
    const sent = [...fake.shipments.values()].find((s) => s.rates.some((r: any) => r.object_id === tx.rate))!
    expect(sent.extra).toEqual({ is_return: true })
    expect(tx.metadata).toBe("ord_9-return")
    // After Shippo's own swap the label runs from the customer to the warehouse.
    expect(sent.address_from.city).toBe("Boston")
    expect(sent.address_to.city).toBe("San Francisco")
  })

  it("tracks a label, reading Shippo's out-for-delivery substatus", async () => {
    const shipment = shipmentTo("ord_10")
    const label = await adapter.buy(buying(shipment, cheapest(await adapter.rates(shipment))))
    expect((await adapter.track(label)).status).toBe("pre_transit")
    fake.trackEvent(label.parcels[0].tracking_number, "TRANSIT", "Out for delivery", "out_for_delivery")
    const update = await adapter.track(label)
    expect(update).toMatchObject({ carrier: "shippo", status: "out_for_delivery" })
    expect(update.events.map((e) => e.status)).toEqual(["pre_transit", "out_for_delivery"])
  })

  it("names the fields Shippo refused, and does not retry a 4xx", async () => {
    const bad = shipmentTo("ord_11", { parcels: [{ weight_g: 0, length_cm: 30, width_cm: 20, height_cm: 10 }], to: { ...shipmentTo("x").to, postal_code: "" } })
    const e = await failure(adapter.rates(bad))
    expect(e.failure).toMatchObject({ kind: "invalid_request", status: 400 })
    expect(e.message).toBe("Shippo refused the request (400): address_to.zip: This field is required; parcels[0].weight: Ensure this value is greater than 0")
    expect(retries).toEqual([])
    expect(fake.requests).toHaveLength(1)
  })

  it("explains an empty rate list with Shippo's messages", async () => {
    const e = await failure(adapter.rates(shipmentTo("ord_12", { to: { ...shipmentTo("x").to, postal_code: "00000" } })))
    expect(e.message).toBe("Shippo returned no rates for this shipment: USPS: Destination ZIP code 00000 is not valid. Check the addresses and the parcel's weight and size")
  })

  it("reports a wrong API token as the account's credentials, never echoing the token", async () => {
    const wrong = createAdapter({ carrier: "shippo", base_url: fake.url, secrets: { api_token: "shippo_test_wrong_999" } }, { timeout_ms: 1500 })
    const e = await failure(wrong.rates(shipmentTo("ord_13")))
    expect(e.failure).toMatchObject({ kind: "unauthorized", status: 401 })
    expect(e.message).toBe("Shippo refused the credentials (401): check the carrier account's API key")
    await expect(adapter.ping()).resolves.toBeUndefined()
    await failure(wrong.ping())
  })

  it("retries a 429 with and without Retry-After and a 5xx on reads, but not a purchase on a 5xx", async () => {
    fake.knobs.rate_limit_next = 2
    fake.knobs.retry_after_s = 1
    const started = Date.now()
    const shipment = shipmentTo("ord_14")
    const rate = cheapest(await adapter.rates(shipment))
    expect(retries).toEqual([429, 429])
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000)

    retries.length = 0
    fake.knobs.knob_paths = /^\/transactions$/
    fake.knobs.unavailable_next = 1
    const e = await failure(adapter.buy(buying(shipment, rate)))
    expect(e.failure).toMatchObject({ kind: "unavailable", status: 503, outcome_unknown: true })
    expect(retries).toEqual([])
    expect(fake.purchases).toHaveLength(0)

    fake.knobs.unavailable_next = 1 // the lookup's GET /transactions: retried
    expect(await adapter.lookup("ord_14", { rate })).toBeNull()
    expect(retries).toEqual([503])

    retries.length = 0
    fake.knobs.rate_limit_next = 1
    fake.knobs.retry_after_s = null
    const label = await adapter.buy(buying(shipment, rate))
    expect(retries).toEqual([429])
    expect(fake.purchases.map((p) => p.tracking_number)).toEqual([label.parcels[0].tracking_number])
  })

  it("reports a purchase that timed out as unknown; the lookup finds nothing sold, so buying again buys once", async () => {
    const shipment = shipmentTo("ord_hang")
    const rate = cheapest(await adapter.rates(shipment))
    fake.knobs.knob_paths = /^\/transactions$/
    fake.knobs.hang_next = 1
    const e = await failure(adapter.buy(buying(shipment, rate)))
    expect(e.failure).toMatchObject({ kind: "network", outcome_unknown: true })
    expect(e.message).toBe("Shippo did not answer (timed out); try again in a moment")
    expect(retries).toEqual([])
    expect(await adapter.lookup("ord_hang", { rate })).toBeNull()
    await adapter.buy(buying(shipment, rate))
    expect(fake.purchases).toHaveLength(1)
  })

  describe("webhooks", () => {
    const tracked = async (reference: string) => {
      const shipment = shipmentTo(reference)
      return adapter.buy(buying(shipment, cheapest(await adapter.rates(shipment))))
    }

    it("accepts a delivery whose URL carries the webhook token, keyed by the tracking status it reports", async () => {
      const label = await tracked("ord_15")
      const body = fake.trackEvent(label.parcels[0].tracking_number, "DELIVERED", "Delivered to the front door")
      const first = await adapter.verifyWebhook(fake.delivery(body, { token: webhookToken }), { webhook_token: webhookToken })
      const replay = await adapter.verifyWebhook(fake.delivery(body, { token: webhookToken }), { webhook_token: webhookToken })
      expect(first).toEqual({ ok: true, event_key: expect.stringMatching(/^track:SHIPPO/), updates: [expect.objectContaining({ status: "delivered", tracking_number: label.parcels[0].tracking_number })] })
      // The same delivery again has the same key, for the dedupe to drop it.
      expect(replay).toEqual(first)
      const next = fake.trackEvent(label.parcels[0].tracking_number, "RETURNED", "Returned to sender")
      const other = await adapter.verifyWebhook(fake.delivery(next, { token: webhookToken }), { webhook_token: webhookToken })
      expect(other.ok && first.ok && other.event_key !== first.event_key).toBe(true)
    })

    it("refuses a wrong or missing URL token, and a delivery to an account with no webhook secret", async () => {
      const body = { event: "track_updated", test: true, data: { tracking_number: "X1", carrier: "usps", tracking_status: { status: "DELIVERED" } } }
      const secrets = { webhook_token: webhookToken }
      const results = [
        await adapter.verifyWebhook(fake.delivery(body, { token: "guessed" }), secrets),
        await adapter.verifyWebhook(fake.delivery(body, {}), secrets),
        await adapter.verifyWebhook(fake.delivery(body, { token: webhookToken }), {}),
      ]
      expect(results).toEqual([
        { ok: false, reason: "the webhook URL token does not match" },
        { ok: false, reason: "the webhook URL carries no token" },
        { ok: false, reason: "no Shippo webhook token or HMAC secret is configured for this account" },
      ])
      for (const r of results) messages.push((r as { reason: string }).reason)
    })

    it("with an HMAC secret, accepts a fresh signed delivery and refuses an altered, forged or stale one", async () => {
      const label = await tracked("ord_16")
      const body = fake.trackEvent(label.parcels[0].tracking_number, "TRANSIT", "In transit")
      const secrets = { webhook_hmac_secret: hmacSecret }
      const signed = fake.delivery(body, { hmac_secret: hmacSecret })
      expect(await adapter.verifyWebhook(signed, secrets)).toMatchObject({ ok: true, updates: [expect.objectContaining({ status: "in_transit" })] })

      const altered = { ...signed, raw_body: Buffer.from(signed.raw_body.toString().replace('"TRANSIT"', '"DELIVERED"')) }
      const forged = fake.delivery(body, { hmac_secret: "not-the-secret" })
      const stale = fake.delivery(body, { hmac_secret: hmacSecret, t: Math.floor(Date.now() / 1000) - 600 })
      const unsigned = fake.delivery(body, {})
      const results = [altered, forged, stale, unsigned].map((d) => adapter.verifyWebhook(d, secrets))
      const refusals = await Promise.all(results)
      expect(refusals.map((r) => r.ok)).toEqual([false, false, false, false])
      expect(refusals.map((r) => (r as { reason: string }).reason)).toEqual([
        "the Shippo-Auth-Signature does not match the body",
        "the Shippo-Auth-Signature does not match the body",
        expect.stringMatching(/^the signature's timestamp is 6\d\d s away from now \(stale or replayed\)$/),
        "the Shippo-Auth-Signature header is missing",
      ])
      // Both configured: the token alone is not enough, nor the signature alone.
      const both = { webhook_token: webhookToken, webhook_hmac_secret: hmacSecret }
      expect((await adapter.verifyWebhook(fake.delivery(body, { token: webhookToken }), both)).ok).toBe(false)
      expect((await adapter.verifyWebhook(signed, both)).ok).toBe(false)
      expect((await adapter.verifyWebhook(fake.delivery(body, { token: webhookToken, hmac_secret: hmacSecret }), both)).ok).toBe(true)
      for (const r of refusals) messages.push((r as { reason: string }).reason)
    })
  })

  // Runs last (jest keeps declaration order): every message the tests above produced.
  it("never puts the API token or a webhook secret in an error message or a refusal", () => {
    expect(messages.length).toBeGreaterThan(5)
    for (const m of messages) {
      for (const secret of ["shippo_test_", webhookToken, hmacSecret]) expect(m).not.toContain(secret)
    }
  })
})
