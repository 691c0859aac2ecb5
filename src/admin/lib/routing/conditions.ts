import type { Condition } from "../../../lib/rules/condition"

/**
 * A rule's condition as the editor shows it: a list of "field operator value" rows that must all
 * hold. The stored form is the condition language of src/lib/rules: one row is the condition
 * itself, several are `{ type: "all" }`, a negative operator wraps a row in `{ type: "not" }`.
 * Anything else (an "any", nesting) is kept as it is and shown as a sentence, not edited.
 */
export type ConditionField =
  | "country"
  | "province"
  | "postal_prefix"
  | "sales_channel"
  | "shipping_option"
  | "customer_group"
  | "product_tag"
  | "product_type"
  | "shipping_profile"
  | "order_value"

export type ConditionOperator = "in" | "not_in" | "at_least" | "at_most" | "between"

/** Values as typed: a comma-separated list, or numbers as strings (so a field can be cleared). */
export type ConditionRow = { field: ConditionField; operator: ConditionOperator; value: string; max: string }

export type ConditionForm = { rows: ConditionRow[]; advanced: Condition | null }

const LIST_FIELDS = ["country", "province", "postal_prefix", "sales_channel", "shipping_option"] as const
const ANY_OF_FIELDS = ["product_tag", "product_type", "shipping_profile", "customer_group"] as const

export const CONDITION_FIELDS: Array<{ value: ConditionField; label: string; placeholder: string }> = [
  { value: "country", label: "Country", placeholder: "US, CA" },
  { value: "province", label: "Province / state", placeholder: "CA, NY" },
  { value: "postal_prefix", label: "Postal code", placeholder: "90, 10001" },
  { value: "sales_channel", label: "Sales channel ID", placeholder: "sc_…" },
  { value: "shipping_option", label: "Shipping option ID", placeholder: "so_…" },
  { value: "customer_group", label: "Customer group ID", placeholder: "cusgroup_…" },
  { value: "product_tag", label: "Product tag", placeholder: "fragile, bulky" },
  { value: "product_type", label: "Product type", placeholder: "furniture" },
  { value: "shipping_profile", label: "Shipping profile ID", placeholder: "sp_…" },
  { value: "order_value", label: "Order value", placeholder: "100" },
]

export const operatorsFor = (field: ConditionField): Array<{ value: ConditionOperator; label: string }> => {
  if (field === "order_value") {
    return [
      { value: "at_least", label: "is at least" },
      { value: "at_most", label: "is at most" },
      { value: "between", label: "is between" },
    ]
  }
  if (field === "postal_prefix") {
    return [
      { value: "in", label: "starts with" },
      { value: "not_in", label: "does not start with" },
    ]
  }
  if ((ANY_OF_FIELDS as readonly string[]).includes(field)) {
    return [
      { value: "in", label: "includes any of" },
      { value: "not_in", label: "includes none of" },
    ]
  }
  return [
    { value: "in", label: "is one of" },
    { value: "not_in", label: "is not one of" },
  ]
}

export const newConditionRow = (): ConditionRow => ({ field: "country", operator: "in", value: "", max: "" })

/** A field change keeps the operator when the new field has it, else takes the field's first. */
export const withField = (row: ConditionRow, field: ConditionField): ConditionRow => {
  const operators = operatorsFor(field)
  const operator = operators.some((o) => o.value === row.operator) ? row.operator : operators[0].value
  return { ...row, field, operator }
}

const list = (value: string) =>
  value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)

/** Empty stays empty (null) so the server names the missing number; anything else as typed. */
const number = (value: string) => (value.trim() === "" ? (null as unknown as number) : Number(value))

const rowToCondition = (row: ConditionRow): Condition => {
  if (row.field === "order_value") {
    if (row.operator === "at_least") return { type: "order_value", min: number(row.value) }
    if (row.operator === "at_most") return { type: "order_value", max: number(row.value) }
    return { type: "order_value", min: number(row.value), max: number(row.max) }
  }
  const positive: Condition = (ANY_OF_FIELDS as readonly string[]).includes(row.field)
    ? { type: row.field as (typeof ANY_OF_FIELDS)[number], any_of: list(row.value) }
    : { type: row.field as (typeof LIST_FIELDS)[number], in: list(row.value) }
  return row.operator === "not_in" ? { type: "not", condition: positive } : positive
}

/** The condition to store: undefined without rows, the row itself for one, "all" for several. */
export const toCondition = (form: ConditionForm): Condition | undefined => {
  if (form.advanced) return form.advanced
  if (form.rows.length === 0) return undefined
  const conditions = form.rows.map(rowToCondition)
  return conditions.length === 1 ? conditions[0] : { type: "all", conditions }
}

const simpleRow = (condition: Condition, negated: boolean): ConditionRow | null => {
  switch (condition.type) {
    case "order_value": {
      if (negated) return null
      const text = (n: number | undefined) => (n === undefined || n === null ? "" : String(n))
      if (condition.min !== undefined && condition.max !== undefined) {
        return { field: "order_value", operator: "between", value: text(condition.min), max: text(condition.max) }
      }
      return condition.min !== undefined
        ? { field: "order_value", operator: "at_least", value: text(condition.min), max: "" }
        : { field: "order_value", operator: "at_most", value: text(condition.max), max: "" }
    }
    case "not":
      return negated ? null : simpleRow(condition.condition, true)
    case "all":
    case "any":
    // Shipment tests (rate shopping) have no row in the routing form; kept whole as advanced.
    case "weight":
    case "parcel_count":
    // A region test (return policies' markets) has no row in the routing form either.
    case "region":
      return null
    default: {
      const values = "in" in condition ? condition.in : condition.any_of
      return { field: condition.type, operator: negated ? "not_in" : "in", value: values.join(", "), max: "" }
    }
  }
}

/** Rows for a stored condition; a shape the rows cannot say is kept whole as `advanced`. */
export const toConditionForm = (condition: unknown): ConditionForm => {
  if (condition === undefined || condition === null) return { rows: [], advanced: null }
  const stored = condition as Condition
  const parts = stored.type === "all" ? stored.conditions : [stored]
  const rows = parts.map((part) => simpleRow(part, false))
  if (rows.some((row) => row === null)) return { rows: [], advanced: stored }
  return { rows: rows as ConditionRow[], advanced: null }
}

/**
 * The rule (by index) and condition row a server message is about, read from the dotted field
 * path the API names ("Field 'definition.rules.1.condition.conditions.0.in': ..."); null when it
 * names none. Medusa's older comma form ("rules, 1, condition") is read too.
 */
export const conditionErrorTarget = (message: string): { rule: number; row: number | null } | null => {
  const rule = /rules(?:, |\[|\.)(\d+)/.exec(message)
  if (!rule || !/condition/.test(message)) return null
  const row = /conditions(?:, |\[|\.)(\d+)/.exec(message)
  return { rule: Number(rule[1]), row: row ? Number(row[1]) : null }
}
