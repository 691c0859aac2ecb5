import type { BuyRequest, CarrierAccountConfig, PurchasedLabel, ShipmentRequest } from "../../src/lib/shipping/contract"
import { isCarrierError } from "../../src/lib/shipping/errors"
import { createAdapter } from "../../src/providers/carrier/adapters"
import {
  createOfflineAdapter, forgetOfflinePurchases, isOfflineTrackingNumber, offlinePurchases, offlineTrackingNumber,
  OFFLINE_SIGNATURE_HEADER, OFFLINE_TIMESTAMP_HEADER, playOfflineTracking,
} from "../../src/providers/carrier/adapters/offline"
import { imageCount, pageSize, readPdf } from "../../src/lib/documents/__tests__/read-pdf"

// The first PDF in a process opens the embedded fonts: seconds when the machine is busy.
jest.setTimeout(30_000)

const SECRET = "whsec_offline_test_7f3a"
const account = (settings: Record<string, unknown> = {}): CarrierAccountConfig => ({
  carrier: "offline",
  secrets: { webhook_secret: SECRET },
  settings: { account_id: "acct-test", ...settings },
})

const warehouse = { name: "Newark DC", line1: "10 Dock Road", city: "Newark", postal_code: "07102", province: "NJ", country_code: "US" }
const boston = { name: "Zoë Łukasiewicz", line1: "221 Harbor Street", city: "Boston", postal_code: "02110", province: "MA", country_code: "US" }
const toronto = { name: "Ana Silva", line1: "5 King St W", city: "Toronto", postal_code: "M5H 1A1", country_code: "CA" }
const berlin = { name: "Jonas Weber", line1: "Unter den Linden 1", city: "Berlin", postal_code: "10117", country_code: "DE" }

const box = (weight_g: number) => ({ weight_g, length_cm: 30, width_cm: 20, height_cm: 10 })
const shipment = (over: Partial<ShipmentRequest> = {}): ShipmentRequest => ({
  reference: "olabel_order_1003_attempt_1",
  from: warehouse,
  to: boston,
  parcels: [box(850)],
  ...over,
})

async function buyWith(over: Partial<ShipmentRequest> = {}, format: BuyRequest["format"] = "pdf", size: BuyRequest["size"] = "4x6", config = account()) {
  const adapter = createOfflineAdapter(config)
  const s = shipment(over)
  const [rate] = (await adapter.rates(s)).filter((r) => r.service_code === "offline_express")
  return adapter.buy({ shipment: s, rate, format, size })
}

const file = (label: PurchasedLabel, i = 0) => Buffer.from(label.parcels[i].file.content_base64!, "base64")

async function failure(promise: Promise<unknown>) {
  try {
    await promise
  } catch (error) {
    if (isCarrierError(error)) return error.failure
    throw error
  }
  throw new Error("expected a CarrierError")
}

beforeEach(() => forgetOfflinePurchases())

