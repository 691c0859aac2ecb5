import type { MetricDefinition, MetricKey } from "./types"

/**
 * How a metric's number is made from its facts:
 * - duration: one value (hours) per order or case; the headline is the p50, with p90 beside it;
 * - ratio: a numerator and a denominator summed over the facts, times `scale`
 *   (100 for percent and per 100 lines, 1 for "per order");
 * - cover: stock on hand now divided by the daily rate of units shipped over the period.
 */
export type MetricKind = "duration" | "ratio" | "cover"

/** Which filters narrow a metric (the others are ignored for it, and the page says so). */
export type MetricFilterKey = "location_id" | "sales_channel_id" | "carrier"

export type MetricSpec = MetricDefinition & {
  kind: MetricKind
  scale: number
  filters: MetricFilterKey[]
}

const ALL: MetricFilterKey[] = ["location_id", "sales_channel_id"]
const WITH_CARRIER: MetricFilterKey[] = ["location_id", "sales_channel_id", "carrier"]

/**
 * Every number on the Performance page. Lead times are measured over the orders PLACED in the
 * range (a cohort: the bucket is the day the order was placed, in the store's time zone);
 * orders that have not reached the step are left out, never counted as 0. The other numbers
 * say which instant puts a fact in the range.
 */
export const DEFINITIONS: Record<MetricKey, MetricSpec> = {
  placed_to_routed: {
    key: "placed_to_routed",
    label: "Placed to routed",
    unit: "hours",
    description:
      "Hours from an order being placed to its routing decision (routed or partly routed; held and backordered orders are left out), over orders placed in the range.",
    higher_is_better: false,
    drill_down: true,
    kind: "duration",
    scale: 1,
    filters: ALL,
  },
  placed_to_picked: {
    key: "placed_to_picked",
    label: "Placed to picked",
    unit: "hours",
    description:
      "Hours from placed to the end of picking of the last wave that holds the order's lines; an order with a wave still being picked is left out (canceled waves do not count).",
    higher_is_better: false,
    drill_down: true,
    kind: "duration",
    scale: 1,
    filters: ALL,
  },
  placed_to_packed: {
    key: "placed_to_packed",
    label: "Placed to packed",
    unit: "hours",
    description:
      "Hours from placed to the last pack of the order, counted once every wave holding its lines has packed it.",
    higher_is_better: false,
    drill_down: true,
    kind: "duration",
    scale: 1,
    filters: ALL,
  },
  placed_to_shipped: {
    key: "placed_to_shipped",
    label: "Placed to shipped",
    unit: "hours",
    description:
      "Hours from placed to the shipment of its LAST parcel: an order is shipped once every unit has shipped (a partly shipped order is not counted yet); with a carrier filter, orders with a label of that carrier.",
    higher_is_better: false,
    drill_down: true,
    kind: "duration",
    scale: 1,
    filters: WITH_CARRIER,
  },
  placed_to_delivered: {
    key: "placed_to_delivered",
    label: "Placed to delivered",
    unit: "hours",
    description:
      "Hours from placed to the delivery of its last parcel: an order is delivered once every unit has been delivered.",
    higher_is_better: false,
    drill_down: true,
    kind: "duration",
    scale: 1,
    filters: WITH_CARRIER,
  },
  split_rate: {
    key: "split_rate",
    label: "Split rate",
    unit: "percent",
    description:
      "Percent of routed orders placed in the range whose routing plan ships from more than one location.",
    higher_is_better: false,
    drill_down: true,
    kind: "ratio",
    scale: 100,
    filters: ALL,
  },
  parcels_per_order: {
    key: "parcels_per_order",
    label: "Parcels per order",
    unit: "count",
    description:
      "Outbound fulfillments (not canceled) per order, over orders placed in the range that have shipped in full.",
    higher_is_better: false,
    drill_down: true,
    kind: "ratio",
    scale: 1,
    filters: ALL,
  },
  distance_per_order: {
    key: "distance_per_order",
    label: "Distance per order",
    unit: "km",
    description:
      "Kilometres from the planned shipping location(s) to the customer, summed over the plan's shipments, per routed order placed in the range (a shipment without a distance counts 0 km).",
    higher_is_better: false,
    drill_down: true,
    kind: "ratio",
    scale: 1,
    filters: ALL,
  },
  wrong_scans_per_100_lines: {
    key: "wrong_scans_per_100_lines",
    label: "Wrong scans per 100 lines",
    unit: "per_100_lines",
    description:
      "Scans refused as the wrong bin or the wrong item per 100 pick-list lines, over waves whose picking ended in the range (a wave mixes sales channels, so that filter does not apply).",
    higher_is_better: false,
    drill_down: false,
    kind: "ratio",
    scale: 100,
    filters: ["location_id"],
  },
  short_picks_per_100_lines: {
    key: "short_picks_per_100_lines",
    label: "Short picks per 100 lines",
    unit: "per_100_lines",
    description: "Wave lines picked short (fewer units found than asked) per 100 wave lines, over waves whose picking ended in the range.",
    higher_is_better: false,
    drill_down: true,
    kind: "ratio",
    scale: 100,
    filters: ALL,
  },
  label_cost_per_order: {
    key: "label_cost_per_order",
    label: "Label cost per order",
    unit: "money",
    description:
      "Amounts of outbound labels purchased in the range (voided ones left out) per order that got one, in the labels' currency.",
    higher_is_better: false,
    drill_down: true,
    kind: "ratio",
    scale: 1,
    filters: WITH_CARRIER,
  },
  on_time_delivery: {
    key: "on_time_delivery",
    label: "On-time delivery",
    unit: "percent",
    description:
      "Percent of outbound parcels delivered in the range on or before the carrier's estimate (purchase day plus the rate's transit days, store time zone); labels without an estimate are left out.",
    higher_is_better: true,
    drill_down: true,
    kind: "ratio",
    scale: 100,
    filters: WITH_CARRIER,
  },
  return_rate: {
    key: "return_rate",
    label: "Return rate",
    unit: "percent",
    description:
      "Percent of units fulfilled in the range (by fulfillment day) that customers have asked back so far (canceled return cases left out); a part return counts only its units.",
    higher_is_better: false,
    drill_down: true,
    kind: "ratio",
    scale: 100,
    filters: ALL,
  },
  return_to_resolution: {
    key: "return_to_resolution",
    label: "Return to resolution",
    unit: "hours",
    description:
      "Hours from a return request to its resolution (refund, store credit or exchange), over return cases requested in the range; unresolved and canceled cases are left out.",
    higher_is_better: false,
    drill_down: true,
    kind: "duration",
    scale: 1,
    filters: ALL,
  },
  stock_cover_days: {
    key: "stock_cover_days",
    label: "Stock cover",
    unit: "days",
    description:
      "Units on hand now divided by the units shipped per day over the range (stock is shared by every sales channel, so that filter does not apply); null when nothing shipped.",
    higher_is_better: true,
    drill_down: false,
    kind: "cover",
    scale: 1,
    filters: ["location_id"],
  },
}

/** The definitions as the page shows them (without the computation's details). */
export function metricDefinitions(): MetricDefinition[] {
  return Object.values(DEFINITIONS).map(({ key, label, unit, description, higher_is_better, drill_down }) => ({
    key,
    label,
    unit,
    description,
    higher_is_better,
    drill_down,
  }))
}

export function isMetricKey(value: string): value is MetricKey {
  return Object.prototype.hasOwnProperty.call(DEFINITIONS, value)
}
