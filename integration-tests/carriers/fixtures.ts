import type { BuyRequest, Rate, ShipmentRequest } from "../../src/lib/shipping/contract"

/** A warehouse in San Francisco shipping one 1.2 kg box to a customer in Boston. */
export function shipmentTo(reference: string, overrides: Partial<ShipmentRequest> = {}): ShipmentRequest {
  return {
    reference,
    from: { name: "Harbor Goods Warehouse", line1: "388 Townsend St", city: "San Francisco", province: "CA", postal_code: "94107", country_code: "US", phone: "4155550100" },
    to: { name: "Ada Lovelace", line1: "1 Federal St", line2: "Floor 3", city: "Boston", province: "MA", postal_code: "02110", country_code: "US", email: "ada@example.com" },
    parcels: [{ weight_g: 1200, length_cm: 30, width_cm: 20, height_cm: 10 }],
    ...overrides,
  }
}

export const buying = (shipment: ShipmentRequest, rate: Rate, format: BuyRequest["format"] = "pdf", size: BuyRequest["size"] = "4x6"): BuyRequest => ({
  shipment,
  rate,
  format,
  size,
})

export const cheapest = (rates: Rate[]) => [...rates].sort((a, b) => a.amount - b.amount)[0]

export const decoded = (base64: string | null) => Buffer.from(base64 ?? "", "base64").toString("latin1")

/**
 * The error a call fails with (the test fails if it succeeds), kept in `messages` so a file's
 * last test can check that no message quoted a secret.
 */
export async function failureOf(p: Promise<unknown>, messages: string[]): Promise<any> {
  const e = await p.then(
    () => null,
    (err) => err
  )
  if (!e) throw new Error("expected the call to fail")
  messages.push(e.message)
  return e
}