describe("offline carrier: rates", () => {
  it("quotes three services, dearer and slower the farther the parcel goes", async () => {
    const adapter = createOfflineAdapter(account())
    const domestic = await adapter.rates(shipment())
    const continental = await adapter.rates(shipment({ to: toronto }))
    const world = await adapter.rates(shipment({ to: berlin }))
    expect(domestic.map((r) => [r.service_name, r.amount, r.days])).toEqual([
      ["Offline Economy", 4.5, 3],
      ["Offline Standard", 5.7, 2],
      ["Offline Express", 10.3, 1],
    ])
    expect(continental.map((r) => r.days)).toEqual([5, 3, 2])
    expect(world.map((r) => r.days)).toEqual([10, 7, 4])
    for (let i = 0; i < 3; i++) {
      expect(continental[i].amount).toBeGreaterThan(domestic[i].amount)
      expect(world[i].amount).toBeGreaterThan(continental[i].amount)
    }
    expect(domestic.every((r) => r.carrier === "offline" && r.currency_code === "EUR" && r.provider === "Offline carrier")).toBe(true)
  })

  it("prices each parcel in its weight band and adds the parcels up", async () => {
    const adapter = createOfflineAdapter(account())
    const economy = async (parcels: ReturnType<typeof box>[]) => (await adapter.rates(shipment({ parcels })))[0].amount
    expect(await economy([box(500)])).toBe(3.9) // 0.5 kg is still the first band (inclusive)
    expect(await economy([box(501)])).toBe(4.5)
    expect(await economy([box(500), box(4_000)])).toBe(3.9 + 7.5)
  })

  it("uses the account's own price list when its settings give one", async () => {
    const adapter = createOfflineAdapter(
      account({
        currency_code: "usd",
        weight_bands_kg: [1, 10],
        services: [{ code: "cargo", name: "Cargo Bike", days: { domestic: 0, continental: 9, world: 20 }, prices: { domestic: [2, 6], continental: [9, 19], world: [30, 60] } }],
      })
    )
    expect(await adapter.rates(shipment({ parcels: [box(2_000)] }))).toEqual([
      expect.objectContaining({ service_code: "cargo", service_name: "Cargo Bike", amount: 6, currency_code: "USD", days: 0 }),
    ])
  })

  it("refuses a parcel heavier than its heaviest band, or weightless, saying which and why", async () => {
    const adapter = createOfflineAdapter(account())
    expect((await failure(adapter.rates(shipment({ parcels: [box(800), box(31_500)] })))).message).toBe(
      "The offline carrier cannot take parcel 2 (31.5 kg): its heaviest weight band is 30 kg."
    )
    const weightless = await failure(adapter.rates(shipment({ parcels: [box(0)] })))
    expect(weightless).toMatchObject({ kind: "invalid_request", carrier: "offline" })
    expect(weightless.message).toBe("The offline carrier refused the shipment: parcel 1 weighs 0 g; weight must be more than 0.")
  })

  it("quotes a cart that has no purchase reference yet, but buys nothing without one", async () => {
    const adapter = createOfflineAdapter(account())
    const quote = shipment({ reference: "" })
    const [rate] = await adapter.rates(quote)
    expect(rate.amount).toBe(4.5)
    expect((await failure(adapter.buy({ shipment: quote, rate, format: "pdf", size: "4x6" }))).message).toBe(
      "The offline carrier refused the shipment: it has no reference (the ledger's key of the purchase)."
    )
  })

  it("names the malformed settings field", () => {
    expect(() => createOfflineAdapter(account({ weight_bands_kg: [1, 2], services: [{ code: "x", name: "X", days: { domestic: 1, continental: 1, world: 1 }, prices: { domestic: [1], continental: [1, 2], world: [1, 2] } }] }))).toThrow(
      "Offline carrier settings: services.0.prices.domestic needs one price per weight band (2), has 1."
    )
  })

  it("is the adapter the registry builds for the carrier code offline", async () => {
    const adapter = createAdapter(account())
    expect(adapter.carrier).toBe("offline")
    await expect(adapter.ping()).resolves.toBeUndefined()
  })
})

