import { defaultPolicyDefinition } from "../../../lib/returns/defaults"
import { marketCondition, marketLists } from "../../../lib/returns/market-lists"
import type { AdminReturnPolicyPayload as PolicyPayload, Resolution, ReturnPolicy, ReturnPolicyDefinition } from "../../../types/returns"

type Selector = ReturnPolicyDefinition["exclusions"][number]

/** A product selector row as typed: its kind and comma-separated ids. */
export type SelectorRow = { kind: Selector["kind"]; ids: string }

/**
 * The policy drawer's fields as typed (numbers as strings so a field can be cleared; the
 * server validates and names the field when one is wrong).
 */
export type PolicyForm = {
  name: string
  priority: string
  active: boolean
  countries: string
  regions: string[]
  sales_channels: string[]
  /** A stored market the lists cannot show ("any", "not"): kept as it is. */
  advanced_market: ReturnPolicy["market"] | undefined
  window_days: string
  transit_days: string
  exclusions: SelectorRow[]
  final_sale: SelectorRow[]
  reasons: ReturnPolicyDefinition["reasons"]
  restocking_fee_percent: string
  shipping_mode: ReturnPolicyDefinition["shipping"]["mode"]
  shipping_amount: string
  keep_it_under: string
  resolutions: Resolution[]
  refund_damaged: boolean
  destination_strategy: ReturnPolicyDefinition["destination"]["strategy"]
  destination_location_id: string
}

export const SELECTOR_KINDS: { value: Selector["kind"]; label: string; placeholder: string }[] = [
  { value: "product", label: "Products", placeholder: "prod_…" },
  { value: "collection", label: "Collections", placeholder: "pcol_…" },
  { value: "category", label: "Categories", placeholder: "pcat_…" },
  { value: "tag", label: "Tags", placeholder: "ptag_…" },
  { value: "type", label: "Types", placeholder: "ptyp_…" },
]

export const SHIPPING_MODES = [
  { value: "free", label: "Free return shipping" },
  { value: "flat", label: "Flat charge" },
  { value: "carrier_rate", label: "The return label's price" },
]

export const DESTINATION_STRATEGIES = [
  { value: "nearest", label: "Nearest location able to receive" },
  { value: "short", label: "The location short of the item" },
  { value: "fixed", label: "One returns centre" },
]

export const RESOLUTION_CHOICES: { value: Resolution; label: string }[] = [
  { value: "refund", label: "Refund" },
  { value: "store_credit", label: "Store credit" },
  { value: "exchange", label: "Exchange" },
]

const text = (n: number | null | undefined) => (n === null || n === undefined ? "" : String(n))
const list = (value: string) =>
  value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
/** Empty stays null so the server names the missing number; anything else as typed. */
const number = (value: string) => (value.trim() === "" ? (null as unknown as number) : Number(value))

/** A new policy starts from the core's sensible first policy, as the server would fill it. */
export const NEW_POLICY: ReturnPolicy = {
  id: "",
  name: "",
  active: true,
  priority: 100,
  market: null,
  definition: defaultPolicyDefinition(),
}

export const toForm = (policy: ReturnPolicy): PolicyForm => {
  const d = policy.definition
  const lists = marketLists(policy.market)
  return {
    name: policy.name,
    priority: String(policy.priority),
    active: policy.active,
    countries: lists ? lists.countries.join(", ") : "",
    regions: lists?.regions ?? [],
    sales_channels: lists?.sales_channels ?? [],
    advanced_market: lists ? undefined : policy.market,
    window_days: text(d.window_days),
    transit_days: text(d.transit_days),
    exclusions: d.exclusions.map((s) => ({ kind: s.kind, ids: s.ids.join(", ") })),
    final_sale: d.final_sale.map((s) => ({ kind: s.kind, ids: s.ids.join(", ") })),
    reasons: d.reasons,
    restocking_fee_percent: text(d.restocking_fee_percent),
    shipping_mode: d.shipping.mode,
    shipping_amount: d.shipping.mode === "flat" ? text(d.shipping.amount) : "",
    keep_it_under: text(d.keep_it_under),
    resolutions: d.resolutions,
    refund_damaged: d.refund_damaged,
    destination_strategy: d.destination.strategy,
    destination_location_id: d.destination.strategy === "fixed" ? d.destination.location_id : "",
  }
}

/** The payload to save; every definition field is sent, so what the drawer shows is what is stored. */
export const toPayload = (form: PolicyForm): PolicyPayload => {
  const selectors = (rows: SelectorRow[]) => rows.map((r) => ({ kind: r.kind, ids: list(r.ids) }))
  // A requirement with neither box ticked is left out, so the stored policy stays short.
  const reasons = Object.fromEntries(Object.entries(form.reasons).filter(([, r]) => r.note_required || r.photo_required))
  const shipping: ReturnPolicyDefinition["shipping"] =
    form.shipping_mode === "flat" ? { mode: "flat", amount: number(form.shipping_amount) } : { mode: form.shipping_mode }
  const destination: ReturnPolicyDefinition["destination"] =
    form.destination_strategy === "fixed"
      ? { strategy: "fixed", location_id: form.destination_location_id }
      : { strategy: form.destination_strategy }
  return {
    name: form.name,
    priority: number(form.priority),
    active: form.active,
    market:
      form.advanced_market !== undefined
        ? form.advanced_market
        : marketCondition({ countries: list(form.countries), regions: form.regions, sales_channels: form.sales_channels }),
    definition: {
      window_days: number(form.window_days),
      transit_days: number(form.transit_days),
      exclusions: selectors(form.exclusions),
      final_sale: selectors(form.final_sale),
      reasons,
      restocking_fee_percent: number(form.restocking_fee_percent),
      shipping,
      keep_it_under: form.keep_it_under.trim() === "" ? null : Number(form.keep_it_under),
      resolutions: form.resolutions,
      refund_damaged: form.refund_damaged,
      destination,
    },
  }
}
