import { defaultPolicyDefinition } from "../../../lib/returns"
import type { ReturnPolicy } from "../../../lib/returns/types"
import type { ReturnContext } from "../utils/return-context"
import { isQuantityProblem, planReturnRequest } from "../utils/return-plan"

const NOW = new Date("2026-12-01T12:00:00Z")

const policy = (over: Partial<ReturnPolicy["definition"]> = {}): ReturnPolicy => ({
  id: "orpol_1",
  name: "Store policy",
  active: true,
  priority: 10,
  market: null,
  definition: { ...defaultPolicyDefinition(), restocking_fee_percent: 10, ...over },
})

/** A Boston order of 2 tees and 1 mug, delivered yesterday; Newark stocks both, Reno only the mug. */
function context(over: { policy?: ReturnPolicy; carrierAtNewark?: boolean } = {}): ReturnContext {
  const p = over.policy ?? policy()
  const line = (id: string, sku: string, item: string, quantity: number, unit: number) => ({
    id,
    title: sku,
    variant_id: `variant_${sku}`,
    product_id: `prod_${sku}`,
    sku,
    quantity,
    fulfilled_quantity: quantity,
    return_requested_quantity: 0,
    return_received_quantity: 0,
    return_dismissed_quantity: 0,
    unit_refund: unit,
    product: { collection_id: null, category_ids: [], tag_ids: [], type_id: null },
    item,
  })
  const lines = [line("ordli_tee", "TEE-L", "iitem_tee", 2, 30), line("ordli_mug", "MUG-B", "iitem_mug", 1, 16)]
  const stock = (n: number) => ({ stocked: n, reserved: 0, safety_stock: 0, open_need: 0 })
  return {
    order: {
      id: "order_1",
      display_id: 7,
      status: "completed",
      email: "a@example.com",
      customer_id: "cus_1",
      currency_code: "usd",
      region_id: "reg_us",
      sales_channel_id: "sc_1",
      shipping_address: { city: "Boston", country_code: "us" },
    },
    eligibility_input: {
      order: {
        id: "order_1",
        currency_code: "usd",
        canceled: false,
        region_id: "reg_us",
        sales_channel_id: "sc_1",
        country_code: "us",
        items: lines.map(({ item: _item, ...l }) => l),
        fulfillments: [
          {
            created_at: "2026-11-28T10:00:00Z",
            shipped_at: "2026-11-28T12:00:00Z",
            delivered_at: "2026-11-30T12:00:00Z",
            items: lines.map((l) => ({ line_item_id: l.id, quantity: l.quantity })),
          },
        ],
      },
      policies: [p],
      now: NOW,
    },
    items: Object.fromEntries(
      lines.map((l) => [l.id, { id: l.id, title: l.title, variant_id: l.variant_id, product_id: l.product_id, sku: l.sku, barcode: null, inventory_item_id: l.item }])
    ),
    reasons: { by_id: { rr_size: "wrong_size", rr_other: "other" }, by_value: { wrong_size: "rr_size", other: "rr_other" } },
    policies: [p],
    candidates: [
      { location_id: "sloc_newark", name: "Newark DC", latitude: 40.73, longitude: -74.17, stock: { iitem_tee: stock(50), iitem_mug: stock(5) }, receives: true },
      { location_id: "sloc_reno", name: "Reno", latitude: 39.53, longitude: -119.81, stock: { iitem_mug: stock(5) }, receives: true },
    ],
    locations: {
      sloc_newark: {
        id: "sloc_newark",
        name: "Newark DC",
        address: { city: "Newark", country_code: "us" },
        return_options: {
          drop_off_option_id: "so_return_newark",
          carrier: over.carrierAtNewark ? { option_id: "so_label_newark", account_id: "ocar_1", service_code: null } : null,
        },
      },
      sloc_reno: { id: "sloc_reno", name: "Reno", address: { city: "Reno", country_code: "us" }, return_options: { drop_off_option_id: "so_return_reno", carrier: null } },
    },
    origin: { latitude: 42.36, longitude: -71.06 },
  }
}