describe("offline carrier: buying a label", () => {
  it("prints a 4x6 PDF per parcel with its tracking number as text and as a barcode", async () => {
    const label = await buyWith({ parcels: [box(850), box(1_250)] })
    expect(label.parcels).toHaveLength(2)
    expect(label.amount).toBe(10.3 + 12.5)
    expect(label.service_code).toBe("offline_express")
    for (const [i, parcel] of label.parcels.entries()) {
      expect(parcel.tracking_number).toBe(offlineTrackingNumber("olabel_order_1003_attempt_1", i))
      expect(isOfflineTrackingNumber(parcel.tracking_number)).toBe(true)
      expect(parcel.file.format).toBe("pdf")
      const pdf = file(label, i)
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-")
      expect(pageSize(pdf)).toEqual([288, 432])
      expect(imageCount(pdf)).toBe(1)
      const { text } = await readPdf(pdf)
      expect(text).toContain(parcel.tracking_number)
      expect(text).toContain("Zoë Łukasiewicz")
      expect(text).toContain("Newark DC")
      expect(text).toContain("Offline Express")
      expect(text).toContain(`Parcel ${i + 1} of 2`)
      expect(text).toContain("Ref olabel_order_1003_attempt_1")
    }
    expect(label.parcels[0].tracking_number).not.toBe(label.parcels[1].tracking_number)
    expect((await readPdf(file(label, 1))).text).toContain("Weight 1.25 kg")
  })

  it("prints the 4x6 label on an A4 or Letter sheet when asked", async () => {
    expect(pageSize(file(await buyWith({ reference: "ref-a4" }, "pdf", "a4")))).toEqual([595, 842])
    const letter = file(await buyWith({ reference: "ref-letter" }, "pdf", "letter"))
    expect(pageSize(letter)).toEqual([612, 792])
    expect((await readPdf(letter)).text).toContain(offlineTrackingNumber("ref-letter", 0))
  })

  it("writes ZPL with a Code 128 field holding the tracking number", async () => {
    const label = await buyWith({}, "zpl")
    const zpl = file(label).toString("utf8")
    const tracking = label.parcels[0].tracking_number
    expect(label.parcels[0].file.format).toBe("zpl")
    expect(zpl.startsWith("^XA")).toBe(true)
    expect(zpl.trimEnd().endsWith("^XZ")).toBe(true)
    expect(zpl).toMatch(new RegExp(`\\^BC[^\\^]*\\^FD${tracking}\\^FS`))
    expect(zpl).toContain("Zoë Łukasiewicz")
    expect(zpl).toContain("Offline Express")
  })

  it("buys once per reference: asking again hands back the same label", async () => {
    const first = await buyWith()
    const again = await buyWith()
    expect(again).toEqual(first)
    const [purchase] = offlinePurchases(account())
    expect(offlinePurchases(account())).toHaveLength(1)
    expect(purchase.buy_requests).toBe(2)
    const other = await buyWith({ reference: "olabel_order_1003_attempt_2" })
    expect(other.parcels[0].tracking_number).not.toBe(first.parcels[0].tracking_number)
  })

  it("buys once when the same reference is asked three times at once", async () => {
    const labels = await Promise.all([buyWith(), buyWith({}, "zpl"), buyWith()])
    expect(new Set(labels.map((l) => l.parcels[0].tracking_number)).size).toBe(1)
    expect(labels[1]).toBe(labels[0]) // the first ask's label (a PDF), not a second purchase in ZPL
    expect(offlinePurchases(account()).map((p) => p.buy_requests)).toEqual([3])
  })

  it("derives the same tracking numbers from the same reference after a restart", async () => {
    const first = await buyWith()
    forgetOfflinePurchases()
    const again = await buyWith()
    expect(again.parcels.map((p) => p.tracking_number)).toEqual(first.parcels.map((p) => p.tracking_number))
    expect(again.carrier_label_id).toBe(first.carrier_label_id)
  })

  it("issues tracking numbers whose check digit catches a mistyped digit, linked to the account's tracking page", async () => {
    const label = await buyWith({}, "pdf", "4x6", account({ tracking_url: "https://parcels.example/t/{tracking_number}" }))
    const tracking = label.parcels[0].tracking_number
    expect(tracking).toMatch(/^OL\d{12}$/)
    expect(label.parcels[0].tracking_url).toBe(`https://parcels.example/t/${tracking}`)
    const typo = tracking.slice(0, 5) + ((Number(tracking[5]) + 1) % 10) + tracking.slice(6)
    expect(isOfflineTrackingNumber(typo)).toBe(false)
  })

  it("refuses a service it does not have, listing the ones it has", async () => {
    const adapter = createOfflineAdapter(account())
    const [rate] = await adapter.rates(shipment())
    const refused = await failure(adapter.buy({ shipment: shipment(), rate: { ...rate, service_code: "overnight" }, format: "pdf", size: "4x6" }))
    expect(refused.message).toBe('The offline carrier has no service "overnight"; its services are offline_economy, offline_standard, offline_express.')
    expect(offlinePurchases(account())).toHaveLength(0)
  })
})

