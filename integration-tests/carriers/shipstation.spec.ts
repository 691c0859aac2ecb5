import crypto from "node:crypto"
import type { BuyRequest, CarrierAdapter, ShipmentRequest } from "../../src/lib/shipping/contract"
import { createAdapter } from "../../src/providers/carrier/adapters"
import { ShipstationFake, startShipstationFake } from "../fakes/shipstation"

/** The ShipStation API v2 adapter over real HTTP against the local ShipStation fake. */
describe("the ShipStation adapter", () => {
  let fake: ShipstationFake
  let ss: CarrierAdapter
  const retries: (number | null)[] = []

  const shipment = (reference: string, extra: Partial<ShipmentRequest> = {}): ShipmentRequest => ({
    reference,
    from: { name: "Reno DC", line1: "1 Warehouse Way", city: "Reno", postal_code: "89502", province: "NV", country_code: "US", phone: "7755550100" },
    to: { name: "Ada Lovelace", line1: "12 Main St", city: "Boston", postal_code: "02108", province: "MA", country_code: "us" },
    parcels: [{ weight_g: 1500, length_cm: 30, width_cm: 20, height_cm: 10 }],
    ...extra,
  })

  const adapter = (secrets = { api_key: "ss-test-key" }) =>
    createAdapter(
      { carrier: "shipstation", base_url: fake.url, secrets, settings: { jwks_url: `${fake.url}/jwks` } },
      { onRetry: ({ status }) => retries.push(status), timeout_ms: 2000 }
    )

  async function buyRequest(reference: string, format: "pdf" | "zpl" = "pdf", extra: Partial<ShipmentRequest> = {}): Promise<BuyRequest> {
    const s = shipment(reference, extra)
    const rates = await ss.rates(s)
    const rate = rates.find((r) => r.service_code === "usps_priority_mail")!
    retries.length = 0
    return { shipment: s, rate, format, size: "4x6" }
  }

  beforeEach(async () => {
    retries.length = 0
    fake = await startShipstationFake()
    ss = adapter()
  })
  afterEach(() => fake.close())

  it("rates a parcel in grams and centimetres and answers totals in major units", async () => {
    const rates = await ss.rates(shipment("ord_1:att_1"))
    expect(rates.map((r) => `${r.provider} ${r.service_code}`)).toEqual([
      "USPS usps_ground_advantage",
      "USPS usps_priority_mail",
      "UPS ups_ground",
    ])
    const priority = rates.find((r) => r.service_code === "usps_priority_mail")!
    // 8.10 + 2.30/kg x 1.5 kg = 11.55 shipping, plus 0.35 other: the total is the sum of the parts.
    expect(priority).toMatchObject({ amount: 11.9, currency_code: "USD", days: 2, service_name: "USPS Priority Mail", carrier: "shipstation" })
    const sent = fake.rateRequests[0]
    expect(sent.shipment.packages).toEqual([{ weight: { value: 1500, unit: "gram" }, dimensions: { unit: "centimeter", length: 30, width: 20, height: 10 } }])
    // Every connected carrier is asked when the account names none; rating reserves no reference.
    expect(sent.rate_options.carrier_ids).toEqual(["se-100", "se-200"])
    expect(sent.shipment.external_shipment_id).toBeUndefined()
  })

  it("buys a 4x6 PDF label sending our reference as external_shipment_id, with the file fetched", async () => {
    const label = await ss.buy(await buyRequest("ord_2:att_1", "pdf"))
    expect(fake.purchases()).toBe(1)
    const stored = fake.labels[0]
    expect(stored.request.shipment.external_shipment_id).toBe("ord_2:att_1")
    expect(stored.request.shipment.packages[0]).toEqual({
      weight: { value: 1500, unit: "gram" },
      dimensions: { unit: "centimeter", length: 30, width: 20, height: 10 },
    })
    expect(stored.request.shipment.ship_to.country_code).toBe("US")
    expect(stored.request).toMatchObject({ label_format: "pdf", label_layout: "4x6", label_download_type: "url" })
    expect(label).toMatchObject({ carrier: "shipstation", carrier_label_id: stored.label_id, amount: 11.9, currency_code: "USD", service_code: "usps_priority_mail" })
    expect(label.parcels).toHaveLength(1)
    const file = Buffer.from(label.parcels[0].file.content_base64!, "base64").toString("latin1")
    expect(file.startsWith("%PDF-")).toBe(true)
    expect(file).toContain(label.parcels[0].tracking_number)
  })

  it("buys a service of a carrier that lists no services, finding its carrier through the quote", async () => {
    const s = shipment("ord_2:att_2")
    const ups = (await ss.rates(s)).find((r) => r.service_code === "ups_ground")!
    const label = await ss.buy({ shipment: s, rate: ups, format: "pdf", size: "4x6" })
    expect(fake.labels[0].request.shipment).toMatchObject({ carrier_id: "se-200", service_code: "ups_ground" })
    expect(label.carrier_data.carrier_id).toBe("se-200")
    expect(fake.requests.some((r) => r.path === `/v2/rates/${ups.rate_id}`)).toBe(true)
  })

  it("sends customs lines per unit, as ShipStation's customs items are", async () => {
    const intl = {
      to: { name: "Grace Hopper", line1: "1 Queen St", city: "Toronto", postal_code: "M5H 2N2", province: "ON", country_code: "CA" },
      customs: [{ description: "Blue mug", quantity: 3, value: 36, currency_code: "USD", weight_g: 1350, hs_code: "6912.00", origin_country: "pt" }],
    }
    await ss.buy(await buyRequest("ord_2:att_3", "pdf", intl))
    expect(fake.labels[0].request.shipment.customs).toEqual({
      contents: "merchandise",
      non_delivery: "return_to_sender",
      customs_items: [
        { description: "Blue mug", quantity: 3, value: { currency: "usd", amount: 12 }, harmonized_tariff_code: "6912.00", country_of_origin: "PT", weight: { value: 450, unit: "gram" } },
      ],
    })
  })

  it("buys ZPL labels, one file per parcel of a two-box shipment", async () => {
    const two = { parcels: [{ weight_g: 800, length_cm: 20, width_cm: 15, height_cm: 10 }, { weight_g: 2200, length_cm: 40, width_cm: 30, height_cm: 20 }] }
    const label = await ss.buy(await buyRequest("ord_3:att_1", "zpl", two))
    expect(label.parcels).toHaveLength(2)
    const [a, b] = label.parcels.map((p) => Buffer.from(p.file.content_base64!, "base64").toString("utf8"))
    expect(a.startsWith("^XA")).toBe(true)
    expect(a).toContain(label.parcels[0].tracking_number)
    expect(b).toContain(label.parcels[1].tracking_number)
    expect(label.parcels[0].tracking_number).not.toBe(label.parcels[1].tracking_number)
    expect(label.parcels[0].file.format).toBe("zpl")
  })

  it("voids a label, says voided again for an already voided one, and relays a refusal", async () => {
    const label = await ss.buy(await buyRequest("ord_4:att_1"))
    await expect(ss.void(label)).resolves.toEqual({ status: "voided" })
    expect(fake.labels[0].status).toBe("voided")
    await expect(ss.void(label)).resolves.toEqual({ status: "voided" })

    const used = await ss.buy(await buyRequest("ord_4:att_2"))
    fake.trackEvent(used.carrier_label_id, "IT", "Departed USPS facility")
    await expect(ss.void(used)).resolves.toEqual({
      status: "refused",
      message: "ShipStation refused to void the label: The label has already been used and cannot be voided.",
    })
  })

  it("buys a return label from the customer to the warehouse", async () => {
    const request = await buyRequest("ord_5:return_1")
    const label = await ss.returnLabel(request)
    const stored = fake.labels[0]
    expect(stored.request).toMatchObject({ is_return_label: true, charge_event: "carrier_default" })
    expect(stored.request.shipment.ship_from.name).toBe("Reno DC")
    expect(stored.request.shipment.ship_to.name).toBe("Ada Lovelace")
    expect(label.carrier_data.is_return_label).toBe(true)
    expect(Buffer.from(label.parcels[0].file.content_base64!, "base64").toString("latin1")).toContain(label.parcels[0].tracking_number)
  })

  it("finds a purchase whose answer was lost by our reference, and the fake shows exactly one was bought", async () => {
    const request = await buyRequest("ord_6:att_1")
    fake.knobs.drop_after_handling_next = 1
    fake.knobs.knob_paths = /^\/v2\/labels$/
    const failure = await ss.buy(request).catch((e) => e)
    expect(failure.failure).toMatchObject({ carrier: "shipstation", kind: "network", outcome_unknown: true })
    expect(retries).toEqual([])

    const found = await ss.lookup("ord_6:att_1")
    expect(fake.purchases()).toBe(1)
    expect(found).toMatchObject({ carrier_label_id: fake.labels[0].label_id, service_code: "usps_priority_mail" })
    expect(found!.parcels[0].tracking_number).toBe(fake.labels[0].tracking_numbers[0])
    expect(Buffer.from(found!.parcels[0].file.content_base64!, "base64").toString("latin1")).toContain(found!.parcels[0].tracking_number)

    await expect(ss.lookup("ord_6:never-bought")).resolves.toBeNull()
  })

  it("answers a second buy with the same reference with the label already bought", async () => {
    const request = await buyRequest("ord_7:att_1")
    const first = await ss.buy(request)
    const second = await ss.buy(request)
    expect(second.carrier_label_id).toBe(first.carrier_label_id)
    expect(fake.purchases()).toBe(1)
  })

  it("turns ShipStation's error bodies into sentences a person can act on, without retrying a 4xx", async () => {
    const noPostcode = shipment("ord_8:att_1")
    noPostcode.to = { ...noPostcode.to, postal_code: "" }
    const bad = await ss.rates(noPostcode).catch((e) => e)
    expect(bad.failure).toMatchObject({ kind: "invalid_request", status: 400, outcome_unknown: false })
    expect(bad.message).toMatch(/^ShipStation refused the request \(400\): ship_to\.postal_code is required \(correct the address\) \[ShipStation request [0-9a-f-]{36}\]$/)
    expect(retries).toEqual([])

    await fake.close()
    fake = await startShipstationFake({ balance: 5 })
    ss = adapter()
    const broke = await ss.buy(await buyRequest("ord_8:att_2")).catch((e) => e)
    expect(broke.failure).toMatchObject({ kind: "invalid_request", status: 400, outcome_unknown: false })
    expect(broke.message).toContain("the carrier says: Your carrier balance of $5.00 is not enough for this $11.90 label (add funds to the ShipStation carrier balance)")
    expect(fake.purchases()).toBe(0)
  })

  it("refuses bad credentials without ever putting the key in the message", async () => {
    const wrong = adapter({ api_key: "ss-live-SECRET-0123456789" })
    const failure = await wrong.ping().catch((e) => e)
    expect(failure.failure).toMatchObject({ kind: "unauthorized", status: 401 })
    expect(failure.message).toBe("ShipStation refused the credentials (401): check the carrier account's API key")
    expect(JSON.stringify(failure.failure)).not.toContain("SECRET")
    expect(String(failure.stack)).not.toContain("SECRET")
    await expect(ss.ping()).resolves.toBeUndefined()
  })

  it("retries a 429 honouring Retry-After, and one without it after a backoff", async () => {
    fake.throttle(1, 1)
    const started = Date.now()
    await expect(ss.rates(shipment("ord_9:att_1"))).resolves.toHaveLength(3)
    expect(retries).toEqual([429])
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000)

    retries.length = 0
    const request = await buyRequest("ord_9:att_2")
    fake.throttle(2, null)
    await expect(ss.buy(request)).resolves.toMatchObject({ service_code: "usps_priority_mail" })
    // A 429 means ShipStation did not process the purchase, so even the buy is retried, once bought.
    expect(retries).toEqual([429, 429])
    expect(fake.purchases()).toBe(1)
  })

  it("retries a 5xx on rating, voiding and lookup, but never on a purchase", async () => {
    fake.knobs.unavailable_next = 1
    await expect(ss.rates(shipment("ord_10:att_1"))).resolves.toHaveLength(3)
    expect(retries).toEqual([503])

    const request = await buyRequest("ord_10:att_2")
    fake.knobs.unavailable_next = 1
    const failure = await ss.buy(request).catch((e) => e)
    expect(retries).toEqual([])
    expect(failure.failure).toMatchObject({ kind: "unavailable", status: 503, outcome_unknown: true })
    expect(fake.count(503)).toBe(2)
    await expect(ss.lookup("ord_10:att_2")).resolves.toBeNull()

    const label = await ss.buy(request)
    fake.knobs.unavailable_next = 1
    await expect(ss.void(label)).resolves.toEqual({ status: "voided" })
    expect(retries).toEqual([503])
  })

  it("tracks a label in our statuses, oldest event first", async () => {
    const label = await ss.buy(await buyRequest("ord_11:att_1"))
    fake.trackEvent(label.carrier_label_id, "IT", "Arrived at USPS facility")
    fake.trackEvent(label.carrier_label_id, "DE", "Delivered, front door")
    const update = await ss.track(label)
    expect(update).toMatchObject({ carrier: "shipstation", tracking_number: label.parcels[0].tracking_number, status: "delivered" })
    expect(update.events.map((e) => `${e.status}: ${e.description}`)).toEqual(["in_transit: Arrived at USPS facility", "delivered: Delivered, front door"])
    expect(update.events[0].location).toBe("Reno")
  })

  describe("webhooks", () => {
    it("accepts a delivery signed with ShipStation's key and reads the tracking update", async () => {
      const label = await ss.buy(await buyRequest("ord_12:att_1"))
      const delivery = fake.trackEvent(label.carrier_label_id, "DE", "Delivered")
      const verified = await ss.verifyWebhook(delivery, {})
      expect(verified).toMatchObject({ ok: true, updates: [{ tracking_number: label.parcels[0].tracking_number, status: "delivered" }] })
      // The same event delivered twice has the same key, so the route can drop the repeat.
      const again = await ss.verifyWebhook({ ...delivery, received_at: new Date() }, {})
      expect(again.ok && verified.ok && again.event_key === verified.event_key).toBe(true)
    })

    it("fetches the key set once and then verifies from the cache, by key id", async () => {
      const label = await ss.buy(await buyRequest("ord_13:att_1"))
      await ss.verifyWebhook(fake.trackEvent(label.carrier_label_id, "IT", "In transit"), {})
      await ss.verifyWebhook(fake.trackEvent(label.carrier_label_id, "DE", "Delivered"), {})
      expect(fake.jwksFetches()).toBe(1)
    })

    it("refuses an altered body, a forged signature, an unknown key id, a stale timestamp and missing headers", async () => {
      const label = await ss.buy(await buyRequest("ord_14:att_1"))
      const genuine = fake.trackEvent(label.carrier_label_id, "DE", "Delivered")

      const altered = { ...genuine, raw_body: Buffer.from(genuine.raw_body.toString("utf8").replace('"DE"', '"EX"')) }
      await expect(ss.verifyWebhook(altered, {})).resolves.toEqual({ ok: false, reason: "the ShipStation signature does not match the body" })

      const attacker = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey
      const forged = fake.sign(genuine.raw_body.toString("utf8"), { privateKey: attacker })
      await expect(ss.verifyWebhook(forged, {})).resolves.toEqual({ ok: false, reason: "the ShipStation signature does not match the body" })

      const otherKid = fake.sign(genuine.raw_body.toString("utf8"), { privateKey: attacker, kid: "attacker-kid" })
      await expect(ss.verifyWebhook(otherKid, {})).resolves.toEqual({ ok: false, reason: 'ShipStation publishes no key with id "attacker-kid"' })

      const stale = fake.sign(genuine.raw_body.toString("utf8"), { timestamp: new Date(Date.now() - 6 * 60 * 1000).toISOString() })
      await expect(ss.verifyWebhook(stale, {})).resolves.toEqual({
        ok: false,
        reason: "the ShipStation timestamp is more than 5 minutes from our clock (stale or replayed)",
      })

      const bare = { ...genuine, headers: { "content-type": "application/json" } }
      await expect(ss.verifyWebhook(bare, {})).resolves.toEqual({ ok: false, reason: "the ShipStation signature headers are missing" })

      // The genuine one still passes: the refusals were about the changes.
      await expect(ss.verifyWebhook(genuine, {})).resolves.toMatchObject({ ok: true })
    })
  })
})
