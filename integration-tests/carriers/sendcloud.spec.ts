import type { BuyRequest, CarrierAdapter, ShipmentRequest } from "../../src/lib/shipping/contract"
import { createAdapter } from "../../src/providers/carrier/adapters"
import { SendcloudFake, SendcloudFakeOptions, startSendcloudFake } from "../fakes/sendcloud"

/** The Sendcloud API v3 adapter over real HTTP against the local Sendcloud fake. */
describe("the Sendcloud adapter", () => {
  let fake: SendcloudFake
  let sc: CarrierAdapter
  const retries: (number | null)[] = []

  const shipment = (reference: string, extra: Partial<ShipmentRequest> = {}): ShipmentRequest => ({
    reference,
    from: { name: "Rotterdam DC", line1: "Waalhaven 10", city: "Rotterdam", postal_code: "3089 JH", country_code: "NL", phone: "+31102000000" },
    to: { name: "Jan de Vries", line1: "Insulindelaan 115", city: "Eindhoven", postal_code: "5642 CV", country_code: "nl", email: "jan@example.com" },
    parcels: [{ weight_g: 1320, length_cm: 30, width_cm: 20, height_cm: 5 }],
    ...extra,
  })

  const adapter = (secrets: Record<string, string> = { public_key: "sc-public", secret_key: "sc-secret" }) =>
    createAdapter({ carrier: "sendcloud", base_url: fake.url, secrets }, { onRetry: ({ status }) => retries.push(status), timeout_ms: 2000 })

  async function restart(options: SendcloudFakeOptions) {
    await fake.close()
    fake = await startSendcloudFake(options)
    sc = adapter()
  }

  async function buyRequest(reference: string, format: "pdf" | "zpl" = "pdf", extra: Partial<ShipmentRequest> = {}): Promise<BuyRequest> {
    const s = shipment(reference, extra)
    const rate = (await sc.rates(s)).find((r) => r.service_code === "postnl:standard")!
    retries.length = 0
    return { shipment: s, rate, format, size: "4x6" }
  }

  beforeEach(async () => {
    retries.length = 0
    fake = await startSendcloudFake()
    sc = adapter()
  })
  afterEach(() => fake.close())

  it("rates shipping options in kilograms and centimetres, leaving out options without a quote", async () => {
    const rates = await sc.rates(shipment("ord_1:att_1"))
    expect(rates.map((r) => `${r.provider} ${r.service_code} ${r.amount} ${r.currency_code} ${r.days}`)).toEqual([
      // 4.95 + 0.80/kg x 1.32 kg; lead time 24 h = 1 day, 48 h = 2 days
      "PostNL postnl:standard 6.01 EUR 1",
      "DHL dhl:europlus 7.99 EUR 2",
    ])
  })

  it("announces a PDF label with our reference as external_reference_id and the inline file", async () => {
    const label = await sc.buy(await buyRequest("ord_2:att_1"))
    expect(fake.purchases()).toBe(1)
    const sent = fake.shipments[0].request
    expect(sent.external_reference_id).toBe("ord_2:att_1")
    expect(sent.parcels[0]).toEqual({ dimensions: { length: "30.00", width: "20.00", height: "5.00", unit: "cm" }, weight: { value: "1.320", unit: "kg" } })
    expect(sent.to_address.country_code).toBe("NL")
    expect(sent.label_details).toEqual({ mime_type: "application/pdf", dpi: 72 })
    expect(sent.ship_with).toEqual({ type: "shipping_option_code", properties: { shipping_option_code: "postnl:standard" } })
    expect(label).toMatchObject({ carrier: "sendcloud", carrier_label_id: fake.shipments[0].id, amount: 6.01, currency_code: "EUR", service_code: "postnl:standard" })
    const file = Buffer.from(label.parcels[0].file.content_base64!, "base64").toString("latin1")
    expect(file.startsWith("%PDF-")).toBe(true)
    expect(file).toContain(label.parcels[0].tracking_number)
  })

  it("puts customs lines on the first parcel, per unit in kilograms, with the customs information", async () => {
    const intl = {
      to: { name: "John Doe", line1: "123 West 43rd St", city: "New York", postal_code: "10036", province: "NY", country_code: "US" },
      customs: [{ description: "T-Shirt XL", quantity: 2, value: 25.3, currency_code: "EUR", weight_g: 600, hs_code: "620520", origin_country: "NL" }],
    }
    await sc.buy(await buyRequest("ord_2:att_2", "pdf", intl))
    const sent = fake.shipments[0].request
    expect(sent.to_address.state_province_code).toBe("US-NY")
    expect(sent.parcels[0].parcel_items).toEqual([
      { description: "T-Shirt XL", quantity: 2, weight: { value: "0.300", unit: "kg" }, price: { value: "12.65", currency: "EUR" }, hs_code: "620520", origin_country: "NL" },
    ])
    expect(sent.customs_information).toEqual({ invoice_number: "ord_2:att_2", export_reason: "commercial_goods", export_type: "private" })
  })

  it("announces ZPL labels for a two-parcel shipment, fetching each parcel's document as ZPL", async () => {
    const two = { parcels: [{ weight_g: 500, length_cm: 20, width_cm: 15, height_cm: 10 }, { weight_g: 2500, length_cm: 40, width_cm: 30, height_cm: 20 }] }
    const label = await sc.buy(await buyRequest("ord_3:att_1", "zpl", two))
    expect(fake.shipments[0].request.label_details).toEqual({ mime_type: "application/zpl", dpi: 203 })
    expect(label.parcels).toHaveLength(2)
    for (const p of label.parcels) {
      const zpl = Buffer.from(p.file.content_base64!, "base64").toString("utf8")
      expect(zpl.startsWith("^XA")).toBe(true)
      expect(zpl).toContain(p.tracking_number)
      expect(p.file.format).toBe("zpl")
    }
    const docs = fake.requests.filter((r) => /\/documents\/label$/.test(r.path))
    expect(docs.map((d) => d.status)).toEqual([200, 200])
  })

  it("cancels a label, reports a queued cancellation as pending, and an impossible one as refused", async () => {
    const label = await sc.buy(await buyRequest("ord_4:att_1"))
    await expect(sc.void(label)).resolves.toEqual({ status: "voided" })
    // Cancelling again: Sendcloud answers 409, the shipment is cancelled, so it is voided.
    await expect(sc.void(label)).resolves.toEqual({ status: "voided" })

    const delivered = await sc.buy(await buyRequest("ord_4:att_2"))
    fake.statusChange(fake.shipments[1].parcels[0].id, { id: 11, message: "Delivered", code: "DELIVERED" })
    await expect(sc.void(delivered)).resolves.toEqual({
      status: "refused",
      message: "Sendcloud refused the request (409): This shipment has been delivered and cannot be cancelled",
    })

    await restart({ cancel_queued: true })
    const queued = await sc.buy(await buyRequest("ord_4:att_3"))
    await expect(sc.void(queued)).resolves.toEqual({ status: "pending", message: "Sendcloud queued the cancellation: Shipment cancellation has been queued" })
  })

  it("creates a return label through the Returns API, from the customer to the warehouse, and cancels it", async () => {
    const request = await buyRequest("ord_5:return_1")
    const label = await sc.returnLabel(request)
    const sent = fake.returns[0].request
    expect(sent.from_address.name).toBe("Rotterdam DC")
    expect(sent.to_address.name).toBe("Jan de Vries")
    expect(sent).toMatchObject({ weight: { value: "1.320", unit: "kg" }, collo_count: 1, external_reference: "ord_5:return_1" })
    expect(label).toMatchObject({ carrier_label_id: String(fake.returns[0].id), amount: 6.15, currency_code: "EUR", carrier_data: { kind: "return" } })
    expect(label.parcels[0].tracking_number).toBe(fake.returns[0].tracking_number)
    expect(Buffer.from(label.parcels[0].file.content_base64!, "base64").toString("latin1")).toContain(label.parcels[0].tracking_number)
    await expect(sc.void(label)).resolves.toEqual({ status: "pending", message: "Sendcloud asked the carrier to cancel the return label: Cancellation requested successfully" })
    expect(fake.returns[0].cancelled).toBe(true)
  })

  it("retries an announce whose answer was lost and gets the one shipment back through the 409", async () => {
    const request = await buyRequest("ord_6:att_1")
    fake.knobs.drop_after_handling_next = 1
    fake.knobs.knob_paths = /^\/shipments\/announce$/
    const label = await sc.buy(request)
    expect(retries).toEqual([null])
    expect(fake.count("dropped")).toBe(1)
    expect(fake.count(409)).toBe(1)
    expect(fake.purchases()).toBe(1)
    expect(label.carrier_label_id).toBe(fake.shipments[0].id)
    expect(Buffer.from(label.parcels[0].file.content_base64!, "base64").toString("latin1")).toContain(label.parcels[0].tracking_number)
  })

  it("finds a purchase by our reference after every attempt was lost, and finds nothing for an unknown one", async () => {
    const request = await buyRequest("ord_7:att_1")
    fake.knobs.drop_after_handling_next = 4
    fake.knobs.knob_paths = /^\/shipments\/announce$/
    const failure = await sc.buy(request).catch((e) => e)
    // Every attempt reached Sendcloud; only the first made a shipment, the repeats met the reference.
    // The ledger must not take this for "not bought": the outcome is unknown until looked up.
    expect(failure.failure).toMatchObject({ kind: "network", outcome_unknown: true })
    expect(retries).toEqual([null, null, null])
    expect(fake.purchases()).toBe(1)

    const found = await sc.lookup("ord_7:att_1", { rate: request.rate })
    expect(found).toMatchObject({ carrier_label_id: fake.shipments[0].id, amount: 6.01, service_code: "postnl:standard" })
    expect(Buffer.from(found!.parcels[0].file.content_base64!, "base64").toString("latin1")).toContain(found!.parcels[0].tracking_number)
    await expect(sc.lookup("ord_7:never-bought")).resolves.toBeNull()
  })

  it("turns Sendcloud's JSON:API errors into sentences naming the field, without retrying a 4xx", async () => {
    const noName = shipment("ord_8:att_1")
    noName.to = { ...noName.to, name: "" }
    const bad = await sc.rates(noName).catch((e) => e)
    expect(bad.failure).toMatchObject({ kind: "invalid_request", status: 400, outcome_unknown: false })
    expect(bad.message).toBe("Sendcloud refused the request (400): to_address.name: This field is required")
    expect(retries).toEqual([])

    const request = await buyRequest("ord_8:att_2")
    const unknown = await sc.buy({ ...request, rate: { ...request.rate, service_code: "ups:nextday" } }).catch((e) => e)
    expect(unknown.message).toBe('Sendcloud refused the request (400): ship_with.properties.shipping_option_code: Shipping option "ups:nextday" is not available for this shipment')
    expect(fake.purchases()).toBe(0)

    await restart({ announcement_fails: true })
    const failed = await sc.buy(await buyRequest("ord_8:att_3")).catch((e) => e)
    expect(failed.message).toBe(
      "Sendcloud made the shipment but no label: Service error: An error occurred while connecting to the carrier; try again or choose another shipping option"
    )
    expect(failed.failure).toMatchObject({ kind: "invalid_request", outcome_unknown: false })
    // Nothing was bought, and lookup says so.
    await expect(sc.lookup("ord_8:att_3")).resolves.toBeNull()
  })

  it("refuses bad credentials without putting the secret key in the message", async () => {
    const wrong = adapter({ public_key: "sc-public", secret_key: "sc-SECRET-0123456789" })
    const failure = await wrong.ping().catch((e) => e)
    expect(failure.failure).toMatchObject({ kind: "unauthorized", status: 401 })
    expect(failure.message).toBe("Sendcloud refused the credentials (401): check the carrier account's API key")
    expect(JSON.stringify(failure.failure)).not.toContain("SECRET")
    expect(String(failure.stack)).not.toContain("SECRET")
    await expect(sc.ping()).resolves.toBeUndefined()
  })

  it("retries Sendcloud's empty-body 429, with and without Retry-After", async () => {
    fake.throttle(2)
    await expect(sc.rates(shipment("ord_9:att_1"))).resolves.toHaveLength(2)
    expect(retries).toEqual([429, 429])

    retries.length = 0
    fake.throttle(1, 1)
    const started = Date.now()
    await expect(sc.ping()).resolves.toBeUndefined()
    expect(retries).toEqual([429])
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000)

    fake.throttle(10)
    const gaveUp = await sc.ping().catch((e) => e)
    expect(gaveUp.failure).toMatchObject({ kind: "rate_limited", status: 429 })
  })

  it("retries a 5xx on an announce (Sendcloud dedupes it) but not on a return (it does not)", async () => {
    const request = await buyRequest("ord_10:att_1")
    fake.knobs.unavailable_next = 1
    await expect(sc.buy(request)).resolves.toMatchObject({ service_code: "postnl:standard" })
    expect(retries).toEqual([503])
    expect(fake.purchases()).toBe(1)

    retries.length = 0
    fake.knobs.unavailable_next = 1
    const failure = await sc.returnLabel({ ...request, shipment: { ...request.shipment, reference: "ord_10:return_1" } }).catch((e) => e)
    expect(retries).toEqual([])
    expect(failure.failure).toMatchObject({ kind: "unavailable", status: 503, outcome_unknown: true })
    expect(fake.returns).toHaveLength(0)
  })

  it("tracks a parcel by its tracking number in our statuses", async () => {
    const label = await sc.buy(await buyRequest("ord_11:att_1"))
    const id = fake.shipments[0].parcels[0].id
    fake.statusChange(id, { id: 3, message: "En route to sorting center", code: "EN_ROUTE_TO_SORTING_CENTER" })
    fake.statusChange(id, { id: 11, message: "Delivered", code: "DELIVERED" })
    const update = await sc.track(label)
    expect(update.status).toBe("delivered")
    expect(update.events.map((e) => e.status)).toEqual(["in_transit", "delivered"])
  })

  describe("webhooks", () => {
    it("accepts a delivery signed with the secret key and reads the parcel's new status", async () => {
      const label = await sc.buy(await buyRequest("ord_12:att_1"))
      const delivery = fake.statusChange(fake.shipments[0].parcels[0].id, { id: 11, message: "Delivered", code: "DELIVERED" })
      const verified = await sc.verifyWebhook(delivery, { public_key: "sc-public", secret_key: "sc-secret" })
      expect(verified).toMatchObject({ ok: true, updates: [{ carrier: "sendcloud", tracking_number: label.parcels[0].tracking_number, status: "delivered" }] })
      const again = await sc.verifyWebhook({ ...delivery, received_at: new Date() }, { secret_key: "sc-secret" })
      expect(again.ok && verified.ok && again.event_key === verified.event_key).toBe(true)
    })

    it("uses the integration's webhook signature key when one is configured", async () => {
      await sc.buy(await buyRequest("ord_13:att_1"))
      const delivery = fake.statusChange(fake.shipments[0].parcels[0].id, { id: 3, message: "En route to sorting center", code: "EN_ROUTE" }, { secret: "whsk-1" })
      await expect(sc.verifyWebhook(delivery, { secret_key: "sc-secret", webhook_secret: "whsk-1" })).resolves.toMatchObject({ ok: true, updates: [{ status: "in_transit" }] })
      await expect(sc.verifyWebhook(delivery, { secret_key: "sc-secret" })).resolves.toEqual({ ok: false, reason: "the Sendcloud signature does not match the body" })
    })

    it("refuses an altered body, a forged or missing signature and a day-old replay, naming no secret", async () => {
      await sc.buy(await buyRequest("ord_14:att_1"))
      const parcel = fake.shipments[0].parcels[0].id
      const genuine = fake.statusChange(parcel, { id: 11, message: "Delivered", code: "DELIVERED" })
      const secrets = { secret_key: "sc-secret" }

      const altered = { ...genuine, raw_body: Buffer.from(genuine.raw_body.toString("utf8").replace('"id":11', '"id":8')) }
      const forged = fake.sign(genuine.raw_body.toString("utf8"), "guessed-secret")
      const missing = { ...genuine, headers: {} }
      const old = fake.statusChange(parcel, { id: 11, message: "Delivered", code: "DELIVERED" }, { timestamp: Date.now() - 25 * 60 * 60 * 1000 })
      const results = await Promise.all([altered, forged, missing, old].map((d) => sc.verifyWebhook(d, secrets)))
      expect(results).toEqual([
        { ok: false, reason: "the Sendcloud signature does not match the body" },
        { ok: false, reason: "the Sendcloud signature does not match the body" },
        { ok: false, reason: "the Sendcloud-Signature header is missing" },
        { ok: false, reason: "the Sendcloud webhook is older than a day (replayed)" },
      ])
      expect(JSON.stringify(results)).not.toContain("sc-secret")
      await expect(sc.verifyWebhook(genuine, secrets)).resolves.toMatchObject({ ok: true })
    })
  })
})