describe("offline carrier: lookup, void, return label, track", () => {
  it("finds an earlier purchase by our reference, from any adapter of the account", async () => {
    const bought = await buyWith()
    expect(await createOfflineAdapter(account()).lookup("olabel_order_1003_attempt_1")).toEqual(bought)
    expect(await createOfflineAdapter(account()).lookup("never-bought")).toBeNull()
    expect(await createOfflineAdapter(account({ account_id: "another-account" })).lookup("olabel_order_1003_attempt_1")).toBeNull()
  })

  it("voids a fresh label, and track then says it was voided", async () => {
    const label = await buyWith()
    const adapter = createOfflineAdapter(account())
    expect(await adapter.void(label)).toEqual({ status: "voided" })
    expect(await adapter.void(label)).toEqual({ status: "voided" })
    expect((await failure(adapter.track(label))).message).toBe(`Label ${label.carrier_label_id} was voided; there is nothing to track.`)
  })

  it("refuses to void after the window, also in a process that never saw the purchase", async () => {
    const label = await buyWith()
    forgetOfflinePurchases()
    const later = new Date(Date.now() + 26 * 3_600_000)
    const outcome = await createOfflineAdapter(account(), { now: () => later }).void(label)
    expect(outcome).toEqual({ status: "refused", message: `The offline carrier voids labels within 24 hours of purchase; label ${label.carrier_label_id} was bought 26 hours ago.` })
    const shortWindow = await buyWith({ reference: "ref-short" }, "pdf", "4x6", account({ void_window_hours: 1 }))
    const inTwoHours = new Date(Date.now() + 2 * 3_600_000)
    expect((await createOfflineAdapter(account({ void_window_hours: 1 }), { now: () => inTwoHours }).void(shortWindow)).status).toBe("refused")
  })

  it("refuses to void once the parcel has been delivered", async () => {
    const label = await buyWith()
    playOfflineTracking(account(), label, "in_transit")
    playOfflineTracking(account(), label, "delivered")
    expect(await createOfflineAdapter(account()).void(label)).toEqual({
      status: "refused",
      message: `The offline carrier cannot void label ${label.carrier_label_id}: the parcel is already delivered.`,
    })
  })

  it("buys a return label from the customer back to the warehouse", async () => {
    const adapter = createOfflineAdapter(account())
    const back = shipment({ reference: "oreturn_1003_1", from: boston, to: warehouse })
    const [rate] = await adapter.rates(back)
    const label = await adapter.returnLabel({ shipment: back, rate, format: "pdf", size: "4x6" })
    expect(label.parcels[0].tracking_number).toBe(offlineTrackingNumber("oreturn_1003_1", 0, true))
    expect(label.parcels[0].tracking_number.startsWith("OR")).toBe(true)
    expect(label.carrier_data.is_return).toBe(true)
    const { text } = await readPdf(file(label))
    expect(text).toContain("RETURN TO")
    expect(text.indexOf("Zoë Łukasiewicz")).toBeLessThan(text.indexOf("Newark DC"))
    expect(await adapter.lookup("oreturn_1003_1")).toEqual(label)
    const reused = await failure(adapter.buy({ shipment: back, rate, format: "pdf", size: "4x6" }))
    expect(reused).toMatchObject({ kind: "conflict" })
  })

  it("tracks from label created to delivered as events are played", async () => {
    const label = await buyWith()
    const adapter = createOfflineAdapter(account())
    const created = await adapter.track(label)
    expect(created).toMatchObject({ carrier: "offline", tracking_number: label.parcels[0].tracking_number, status: "pre_transit" })
    playOfflineTracking(account(), label, "in_transit", { at: new Date("2026-12-01T10:00:00Z") })
    playOfflineTracking(account(), label, "out_for_delivery", { at: new Date("2026-12-02T08:00:00Z") })
    playOfflineTracking(account(), label, "delivered", { at: new Date("2026-12-02T14:30:00Z") })
    const done = await adapter.track(label)
    expect(done.status).toBe("delivered")
    expect(done.events.map((e) => [e.status, e.location])).toEqual([
      ["pre_transit", "Newark"],
      ["in_transit", "Newark"],
      ["out_for_delivery", "Boston"],
      ["delivered", "Boston"],
    ])
    expect(done.events[3].occurred_at).toBe("2026-12-02T14:30:00.000Z")
  })
})