const ask = (items: any[], over: Record<string, unknown> = {}) => ({ items, method: "drop_off" as const, resolution: "refund" as const, ...over })

describe("planReturnRequest", () => {
  it("plans each line at its destination with the sentence, the parcel to the location of most units, terms and the promised refund", () => {
    const { problems, plan } = planReturnRequest(
      context({ policy: policy({ destination: { strategy: "fixed", location_id: "sloc_reno" } }) }),
      ask([{ line_item_id: "ordli_mug", quantity: 1, reason_id: "rr_size" }]),
      "store"
    )
    expect(problems).toEqual([])
    expect(plan).toMatchObject({
      location_id: "sloc_reno",
      return_option_id: "so_return_reno",
      policy_id: "orpol_1",
      terms: { restocking_fee_percent: 10, shipping: { mode: "free" }, label_amount: null },
      // 16.00 less the 10% restocking fee
      expected_refund: 14.4,
      carrier: null,
    })
    expect(plan!.lines).toEqual([
      expect.objectContaining({ order_line_item_id: "ordli_mug", reason_value: "wrong_size", destination_location_id: "sloc_reno", destination_sentence: "Reno (fixed by policy)", keep_it: false }),
    ])
  })

  it("sends the parcel where most units go when lines' destinations differ", () => {
    const ctx = context()
    // The mug is nearest at Newark too; make Reno the only one for the mug to split the lines.
    ctx.candidates[0].stock = { iitem_tee: ctx.candidates[0].stock.iitem_tee }
    const { plan } = planReturnRequest(ctx, ask([{ line_item_id: "ordli_mug", quantity: 1 }, { line_item_id: "ordli_tee", quantity: 2 }]), "store")
    expect(plan!.lines.map((l) => l.destination_location_id)).toEqual(["sloc_reno", "sloc_newark"])
    expect(plan!.location_id).toBe("sloc_newark")
  })

  it("names the field of every problem: quantity, unknown reason, a note the reason needs, a label nobody sells", () => {
    const ctx = context({ policy: policy({ reasons: { other: { note_required: true } } }) })
    const { problems, plan } = planReturnRequest(
      ctx,
      ask([
        { line_item_id: "ordli_tee", quantity: 3 },
        { line_item_id: "ordli_mug", quantity: 1, reason_id: "rr_nope" },
      ]),
      "store"
    )
    expect(plan).toBeNull()
    expect(problems.map((p) => p.field).sort()).toEqual(["items.0.quantity", "items.1.reason_id"])

    const note = planReturnRequest(ctx, ask([{ line_item_id: "ordli_mug", quantity: 1, reason_id: "rr_other" }]), "store")
    expect(note.problems.map((p) => p.field)).toEqual(["items.0.note"])

    const label = planReturnRequest(ctx, ask([{ line_item_id: "ordli_tee", quantity: 1 }], { method: "label" }), "store")
    expect(label.problems.map((p) => p.field)).toEqual(["method"])
    const sold = planReturnRequest(context({ carrierAtNewark: true }), ask([{ line_item_id: "ordli_tee", quantity: 1 }], { method: "label" }), "store")
    expect(sold.plan!.carrier).toEqual({ account_id: "ocar_1", service_code: null })
  })

  it("counts units already requested elsewhere: what another return took is a quantity problem (409 under the lock)", () => {
    const ctx = context()
    ctx.eligibility_input.order.items[0].return_requested_quantity = 2
    const { problems } = planReturnRequest(ctx, ask([{ line_item_id: "ordli_tee", quantity: 1 }]), "store")
    expect(problems.map((p) => p.field)).toEqual(["items.0.quantity"])
    expect(problems.every(isQuantityProblem)).toBe(true)
    expect(isQuantityProblem({ field: "items.0.note", message: "" })).toBe(false)
  })

  it("refuses every line when no policy covers the order", () => {
    const ctx = context()
    ctx.policies = []
    ctx.eligibility_input.policies = []
    const { problems, plan } = planReturnRequest(ctx, ask([{ line_item_id: "ordli_tee", quantity: 1 }]), "store")
    expect(plan).toBeNull()
    expect(problems.length).toBeGreaterThan(0)
  })
})
