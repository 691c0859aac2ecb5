/**
 * The decisions aggregate behind the Order management page's routing counts. It lives in the
 * routing module because it reads the module's own table; the service runs it.
 */
export type RoutingCounts = {
  /** Orders whose decision was made today and placed units (routed or partially routed). */
  routed_today: number
  /** Of those, orders that ship in more than one shipment. */
  split_today: number
  /** split_today / routed_today; null when nothing was routed today. */
  split_rate: number | null
  /** Mean over today's routed orders of the summed shipment distances; null when nothing was routed today. */
  average_km: number | null
  /** Orders waiting now, whatever day they were placed. */
  held: number
  backordered: number
}

export type Row = { routed: string | number; split: string | number; km: string | number | null; held: string | number; backordered: string | number }

/**
 * One aggregate over the decisions table instead of reading every plan: plans carry what the
 * planner saw (lines, candidates with stock), so loading a day of them to count shipments would
 * move megabytes for six numbers. A shipment without a distance counts 0 km, as in the simulator.
 */
export const ROUTING_COUNTS_SQL = `
with today as (
  select
    case when jsonb_typeof(d.plan->'shipments') = 'array' then jsonb_array_length(d.plan->'shipments') else 0 end as shipments,
    (select coalesce(sum(nullif(s->>'distance_km', '')::numeric), 0)
       from jsonb_array_elements(case when jsonb_typeof(d.plan->'shipments') = 'array' then d.plan->'shipments' else '[]'::jsonb end) s) as km
  from oms_routing_decision d
  where d.deleted_at is null and d.created_at >= ? and d.status in ('routed', 'partially_routed')
)
select
  (select count(*) from today) as routed,
  (select count(*) from today where shipments > 1) as split,
  (select sum(km) from today) as km,
  count(*) filter (where status = 'held') as held,
  count(*) filter (where status = 'backordered') as backordered
from oms_routing_decision
where deleted_at is null and status in ('held', 'backordered')
`

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits

/** The counts from the aggregate's one row. */
export function countsFromRow(row: Row): RoutingCounts {
  const routed = Number(row.routed)
  const split = Number(row.split)
  return {
    routed_today: routed,
    split_today: split,
    split_rate: routed ? round(split / routed, 4) : null,
    average_km: routed ? round(Number(row.km ?? 0) / routed, 1) : null,
    held: Number(row.held),
    backordered: Number(row.backordered),
  }
}