describe("offline carrier: tracking webhooks", () => {
  const verify = (delivery: ReturnType<typeof playOfflineTracking>, secrets = { webhook_secret: SECRET }) =>
    createOfflineAdapter(account()).verifyWebhook(delivery, secrets)

  it("signs a delivery that verifies, carrying every parcel's status and an event key", async () => {
    const label = await buyWith({ parcels: [box(850), box(900)] })
    const delivery = playOfflineTracking(account(), label, "delivered")
    expect(delivery.headers[OFFLINE_SIGNATURE_HEADER]).toMatch(/^[0-9a-f]{64}$/)
    expect(delivery.headers[OFFLINE_TIMESTAMP_HEADER]).toMatch(/^\d+$/)
    const verified = await verify(delivery)
    if (!verified.ok) throw new Error(verified.reason)
    expect(verified.event_key).toMatch(/^offl_evt_/)
    expect(verified.updates.map((u) => [u.tracking_number, u.status])).toEqual(label.parcels.map((p) => [p.tracking_number, "delivered"]))
    expect(verified.updates[0].events.map((e) => e.status)).toEqual(["pre_transit", "delivered"])
  })

  it("gives the same event key when the same status is played again, so the receiver dedupes it", async () => {
    const label = await buyWith()
    const first = await verify(playOfflineTracking(account(), label, "delivered"))
    const again = await verify(playOfflineTracking(account(), label, "delivered"))
    const other = await verify(playOfflineTracking(account(), label, "delivered", { event_id: "evt-distinct" }))
    expect(first.ok && again.ok && first.event_key === again.event_key).toBe(true)
    expect(other.ok && other.event_key).toBe("evt-distinct")
  })

  it("refuses an altered body, a forged signature and another account's secret", async () => {
    const label = await buyWith()
    const delivery = playOfflineTracking(account(), label, "delivered")
    const altered = { ...delivery, raw_body: Buffer.from(delivery.raw_body.toString().replace('"delivered"', '"returned"')) }
    const forged = { ...delivery, headers: { ...delivery.headers, [OFFLINE_SIGNATURE_HEADER]: "ab".repeat(32) } }
    for (const bad of [altered, forged]) {
      const result = await verify(bad)
      expect(result).toEqual({ ok: false, reason: expect.stringContaining("signature does not match") })
    }
    const wrongSecret = await verify(delivery, { webhook_secret: "someone-else" })
    expect(wrongSecret.ok).toBe(false)
    const unsigned = await verify({ ...delivery, headers: { "content-type": "application/json" } })
    expect(unsigned).toEqual({ ok: false, reason: `The delivery has no ${OFFLINE_SIGNATURE_HEADER} header.` })
    for (const result of [wrongSecret, unsigned]) expect(JSON.stringify(result)).not.toContain(SECRET)
  })

  it("refuses a delivery signed more than five minutes before it arrived (a replay)", async () => {
    const label = await buyWith()
    const signedAt = new Date("2026-12-01T12:00:00Z")
    const delivery = playOfflineTracking(account(), label, "in_transit", { at: signedAt })
    expect((await verify({ ...delivery, received_at: new Date(signedAt.getTime() + 299_000) })).ok).toBe(true)
    const replay = await verify({ ...delivery, received_at: new Date(signedAt.getTime() + 6 * 60_000) })
    expect(replay).toEqual({ ok: false, reason: "The delivery was signed 360 s before it arrived; more than 300 s apart is refused as a replay." })
    // Moving the timestamp header forward breaks the signature: the time is signed with the body.
    const restamped = { ...delivery, headers: { ...delivery.headers, [OFFLINE_TIMESTAMP_HEADER]: String(Math.floor(signedAt.getTime() / 1000) + 360) }, received_at: new Date(signedAt.getTime() + 6 * 60_000) }
    expect(await verify(restamped)).toEqual({ ok: false, reason: expect.stringContaining("signature does not match") })
  })

  it("cannot play events for a voided label, nor sign without a webhook secret", async () => {
    const label = await buyWith()
    expect(() => playOfflineTracking({ ...account(), secrets: {} }, label, "in_transit")).toThrow("has no webhook_secret")
    await createOfflineAdapter(account()).void(label)
    expect(() => playOfflineTracking(account(), label, "in_transit")).toThrow("was voided")
  })
})
