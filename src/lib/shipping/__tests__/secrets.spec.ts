import { openSecrets, sealSecrets } from "../secrets"
import { attemptReference, fulfillmentLabelKey, packLabelKey } from "../label-key"

const KEY = "a test passphrase of some length"

describe("carrier secrets at rest", () => {
  it("opens what it sealed, and the sealed text does not contain the secret", () => {
    const sealed = sealSecrets({ api_key: "EZTK-very-secret" }, KEY)
    expect(sealed).not.toContain("EZTK")
    expect(sealed).not.toContain(Buffer.from("EZTK-very-secret").toString("base64"))
    expect(openSecrets(sealed, KEY)).toEqual({ api_key: "EZTK-very-secret" })
  })

  it("seals the same secrets differently each time (a fresh IV)", () => {
    expect(sealSecrets({ a: "b" }, KEY)).not.toBe(sealSecrets({ a: "b" }, KEY))
  })

  it("refuses a wrong key or an altered value without showing the value", () => {
    const sealed = sealSecrets({ api_key: "EZTK-very-secret" }, KEY)
    expect(() => openSecrets(sealed, "another passphrase entirely")).toThrow(/cannot be decrypted/)
    const parts = sealed.split(".")
    parts[3] = Buffer.from("tampered").toString("base64url")
    try {
      openSecrets(parts.join("."), KEY)
      throw new Error("opened")
    } catch (e) {
      expect((e as Error).message).toMatch(/cannot be decrypted/)
      expect((e as Error).message).not.toContain("EZTK")
    }
  })

  it("asks for the option when no key is configured", () => {
    expect(() => sealSecrets({ a: "b" }, "")).toThrow(/shipping.secrets_key/)
  })
})

describe("label ledger keys", () => {
  it("names a pack by order and wave, and a fulfillment by order, contents and ordinal", () => {
    expect(packLabelKey("order_1", "owave_1")).toBe("pack:order_1:owave_1")
    const a = fulfillmentLabelKey({ order_id: "o", location_id: "sloc", items: [{ line_item_id: "l1", quantity: 1 }, { line_item_id: "l2", quantity: 2 }], ordinal: 0 })
    const sameInOtherOrder = fulfillmentLabelKey({ order_id: "o", location_id: "sloc", items: [{ line_item_id: "l2", quantity: 2 }, { line_item_id: "l1", quantity: 1 }], ordinal: 0 })
    const second = fulfillmentLabelKey({ order_id: "o", location_id: "sloc", items: [{ line_item_id: "l1", quantity: 1 }, { line_item_id: "l2", quantity: 2 }], ordinal: 1 })
    expect(a).toBe(sameInOtherOrder)
    expect(second).not.toBe(a)
  })

  it("gives each attempt its own carrier reference, stable for the same attempt", () => {
    expect(attemptReference("pack:o:w", 1)).toBe(attemptReference("pack:o:w", 1))
    expect(attemptReference("pack:o:w", 2)).not.toBe(attemptReference("pack:o:w", 1))
    expect(attemptReference("pack:o:w", 1).length).toBeLessThanOrEqual(50)
  })
})
