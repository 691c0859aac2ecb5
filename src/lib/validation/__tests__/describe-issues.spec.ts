import { z } from "zod"
import { ruleSetSchema } from "../../routing/schema"
import { describeIssues } from "../describe-issues"

/** Parses `input` with `schema` and returns the sentences a 400 would carry. */
function sentences(schema: z.ZodType, input: unknown, root = "the request body") {
  const result = schema.safeParse(input)
  if (result.success) throw new Error("expected the input to be refused")
  return describeIssues(result.error.issues, { schema, input, root })
}

const validRuleSet = { rules: [{ kind: "filter", type: "active" }], split: { type: "allowed" }, partial: "split" }
const body = z.strictObject({ definition: ruleSetSchema, name: z.string().min(1).max(5) })

describe("describeIssues", () => {
  describe("the issue's own examples", () => {
    it("names the split type and the allowed values for an unknown discriminator", () => {
      expect(sentences(body, { name: "x", definition: { ...validRuleSet, split: { type: "sometimes" } } })).toEqual([
        "Field 'definition.split.type' must be one of: none, allowed, max_shipments, min_shipment_value (got 'sometimes')",
      ])
    })

    it("says an unknown rule type is not allowed (it is present) and lists the allowed types", () => {
      const rules = [{ kind: "filter", type: "nearest" }]
      expect(sentences(body, { name: "x", definition: { ...validRuleSet, rules } })).toEqual([
        "Field 'definition.rules.0.type' must be one of: active, serves_market, capacity, safety_stock, include_locations, exclude_locations (got 'nearest')",
      ])
    })

    it("picks the rule kind's branch of a discriminated union", () => {
      const rules = [{ kind: "rank", type: "nearest" }]
      expect(sentences(body, { name: "x", definition: { ...validRuleSet, rules } })).toEqual([
        "Field 'definition.rules.0.type' must be one of: priority, distance, fewest_shipments, inventory_balance, location_id (got 'nearest')",
      ])
    })

    it("says a missing discriminator is required and what it may be", () => {
      const rules = [{ type: "active" }]
      expect(sentences(body, { name: "x", definition: { ...validRuleSet, rules } })).toEqual([
        "Field 'definition.rules.0.kind' is required; must be one of: filter, rank",
      ])
    })

    it("names a condition's field inside a rule (the admin places the message under that rule)", () => {
      const rules = [{ kind: "filter", type: "active", condition: { type: "country", in: [] } }]
      expect(sentences(body, { name: "x", definition: { ...validRuleSet, rules } })).toEqual([
        "Field 'definition.rules.0.condition.in': list at least one value",
      ])
    })

    it("lists the condition types for an unknown one, through the recursive conditions", () => {
      const condition = { type: "all", conditions: [{ type: "weather", in: ["rain"] }] }
      const [sentence] = sentences(body, { name: "x", definition: { ...validRuleSet, rules: [{ kind: "filter", type: "active", condition }] } })
      expect(sentence).toMatch(/^Field 'definition\.rules\.0\.condition\.conditions\.0\.type' must be one of: country, .*order_value, all, any, not \(got 'weather'\)$/)
    })
  })

  it("invalid_type: a missing field is required, a wrong one says the type and what came", () => {
    const schema = z.object({ name: z.string(), count: z.number(), tags: z.array(z.string()), meta: z.object({}) })
    expect(sentences(schema, { count: "3", tags: "a", meta: 1 })).toEqual([
      "Field 'name' is required (a string)",
      "Field 'count' must be a number (got '3')",
      "Field 'tags' must be an array (got 'a')",
      "Field 'meta' must be an object (got '1')",
    ])
    expect(sentences(schema, "text")).toEqual(["The request body must be an object (got 'text')"])
    expect(sentences(z.object({ when: z.string().nullable() }), { when: 5 })).toEqual(["Field 'when' must be a string (got '5')"])
  })

  it("invalid_type: a coerced query number quotes what was sent", () => {
    const query = z.object({ limit: z.coerce.number().int() })
    expect(sentences(query, { limit: "many" }, "the query")).toEqual(["Field 'limit' must be a number (got 'many')"])
    const reported = query.safeParse({ limit: "many" }, { reportInput: true }).error!.issues
    expect(describeIssues(reported, { schema: query, input: { limit: "many" } })).toEqual(["Field 'limit' must be a number (got 'many')"])
  })

  it("invalid_value: enums and literals list what is allowed", () => {
    expect(sentences(z.object({ reason: z.enum(["not_in_stock", "damaged"]) }), { reason: "lost" })).toEqual([
      "Field 'reason' must be one of: not_in_stock, damaged (got 'lost')",
    ])
    expect(sentences(z.object({ reason: z.enum(["not_in_stock", "damaged"]) }), {})).toEqual([
      "Field 'reason' is required; must be one of: not_in_stock, damaged",
    ])
    expect(sentences(z.object({ kind: z.literal("filter") }), { kind: "rank" })).toEqual(["Field 'kind' must be filter (got 'rank')"])
  })

  it("invalid_union: the closest option speaks, so a one-or-many enum lists the values", () => {
    const status = z.enum(["open", "canceled"])
    const schema = z.object({ status: z.union([status, z.array(status)]) })
    expect(sentences(schema, { status: "cancelled" })).toEqual(["Field 'status' must be one of: open, canceled (got 'cancelled')"])
    expect(sentences(schema, { status: ["open", "cancelled"] })).toEqual([
      "Field 'status.1' must be one of: open, canceled (got 'cancelled')",
    ])
  })

  it("invalid_union: when every option refuses the type, the types are listed", () => {
    const schema = z.object({ id: z.union([z.string(), z.number()]) })
    expect(sentences(schema, { id: true })).toEqual(["Field 'id' must be a string or a number (got 'true')"])
    expect(sentences(schema, {})).toEqual(["Field 'id' is required (a string or a number)"])
  })

  it("invalid_union: objects without a discriminator use the option that got furthest", () => {
    const schema = z.object({
      window: z.union([z.strictObject({ last: z.number().int().min(1) }), z.strictObject({ from: z.string(), to: z.string() })]),
    })
    expect(sentences(schema, { window: { last: 0 } })).toEqual(["Field 'window.last' must be at least 1"])
  })

  it("unrecognized_keys: names each unknown field and lists the allowed ones", () => {
    expect(sentences(body, { name: "x", definition: { ...validRuleSet, extra: 1 }, colour: "red" })).toEqual([
      "Field 'definition.extra' is not allowed; allowed: rules, split, partial, hold_unplaced",
      "Field 'colour' is not allowed; allowed: definition, name",
    ])
  })

  it("too_small and too_big: strings, numbers, arrays, dates", () => {
    const schema = z.object({
      name: z.string().min(1).max(5),
      code: z.string().min(3),
      pin: z.string().length(4),
      priority: z.number().int().min(0).max(1000),
      weight: z.number().positive(),
      share: z.number().lt(1),
      items: z.array(z.string()).min(1),
      pair: z.array(z.string()).min(2).max(2),
      at: z.date().min(new Date("2026-01-01T00:00:00Z")),
    })
    expect(
      sentences(schema, {
        name: "",
        code: "ab",
        pin: "123",
        priority: 1001,
        weight: 0,
        share: 1,
        items: [],
        pair: ["a", "b", "c"],
        at: new Date("2025-01-01T00:00:00Z"),
      })
    ).toEqual([
      "Field 'name' must not be empty",
      "Field 'code' must be at least 3 characters",
      "Field 'pin' must be exactly 4 characters",
      "Field 'priority' must be at most 1000",
      "Field 'weight' must be greater than 0",
      "Field 'share' must be less than 1",
      "Field 'items' must list at least one item",
      "Field 'pair' must have at most 2 items",
      "Field 'at' must be on or after 2026-01-01T00:00:00.000Z",
    ])
    expect(sentences(z.object({ name: z.string().max(5) }), { name: "toolong" })).toEqual(["Field 'name' must be at most 5 characters"])
  })

  it("invalid_format: e-mail, pattern, prefix, ISO date-time", () => {
    const schema = z.object({
      email: z.email(),
      code: z.string().regex(/^[A-Z]{2}$/),
      id: z.string().startsWith("ord_"),
      at: z.iso.datetime(),
    })
    expect(sentences(schema, { email: "nobody", code: "us", id: "x1", at: "yesterday" })).toEqual([
      "Field 'email' must be an e-mail address (got 'nobody')",
      "Field 'code' must match the pattern /^[A-Z]{2}$/ (got 'us')",
      "Field 'id' must start with 'ord_' (got 'x1')",
      "Field 'at' must be an ISO date-time such as 2026-11-22T10:00:00Z (got 'yesterday')",
    ])
  })

  it("not_multiple_of", () => {
    expect(sentences(z.object({ pack: z.number().multipleOf(6) }), { pack: 8 })).toEqual(["Field 'pack' must be a multiple of 6 (got '8')"])
  })

  it("custom: keeps the author's sentence, naming the field when it does not", () => {
    const schema = z
      .object({ latitude: z.number().optional(), longitude: z.number().optional() })
      .refine((b) => (b.latitude === undefined) === (b.longitude === undefined), {
        message: "latitude and longitude must be given together",
        path: ["longitude"],
      })
    expect(sentences(schema, { latitude: 1 })).toEqual(["Field 'longitude': latitude and longitude must be given together"])
    const named = z.object({ last: z.number() }).refine(() => false, { message: "Field 'last' cannot be combined with 'from'", path: ["last"] })
    expect(sentences(named, { last: 3 })).toEqual(["Field 'last' cannot be combined with 'from'"])
    const unnamed = z.object({ span: z.number() }).refine(() => false, { message: "choose a shorter span", path: ["span"] })
    expect(sentences(unnamed, { span: 3 })).toEqual(["Field 'span': choose a shorter span"])
    const silent = z.object({ span: z.number().refine(() => false) })
    expect(sentences(silent, { span: 3 })).toEqual(["Field 'span' is invalid (got '3')"])
  })

  it("keeps an author's message on a built-in check, with the field named", () => {
    const schema = z.object({ code: z.string().min(1, { message: "Field 'code' must not be empty: give a bin code" }) })
    expect(sentences(schema, { code: "" })).toEqual(["Field 'code' must not be empty: give a bin code"])
  })

  it("invalid_key: a record's key is refused", () => {
    const schema = z.object({ prices: z.record(z.string().regex(/^[a-z]{3}$/), z.number()) })
    expect(sentences(schema, { prices: { EURO: 1 } })).toEqual(["Key 'EURO' of field 'prices' must match the pattern /^[a-z]{3}$/"])
  })

  it("invalid_element: a set's element or a map's value is refused", () => {
    const schema = z.object({ ids: z.set(z.string().min(2)), stock: z.map(z.string(), z.number()) })
    const result = sentences(schema, { ids: new Set(["a"]), stock: new Map([["SKU-1", "many"]]) })
    expect(result).toEqual(["Field 'ids' must be at least 2 characters", "Field 'stock.SKU-1' must be a number (got 'many')"])
  })

  it("reports each problem once", () => {
    const schema = z.object({ a: z.string() })
    const issues = schema.safeParse({}).error!.issues
    expect(describeIssues([...issues, ...issues], { schema, input: {} })).toEqual(["Field 'a' is required (a string)"])
  })
})

describe("describeIssues with exclusive unions", () => {
  it("invalid_union: says so when more than one option matched where one must", () => {
    const schema = z.object({ code: z.xor([z.string(), z.string().min(1)]) })
    expect(sentences(schema, { code: "ab" })).toEqual(["Field 'code' matches more than one allowed form (got 'ab')"])
  })
})

describe("describeIssues with what zod saw", () => {
  it("quotes the value after a preprocess step when zod reports its input", () => {
    const status = z.enum(["open", "canceled"])
    const schema = z.object({
      status: z.preprocess((v) => (typeof v === "string" && v.includes(",") ? v.split(",") : v), z.union([status, z.array(status)])),
    })
    const input = { status: "open,cancelled" }
    const result = schema.safeParse(input, { reportInput: true })
    expect(describeIssues(result.error!.issues, { schema, input })).toEqual([
      "Field 'status.1' must be one of: open, canceled (got 'cancelled')",
    ])
  })
})
