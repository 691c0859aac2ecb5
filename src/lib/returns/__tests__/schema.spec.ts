import { defaultPolicyDefinition } from "../defaults"
import { MalformedReturnPolicyError, parseReturnPolicy, returnPolicyDefinitionSchema, returnPolicySchema, returnPolicyUpdateSchema } from "../schema"
import { describeIssues } from "../../validation"

const messages = (schema: { safeParse: (v: unknown) => any }, value: unknown) => {
  const r = schema.safeParse(value)
  return r.success ? [] : describeIssues(r.error.issues, { schema, input: value })
}

describe("the policy schema", () => {
  it("accepts the default definition and fills active, priority and market", () => {
    expect(returnPolicySchema.parse({ name: "Everywhere", definition: defaultPolicyDefinition() })).toEqual({
      name: "Everywhere",
      active: true,
      priority: 100,
      market: null,
      definition: defaultPolicyDefinition(),
    })
  })

  it("names the field and what is allowed", () => {
    const bad = { ...defaultPolicyDefinition(), restocking_fee_percent: 120, shipping: { mode: "postage" }, resolutions: ["refund", "cash"] }
    const text = messages(returnPolicyDefinitionSchema, bad).join("\n")
    expect(text).toMatch(/restocking_fee_percent.*100/)
    expect(text).toMatch(/shipping\.mode.*free.*flat.*carrier_rate/)
    expect(text).toMatch(/resolutions\.1.*refund.*store_credit.*exchange/)
  })

  it("refuses unknown settings, a flat fee without amount and a fixed destination without location", () => {
    const text = messages(returnPolicyDefinitionSchema, {
      ...defaultPolicyDefinition(),
      window: 30,
      shipping: { mode: "flat" },
      destination: { strategy: "fixed" },
    }).join("\n")
    expect(text).toMatch(/window.*not allowed/)
    expect(text).toMatch(/shipping\.amount.*required/)
    expect(text).toMatch(/destination\.location_id.*required/)
  })

  it("takes a market in the rules language, region included", () => {
    const ok = returnPolicySchema.safeParse({ name: "EU", market: { type: "region", in: ["reg_eu"] }, definition: defaultPolicyDefinition() })
    expect(ok.success).toBe(true)
    expect(returnPolicySchema.safeParse({ name: "EU", market: { type: "planet", in: ["mars"] }, definition: defaultPolicyDefinition() }).success).toBe(false)
  })

  it("lets an update change a single setting", () => {
    expect(returnPolicyUpdateSchema.parse({ definition: { window_days: 14 } })).toEqual({ definition: { window_days: 14 } })
    expect(returnPolicyUpdateSchema.safeParse({ definition: { window_days: -1 } }).success).toBe(false)
  })
})

describe("reading a stored policy row", () => {
  const row = { id: "orpol_1", name: "EU", active: true, priority: 10, market: null, definition: defaultPolicyDefinition(), created_at: new Date() }

  it("returns the policy without the row's other columns", () => {
    expect(parseReturnPolicy(row)).toEqual({ id: "orpol_1", name: "EU", active: true, priority: 10, market: null, definition: defaultPolicyDefinition() })
  })

  it("names the row and the field of a malformed definition", () => {
    const broken = { ...row, definition: { ...defaultPolicyDefinition(), window_days: "thirty" } }
    expect(() => parseReturnPolicy(broken)).toThrow(MalformedReturnPolicyError)
    expect(() => parseReturnPolicy(broken)).toThrow(/Stored return policy orpol_1 \("EU"\) is malformed: Field 'definition\.window_days' must be a number/)
  })
})
