import type { CarrierAdapter, WebhookDelivery } from "../../src/lib/shipping/contract"
import { createAdapter } from "../../src/providers/carrier/adapters"
import { EasyPostFake, startEasyPostFake } from "../fakes/easypost"
import { buying, cheapest, decoded, shipmentTo, failureOf } from "./fixtures"

/** The EasyPost adapter over real HTTP against the fake EasyPost (integration-tests/fakes/easypost). */
describe("the EasyPost adapter", () => {
  // A secret with a ligature and an accent: EasyPost signs with the secret NFKD-normalised.
  const webhookSecret = "ﬁne-sécret-42"
  let fake: EasyPostFake
  let adapter: CarrierAdapter
  let retries: (number | null)[]
  const messages: string[] = []

  beforeEach(async () => {
    fake = await startEasyPostFake({ webhook_secret: webhookSecret })
    retries = []
    adapter = createAdapter(
      { carrier: "easypost", base_url: fake.url, secrets: { api_key: fake.api_key } },
      { timeout_ms: 1500, onRetry: ({ status }) => retries.push(status) }
    )
  })
  afterEach(() => fake.close())

  const failure = (p: Promise<unknown>) => failureOf(p, messages)

  it("rates a shipment in ounces and inches, carrying our reference, and keeps the shp_ id on each rate", async () => {
    const rates = await adapter.rates(shipmentTo("ord_1-p1"))
    expect(rates.map((r) => r.service_code).sort()).toEqual(["Express", "GroundAdvantage", "Priority"])
    const ground = rates.find((r) => r.service_code === "GroundAdvantage")!
    expect(ground).toMatchObject({ carrier: "easypost", provider: "USPS", service_name: "USPS Ground Advantage", currency_code: "USD", days: 4 })
    expect(ground.rate_id).toMatch(/^rate_/)
    expect(ground.carrier_shipment_id).toMatch(/^shp_/)
    const sent = fake.shipments.get(ground.carrier_shipment_id!)!
    expect(sent.reference).toBe("ord_1-p1")
    // 1200 g = 42.33 oz, 30 x 20 x 10 cm = 11.82 x 7.88 x 3.94 in, rounded up to a tenth.
    expect(sent.parcel).toMatchObject({ weight: 42.4, length: 11.9, width: 7.9, height: 4 })
    expect(ground.amount).toBeCloseTo(4.5 + 0.12 * 42.4, 2)
  })

  it.each(["pdf", "zpl"] as const)("buys the quoted rate and fetches the %s label file, without sending the API key to the file host", async (format) => {
    const shipment = shipmentTo(`ord_2-${format}`)
    const rate = cheapest(await adapter.rates(shipment))
    const label = await adapter.buy(buying(shipment, rate, format))

    expect(fake.purchases).toEqual([{ shipment_id: rate.carrier_shipment_id, rate_id: rate.rate_id, tracking_code: label.parcels[0].tracking_number }])
    expect(label).toMatchObject({ carrier: "easypost", carrier_label_id: rate.carrier_shipment_id, service_code: "GroundAdvantage", amount: rate.amount, currency_code: "USD" })
    const [parcel] = label.parcels
    expect(parcel.tracking_url).toContain(`/track/${parcel.tracking_number}`)
    expect(parcel.file.format).toBe(format)
    expect(parcel.file.url).toMatch(new RegExp(`\\.${format}$`))
    const content = decoded(parcel.file.content_base64)
    if (format === "pdf") expect(content.startsWith("%PDF-")).toBe(true)
    else expect(content).toMatch(/^\^XA/)
    expect(content).toContain(parcel.tracking_number)
    expect(fake.file_requests).toHaveLength(1)
    expect(fake.file_requests[0].authorization).toBeNull()
  })

  it("answers a second purchase of the same shipment with the label bought first (EasyPost sells a shipment once)", async () => {
    const shipment = shipmentTo("ord_3")
    const rate = cheapest(await adapter.rates(shipment))
    const first = await adapter.buy(buying(shipment, rate))
    const second = await adapter.buy(buying(shipment, rate))
    expect(second.parcels[0].tracking_number).toBe(first.parcels[0].tracking_number)
    expect(fake.purchases).toHaveLength(1)
    expect(fake.count(422)).toBe(1) // EasyPost refused the second buy; the adapter read the shipment back
  })

  it("reports a label whose file could not be fetched as bought, with the reason; a lookup fetches the file later", async () => {
    const shipment = shipmentTo("ord_3-nofile")
    const rate = cheapest(await adapter.rates(shipment))
    fake.knobs.knob_paths = /^\/files\//
    fake.knobs.unavailable_next = 3 // the first try and both retries of the download
    const label = await adapter.buy(buying(shipment, rate))
    expect(fake.purchases).toHaveLength(1)
    expect(label.parcels[0].file).toEqual({ format: "pdf", content_base64: null, url: expect.stringMatching(/\.pdf$/) })
    expect(label.carrier_data.label_error).toBe("EasyPost is unavailable (503); try again later")
    const again = await adapter.lookup("ord_3-nofile", { rate, format: "pdf" })
    expect(decoded(again!.parcels[0].file.content_base64)).toContain(label.parcels[0].tracking_number)
    expect(fake.purchases).toHaveLength(1)
  })

  it("buys a quote that carries no EasyPost ids by rating afresh and buying the same service", async () => {
    const shipment = shipmentTo("ord_4")
    const quote = { ...cheapest(await adapter.rates(shipment)), rate_id: null, carrier_shipment_id: null }
    const label = await adapter.buy(buying(shipment, quote, "zpl"))
    expect(label.service_code).toBe("GroundAdvantage")
    expect(fake.shipments.get(label.carrier_label_id)!.options.label_format).toBe("ZPL")
    expect(decoded(label.parcels[0].file.content_base64)).toContain(label.parcels[0].tracking_number)
  })

  it("finds a purchase whose answer was lost, by shp_ id or by our reference, and EasyPost sold exactly one label", async () => {
    const shipment = shipmentTo("ord_5-lost")
    const rate = cheapest(await adapter.rates(shipment))
    fake.knobs.knob_paths = /\/buy$/
    fake.knobs.drop_after_handling_next = 1
    const lost = await failure(adapter.buy(buying(shipment, rate, "zpl")))
    expect(lost.failure).toMatchObject({ kind: "network", outcome_unknown: true })
    expect(retries).toEqual([]) // a purchase is never repeated blindly

    const byId = await adapter.lookup("ord_5-lost", { carrier_shipment_id: rate.carrier_shipment_id, format: "zpl" })
    const byReference = await adapter.lookup("ord_5-lost")
    expect(fake.purchases).toHaveLength(1)
    expect(byId!.parcels[0].tracking_number).toBe(fake.purchases[0].tracking_code)
    expect(byReference!.parcels[0].tracking_number).toBe(fake.purchases[0].tracking_code)
    expect(decoded(byId!.parcels[0].file.content_base64)).toMatch(/^\^XA/)
    expect(byReference!.parcels[0].file.format).toBe("zpl") // the format already made, not a new conversion
  })

  it("finds a lost purchase of a quote without ids by our reference, though the stored rate points at another shipment", async () => {
    const shipment = shipmentTo("ord_5-fresh")
    const rated = cheapest(await adapter.rates(shipment))
    fake.knobs.knob_paths = /\/buy$/
    fake.knobs.drop_after_handling_next = 1
    await failure(adapter.buy(buying(shipment, { ...rated, rate_id: null, carrier_shipment_id: null })))
    const found = await adapter.lookup("ord_5-fresh", { rate: rated })
    expect(fake.purchases).toHaveLength(1)
    expect(fake.purchases[0].shipment_id).not.toBe(rated.carrier_shipment_id)
    expect(found!.carrier_label_id).toBe(fake.purchases[0].shipment_id)
  })

  it("looks up nothing for a reference EasyPost never sold (unknown, or rated but not bought)", async () => {
    expect(await adapter.lookup("ord_never")).toBeNull()
    const rate = cheapest(await adapter.rates(shipmentTo("ord_rated")))
    expect(await adapter.lookup("ord_rated", { rate })).toBeNull()
    expect(fake.purchases).toHaveLength(0)
  })

  it("voids by refund: submitted is pending, refunded is voided, rejected is refused with the reason", async () => {
    const shipment = shipmentTo("ord_6")
    const label = await adapter.buy(buying(shipment, cheapest(await adapter.rates(shipment))))
    expect(await adapter.void(label)).toEqual({ status: "pending", message: expect.stringMatching(/submitted the refund/) })
    expect(fake.shipments.get(label.carrier_label_id)!.refund_status).toBe("submitted")

    for (const [refund_status, outcome] of [["refunded", "voided"], ["rejected", "refused"], ["not_applicable", "voided"]] as const) {
      fake.refund_status = refund_status
      const other = await adapter.buy(buying(shipmentTo(`ord_6-${refund_status}`), cheapest(await adapter.rates(shipmentTo(`ord_6-${refund_status}`)))))
      expect((await adapter.void(other)).status).toBe(outcome)
    }
  })

  it("buys a return label as an is_return shipment, from the customer back to the warehouse", async () => {
    const outbound = shipmentTo("ord_7")
    const back = { ...outbound, reference: "ord_7-return", from: outbound.to, to: outbound.from }
    const rate = cheapest(await adapter.rates(outbound))
    const label = await adapter.returnLabel(buying(back, rate))
    const sent = fake.shipments.get(label.carrier_label_id)!
    expect(sent.is_return).toBe(true)
    expect(sent.reference).toBe("ord_7-return")
    // After EasyPost's own swap the label runs from the customer to the warehouse.
    expect(sent.from_address.city).toBe("Boston")
    expect(sent.to_address.city).toBe("San Francisco")
    expect(decoded(label.parcels[0].file.content_base64)).toContain(label.parcels[0].tracking_number)
  })

  it("tracks a label through EasyPost's tracker, in our statuses", async () => {
    const shipment = shipmentTo("ord_8")
    const label = await adapter.buy(buying(shipment, cheapest(await adapter.rates(shipment))))
    expect((await adapter.track(label)).status).toBe("pre_transit")
    fake.trackerEvent(label.parcels[0].tracking_number, "available_for_pickup", "Available at the Post Office")
    const update = await adapter.track(label)
    expect(update).toMatchObject({ carrier: "easypost", tracking_number: label.parcels[0].tracking_number, status: "out_for_delivery" })
    expect(update.events.map((e) => e.description)).toEqual(["Shipping Label Created", "Available at the Post Office"])
  })

  it("says which fields EasyPost refused, in words a person can act on, and does not retry a 4xx", async () => {
    const bad = shipmentTo("ord_9", { parcels: [{ weight_g: 0, length_cm: 30, width_cm: 20, height_cm: 10 }] })
    const e = await failure(adapter.rates(bad))
    expect(e.failure).toMatchObject({ kind: "invalid_request", status: 422, outcome_unknown: false })
    expect(e.message).toBe("EasyPost refused the request (422): Unable to create shipment, one or more parameters were invalid: parcel.weight must be greater than 0 (ounces)")
    expect(retries).toEqual([])
    expect(fake.requests).toHaveLength(1)
  })

  it("says what to do when the EasyPost account cannot pay for the label (402), and nothing was bought", async () => {
    const shipment = shipmentTo("ord_9-broke")
    const rate = cheapest(await adapter.rates(shipment))
    fake.wallet_empty = true
    const e = await failure(adapter.buy(buying(shipment, rate)))
    expect(e.failure).toMatchObject({ kind: "invalid_request", status: 402, outcome_unknown: false })
    expect(e.message).toBe("EasyPost refused the request (402): Insufficient funds to purchase postage. Add funds or a payment method to the EasyPost account, then buy again")
    expect(fake.purchases).toHaveLength(0)
  })

  it("explains an empty rate list with EasyPost's per-carrier messages", async () => {
    const e = await failure(adapter.rates(shipmentTo("ord_10", { to: { ...shipmentTo("x").to, postal_code: "00000" } })))
    expect(e.message).toBe(
      "EasyPost returned no rates for this shipment: USPS: Destination ZIP code 00000 is not valid. Check the addresses and the parcel's weight and size"
    )
  })

  it("refuses a multi-parcel shipment before calling EasyPost, saying what to do", async () => {
    const two = shipmentTo("ord_11", { parcels: [shipmentTo("x").parcels[0], shipmentTo("x").parcels[0]] })
    const e = await failure(adapter.rates(two))
    expect(e.message).toBe("EasyPost labels one parcel per shipment; this shipment has 2. Buy one label per parcel")
    expect(fake.requests).toHaveLength(0)
  })

  it("reports a wrong API key as the account's credentials, never echoing the key", async () => {
    const wrong = createAdapter({ carrier: "easypost", base_url: fake.url, secrets: { api_key: "EZTK_wrong_key_999" } }, { timeout_ms: 1500 })
    const e = await failure(wrong.ping())
    expect(e.failure).toMatchObject({ kind: "unauthorized", status: 401 })
    expect(e.message).toBe("EasyPost refused the credentials (401): check the carrier account's API key")
    expect(e.message).not.toContain("EZTK_wrong_key_999")
    await expect(adapter.ping()).resolves.toBeUndefined()
  })

  it("retries a 429 (honouring Retry-After) and a 5xx on reads, but never a purchase on a 5xx", async () => {
    fake.knobs.rate_limit_next = 1
    fake.knobs.retry_after_s = 1
    const started = Date.now()
    const shipment = shipmentTo("ord_12")
    const rate = cheapest(await adapter.rates(shipment))
    expect(retries).toEqual([429])
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000)

    retries.length = 0
    fake.knobs.knob_paths = /\/buy$/
    fake.knobs.unavailable_next = 1
    const e = await failure(adapter.buy(buying(shipment, rate)))
    expect(e.failure).toMatchObject({ kind: "unavailable", status: 503, outcome_unknown: true })
    expect(retries).toEqual([])
    expect(fake.purchases).toHaveLength(0)

    fake.knobs.knob_paths = /^\/shipments\/[^/]+$/
    fake.knobs.unavailable_next = 1
    expect(await adapter.lookup("ord_12", { rate })).toBeNull()
    expect(retries).toEqual([503])

    retries.length = 0
    fake.knobs.knob_paths = /\/buy$/
    fake.knobs.rate_limit_next = 1
    fake.knobs.retry_after_s = null
    await adapter.buy(buying(shipment, rate))
    expect(retries).toEqual([429]) // EasyPost did not process a 429: buying again is safe
    expect(fake.purchases).toHaveLength(1)
  })

  it("reports a purchase that timed out as unknown; the lookup finds nothing sold, so buying again buys once", async () => {
    const shipment = shipmentTo("ord_hang")
    const rate = cheapest(await adapter.rates(shipment))
    fake.knobs.knob_paths = /\/buy$/
    fake.knobs.hang_next = 1
    const e = await failure(adapter.buy(buying(shipment, rate)))
    expect(e.failure).toMatchObject({ kind: "network", outcome_unknown: true })
    expect(e.message).toBe("EasyPost did not answer (timed out); try again in a moment")
    expect(retries).toEqual([])
    expect(await adapter.lookup("ord_hang", { rate })).toBeNull()
    await adapter.buy(buying(shipment, rate))
    expect(fake.purchases).toHaveLength(1)
  })

  describe("webhooks", () => {
    const deliver = (d: ReturnType<EasyPostFake["signedDelivery"]>): WebhookDelivery => d

    it("accepts an Event signed with the webhook secret and reads its tracking update, keyed by the evt_ id", async () => {
      const shipment = shipmentTo("ord_13")
      const label = await adapter.buy(buying(shipment, cheapest(await adapter.rates(shipment))))
      const event = fake.trackerEvent(label.parcels[0].tracking_number, "delivered", "Delivered, In/At Mailbox")
      const verified = await adapter.verifyWebhook(deliver(fake.signedDelivery(event)), { webhook_secret: webhookSecret })
      expect(verified).toEqual({
        ok: true,
        event_key: event.id,
        updates: [expect.objectContaining({ tracking_number: label.parcels[0].tracking_number, status: "delivered" })],
      })
    })

    it("refuses an altered body, a signature made with another secret, and a delivery without a signature", async () => {
      const event = { id: "evt_1", object: "Event", description: "tracker.updated", result: { tracking_code: "EZ1", status: "in_transit" } }
      const signed = fake.signedDelivery(event)
      const altered = { ...signed, raw_body: Buffer.from(signed.raw_body.toString().replace("in_transit", "delivered")) }
      const forged = fake.signedDelivery(event, "not-the-secret")
      const unsigned = { ...signed, headers: { "content-type": "application/json" } }
      const secrets = { webhook_secret: webhookSecret }
      const results = [await adapter.verifyWebhook(altered, secrets), await adapter.verifyWebhook(forged, secrets), await adapter.verifyWebhook(unsigned, secrets)]
      expect(results).toEqual([
        { ok: false, reason: "the X-Hmac-Signature does not match the body" },
        { ok: false, reason: "the X-Hmac-Signature does not match the body" },
        { ok: false, reason: "the X-Hmac-Signature header is missing" },
      ])
      expect(await adapter.verifyWebhook(signed, {})).toEqual({ ok: false, reason: "no EasyPost webhook secret is configured for this account" })
      for (const r of results) messages.push((r as { reason: string }).reason)
    })

    it("needs the NFKD-normalised secret: the same secret typed in another Unicode form still verifies", async () => {
      const event = { id: "evt_2", object: "Event", description: "batch.updated", result: {} }
      const verified = await adapter.verifyWebhook(fake.signedDelivery(event), { webhook_secret: webhookSecret.normalize("NFC") })
      expect(verified).toEqual({ ok: true, event_key: "evt_2", updates: [] })
    })
  })

  // Runs last (jest keeps declaration order): every message the tests above produced.
  it("never puts the API key or the webhook secret in an error message or a refusal", () => {
    expect(messages.length).toBeGreaterThan(5)
    for (const m of messages) {
      expect(m).not.toContain("EZTK_")
      expect(m).not.toContain(webhookSecret)
    }
  })
})
