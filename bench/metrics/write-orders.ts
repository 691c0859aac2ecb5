/**
 * The bulk writer: a year of orders with everything the dashboard reads, written with
 * INSERT ... SELECT over generate_series in one session (temporary staging tables), in the
 * shapes the app itself writes (Medusa's order, item versions, summaries, fulfillments and
 * their link; the plugin's decisions, waves, packs, labels, tracking and returns). Every
 * random choice is a hash of the order number and a salt (hashint8extended), so the same N
 * gives the same history, and N orders are the first N of any larger run.
 *
 * What happens to an order (shares of all orders, roughly):
 * - markets: 55 % US (Newark or Reno), 25 % EU (Rotterdam), 20 % UK (Midlands, some Rotterdam);
 *   80 % Webshop, 20 % a second sales channel; 1-4 lines, 1-3 units each;
 * - 2 % canceled before routing, 1.5 % held or backordered, the rest routed a moment after
 *   placement; ~15 % split over two warehouses (a tenth of those ship only one parcel);
 * - 3 % routed but never picked; the rest picked in waves (one per warehouse and three hours),
 *   packed, labelled (a carrier and service per parcel, their price and promised days), shipped,
 *   delivered (about 88 % by the carrier's estimate, 3 % never tracked to the door);
 * - ~8 % of delivered orders asked back (reasons, part or all of the order), most resolved;
 * - what would happen after "now" has not happened: recent orders are still on their way.
 *
 * Left out (the dashboard does not read them): order_change_action, tax lines, adjustments,
 * payments, return_item, the label files' base64 in oms_label.parcels.
 */
import type { Client } from "pg"

export type WriteResult = { orders: number; lines: number; fulfillments: number; waves: number; labels: number; returns: number; ms: number }

/**
 * Every table the writer fills, and the order tables that point at them (empty here), so a
 * larger run can start from empty (TRUNCATE without CASCADE: nothing else is touched).
 */
export const WRITTEN_TABLES = [
  "order_change_action",
  "order_credit_line",
  "order_transaction",
  "order_line_item_adjustment",
  "order_line_item_tax_line",
  "order_shipping_method_adjustment",
  "order_shipping_method_tax_line",
  "fulfillment_label",
  "return_item",
  "oms_tracking_event",
  "oms_label",
  "oms_pack",
  "oms_wave_line",
  "oms_wave",
  "oms_return_inspection",
  "oms_return_line",
  "oms_return_case",
  "oms_routing_decision",
  '"return"',
  "reservation_item",
  "order_fulfillment",
  "fulfillment_item",
  "fulfillment",
  "fulfillment_address",
  "order_change",
  "order_shipping",
  "order_shipping_method",
  "order_summary",
  "order_item",
  "order_line_item",
  '"order"',
  "order_address",
]

const FUNCTIONS = [
  // Uniform in [0, 1) from an integer and a salt: the writer's only source of chance.
  `create or replace function pg_temp.r(i bigint, salt int) returns float8 language sql immutable as
   $$ select (hashint8extended(i, salt) & 9007199254740991)::float8 / 9007199254740992 $$`,
  // (stable, not immutable, where the body is only stable: so the planner inlines them.)
  // Ids shaped like Medusa's (prefix_ + 26 characters), sorted by time as ULIDs are.
  `create or replace function pg_temp.bid(prefix text, t timestamptz, n bigint) returns text language sql stable as
   $$ select prefix || '_' || upper(lpad(to_hex((extract(epoch from t) * 1000)::bigint), 12, '0')) || lpad(n::text, 14, '0') $$`,
  `create or replace function pg_temp.raw(n numeric) returns jsonb language sql stable as
   $$ select jsonb_build_object('value', n::text, 'precision', 20) $$`,
  `create or replace function pg_temp.hours(h float8) returns interval language sql immutable as
   $$ select make_interval(secs => h * 3600) $$`,
]

/** The staging tables: orders, lines, parcels, waves, returns, with every time decided. */
const STAGING = (n: number) => [
  `drop table if exists bo, bl, bf, bw, brc, brl`,
  `create temp table bo as
   with g as (
     select i, c.now_ts,
       c.now_ts - interval '365 days' * (1 - power(pg_temp.r(i, 1), 0.85)) as placed_at,
       pg_temp.r(i, 2) as u_mkt, pg_temp.r(i, 3) as u_addr, pg_temp.r(i, 4) as u_ch, pg_temp.r(i, 5) as u_lines,
       pg_temp.r(i, 6) as u_cancel, pg_temp.r(i, 7) as u_held, pg_temp.r(i, 8) as u_split, pg_temp.r(i, 9) as u_loc,
       pg_temp.r(i, 10) as u_stuck, pg_temp.r(i, 11) as u_route
     from generate_series(1, ${n}) i cross join ref_clock c
   ), m as (
     select g.*,
       case when u_mkt < 0.55 then 'us' when u_mkt < 0.8 then 'eu' else 'gb' end as market,
       case when u_lines < 0.45 then 1 when u_lines < 0.75 then 2 when u_lines < 0.9 then 3 else 4 end as n_lines,
       u_cancel < 0.02 as canceled
     from g
   ), s as (
     select m.*,
       not canceled and u_held < 0.015 as held,
       case market when 'us' then (case when u_loc < 0.6 then 0 else 1 end) when 'eu' then 2 else (case when u_loc < 0.75 then 3 else 2 end) end as loc1
     from m
   )
   select s.i, s.now_ts, s.placed_at, s.market, s.n_lines, s.canceled, s.held,
     s.held and s.u_held < 0.006 as backordered,
     s.loc1,
     case when not s.canceled and not s.held and s.market <> 'eu' and s.n_lines >= 2 and s.u_split < 0.36
          then case s.loc1 when 0 then 1 when 1 then 0 when 3 then 2 else 3 end end as loc2,
     not s.canceled and not s.held and s.u_stuck < 0.03 as stuck,
     s.placed_at + make_interval(secs => 0.15 + 2.5 * power(s.u_route, 3)) as routed_at,
     a.k as addr_k, a.region_id, a.currency, a.country_code, a.first_name, a.last_name, a.address_1, a.city, a.province, a.postal_code,
     ch.id as channel_id,
     pg_temp.bid('order', s.placed_at, s.i) as order_id
   from s
   join ref_address_m a on a.market = s.market and a.idx = floor(s.u_addr * a.n)::int
   join ref_channel ch on ch.k = case when s.u_ch < 0.8 then 0 else 1 end`,
  `create temp table bl as
   select o.i, j, o.order_id, o.placed_at, o.currency,
     case when o.loc2 is not null and j % 2 = 0 then o.loc2 else o.loc1 end as loc_k,
     case when pg_temp.r(o.i * 8 + j, 21) < 0.8 then 1 when pg_temp.r(o.i * 8 + j, 21) < 0.95 then 2 else 3 end as quantity,
     pg_temp.r(o.i * 8 + j, 22) as u_var,
     pg_temp.r(o.i * 8 + j, 23) < rl.short_rate as short,
     pg_temp.bid('ordli', o.placed_at, o.i * 8 + j) as line_item_id
   from bo o
   cross join generate_series(1, o.n_lines) j
   join ref_location rl on rl.k = case when o.loc2 is not null and j % 2 = 0 then o.loc2 else o.loc1 end`,
  `alter table bl add column variant_id text, add column product_id text, add column inventory_item_id text, add column sku text,
     add column barcode text, add column title text, add column product_title text, add column handle text, add column unit_price float8, add column weight int`,
  // Distinct variants within an order: the base pick plus five steps per line (every location has more than 20).
  `update bl set variant_id = s.variant_id, product_id = s.product_id, inventory_item_id = s.inventory_item_id, sku = s.sku,
     barcode = s.barcode, title = s.title, product_title = s.product_title, handle = s.handle, weight = s.weight,
     unit_price = case bl.currency when 'usd' then s.price_usd when 'eur' then s.price_eur else s.price_gbp end
   from ref_stock s where s.loc_k = bl.loc_k and s.idx = (floor(bl.u_var * s.n)::int + bl.j * 5) % s.n`,
  `create temp table bf as
   select o.i, o.order_id, f.loc_k, f.no, o.routed_at, o.now_ts,
     o.routed_at + pg_temp.hours((0.5 + 22 * power(pg_temp.r(o.i * 2 + f.no, 30), 2)) * rl.speed) as wave_at,
     pg_temp.r(o.i * 2 + f.no, 31) as u_carrier,
     pg_temp.r(o.i * 2 + f.no, 32) < (case rl.key when 'reno' then 0.8 else 0.9 end) as on_time,
     pg_temp.r(o.i * 2 + f.no, 33) as u_transit,
     pg_temp.r(o.i * 2 + f.no, 34) < 0.03 as untracked,
     pg_temp.r(o.i * 2 + f.no, 35) as u_pack,
     pg_temp.r(o.i * 2 + f.no, 36) as u_ship,
     pg_temp.bid('ful', o.routed_at, o.i * 2 + f.no) as fulfillment_id
   from bo o
   cross join lateral (values (o.loc1, 1), (o.loc2, 2)) f(loc_k, no)
   join ref_location rl on rl.k = f.loc_k
   where f.loc_k is not null and not o.canceled and not o.held and not o.stuck
     and not (f.no = 2 and pg_temp.r(o.i, 37) < 0.1)`,
  `alter table bf add column win bigint, add column wave_id text, add column tote int, add column packed_at timestamptz,
     add column shipped_at timestamptz, add column delivered_at timestamptz, add column carrier_account_id text, add column carrier text,
     add column provider text, add column service_code text, add column service_name text, add column amount float8, add column days int,
     add column label_currency text, add column tracking_number text`,
  `update bf set win = floor(extract(epoch from wave_at) / 10800)::bigint where wave_at < now_ts`,
  `update bf set carrier_account_id = c.account_id, carrier = c.carrier, provider = c.provider, service_code = c.service_code,
     service_name = c.service_name, days = c.days, label_currency = c.currency,
     amount = round((c.amount * (0.85 + 0.3 * bf.u_ship))::numeric, 2)
   from ref_carrier c where c.loc_k = bf.loc_k and bf.u_carrier >= c.lo and bf.u_carrier < c.hi`,
  // One wave per warehouse and three-hour window; the walk starts a little after the last order joins.
  `create temp table bw as
   select bf.loc_k, bf.win, min(bf.wave_at) as first_at, max(bf.wave_at) as last_at, count(*)::int as orders,
     pg_temp.bid('owave', to_timestamp(bf.win * 10800), bf.win * 10 + bf.loc_k) as wave_id,
     min(bf.now_ts) as now_ts
   from bf where bf.win is not null group by bf.loc_k, bf.win`,
  `alter table bw add column created_at timestamptz, add column started_at timestamptz, add column picked_at timestamptz,
     add column lines int, add column units int, add column units_short int, add column wrong_scans int, add column status text,
     add column packed_orders int, add column packed_at timestamptz`,
  `update bw set created_at = last_at + pg_temp.hours(0.05),
     started_at = last_at + pg_temp.hours(0.05 + (0.1 + 0.9 * pg_temp.r(win * 10 + loc_k, 40)) * rl.speed)
   from ref_location rl where rl.k = bw.loc_k`,
  `update bw set picked_at = started_at + pg_temp.hours((0.3 + 0.015 * orders + pg_temp.r(win * 10 + loc_k, 41)) * rl.speed)
   from ref_location rl where rl.k = bw.loc_k`,
  `update bw set created_at = null, started_at = null, picked_at = null where created_at >= now_ts`,
  `delete from bw where created_at is null`,
  `update bf set wave_id = bw.wave_id from bw where bw.loc_k = bf.loc_k and bw.win = bf.win`,
  `update bf set tote = t.tote from (select i, loc_k, row_number() over (partition by wave_id order by i)::int as tote from bf where wave_id is not null) t
   where t.i = bf.i and t.loc_k = bf.loc_k`,
  `update bf set packed_at = bw.picked_at + pg_temp.hours(0.05 + 1.4 * bf.u_pack) from bw where bw.wave_id = bf.wave_id`,
  `update bf set shipped_at = packed_at + pg_temp.hours(1 + 17 * u_ship) where packed_at is not null`,
  `update bf set delivered_at = shipped_at + case when on_time
       then pg_temp.hours((days - 1) * 24 + 4 + 16 * u_transit)
       else pg_temp.hours(days * 24 + 6 + 54 * u_transit) end
   where shipped_at is not null and not untracked`,
  `update bf set packed_at = null where packed_at >= now_ts`,
  `update bf set shipped_at = null where shipped_at >= now_ts or packed_at is null`,
  `update bf set delivered_at = null where delivered_at >= now_ts or shipped_at is null`,
  `update bf set tracking_number = upper(carrier) || lpad((i * 2 + no)::text, 14, '0') where packed_at is not null`,
  `update bw set status = case
       when started_at >= now_ts then 'open'
       when picked_at >= now_ts then 'picking'
       when p.packed = bw.orders then 'packed'
       else 'picked' end,
     packed_orders = p.packed, packed_at = case when p.packed = bw.orders then p.last_packed end
   from (select wave_id, count(packed_at)::int as packed, max(packed_at) as last_packed from bf group by wave_id) p
   where p.wave_id = bw.wave_id`,
  `update bw set started_at = null where status = 'open'`,
  `update bw set picked_at = null where status in ('open', 'picking')`,
  `update bw set lines = x.lines, units = x.units, units_short = x.units_short, wrong_scans = x.wrong
   from (select bf.wave_id, count(*)::int as lines, sum(bl.quantity)::int as units,
           sum(case when bl.short then 1 else 0 end)::int as units_short,
           sum(case when pg_temp.r(bl.i * 8 + bl.j, 42) < rl.wrong_rate * 3 then 1 else 0 end)::int as wrong
         from bf join bl on bl.i = bf.i and bl.loc_k = bf.loc_k join ref_location rl on rl.k = bf.loc_k
         where bf.wave_id is not null group by bf.wave_id) x
   where x.wave_id = bw.wave_id`,
  // Returns: about 8 % of the orders delivered at least once ask something back.
  `create temp table brc as
   select o.i, o.order_id, o.currency, o.placed_at, min(f.delivered_at) as delivered_at, o.now_ts,
     pg_temp.r(o.i, 51) as u_when, pg_temp.r(o.i, 52) as u_cancel, pg_temp.r(o.i, 53) as u_method,
     pg_temp.r(o.i, 54) as u_all, pg_temp.r(o.i, 56) as u_reason, pg_temp.r(o.i, 57) as u_steps
   from bo o join bf f on f.i = o.i
   where f.delivered_at is not null and pg_temp.r(o.i, 50) < 0.085
   group by o.i, o.order_id, o.currency, o.placed_at, o.now_ts`,
  `alter table brc add column requested_at timestamptz, add column received_at timestamptz, add column inspected_at timestamptz,
     add column resolved_at timestamptz, add column canceled_at timestamptz, add column status text, add column method text,
     add column case_id text, add column return_id text, add column rma_code text`,
  `update brc set requested_at = delivered_at + make_interval(days => 1) + interval '27 days' * power(u_when, 1.5),
     method = case when u_method < 0.45 then 'label' when u_method < 0.95 then 'drop_off' else 'keep_it' end`,
  `delete from brc where requested_at >= now_ts`,
  `update brc set canceled_at = case when u_cancel < 0.03 then requested_at + pg_temp.hours(2 + 60 * u_steps) end,
     received_at = case when u_cancel >= 0.03 and method <> 'keep_it' then requested_at + pg_temp.hours(48 + 120 * u_steps) end`,
  `update brc set inspected_at = received_at + pg_temp.hours(2 + 46 * u_when) where received_at is not null`,
  `update brc set resolved_at = case when method = 'keep_it' and canceled_at is null then requested_at + pg_temp.hours(1 + 20 * u_steps)
                                     when inspected_at is not null then inspected_at + pg_temp.hours(0.5 + 30 * u_reason) end`,
  `update brc set canceled_at = null where canceled_at >= now_ts`,
  `update brc set received_at = null where received_at >= now_ts`,
  `update brc set inspected_at = null where inspected_at >= now_ts or received_at is null`,
  `update brc set resolved_at = null where resolved_at >= now_ts or (method <> 'keep_it' and inspected_at is null)`,
  `update brc set status = case when canceled_at is not null then 'canceled' when resolved_at is not null then 'resolved'
                                when inspected_at is not null then 'inspected' when received_at is not null then 'receiving' else 'requested' end,
     case_id = pg_temp.bid('orma', requested_at, i), return_id = pg_temp.bid('return', requested_at, i),
     rma_code = 'R-' || upper(substr(md5(i::text || ':rma'), 1, 8))`,
  // The lines asked back: one line (the one most likely to come back) or, now and then, every delivered line.
  `create temp table brl as
   with delivered as (
     select bl.*, f.loc_k as from_loc,
       row_number() over (partition by bl.i order by pg_temp.r(bl.i * 8 + bl.j, 55) * (1 + 2 * (hashtext(bl.sku) % 5 = 0)::int) desc) as rank
     from bl join bf f on f.i = bl.i and f.loc_k = bl.loc_k and f.delivered_at is not null
     where bl.i in (select i from brc)
   )
   select d.*, c.case_id, c.requested_at,
     case when pg_temp.r(d.i * 8 + d.j, 58) < 0.6 then d.quantity else 1 end as return_quantity,
     r.id as reason_id, r.value as reason_value,
     pg_temp.bid('orline', c.requested_at, d.i * 8 + d.j) as return_line_id
   from delivered d
   join brc c on c.i = d.i
   join ref_reason r on pg_temp.r(d.i * 8 + d.j, 59) >= r.lo and pg_temp.r(d.i * 8 + d.j, 59) < r.hi
   where d.rank = 1 or c.u_all < 0.3`,
  `analyze bo; analyze bl; analyze bf; analyze bw; analyze brc; analyze brl`,
]

/** Medusa's own tables: the orders as checkout and Medusa's fulfillment workflows leave them. */
const MEDUSA = [
  `insert into order_address (id, first_name, last_name, address_1, city, country_code, province, postal_code, metadata, created_at, updated_at)
   select pg_temp.bid('ordaddr', placed_at, i * 2 + a), first_name, last_name, address_1, city, country_code, province, postal_code, null, placed_at, placed_at
   from bo cross join (values (0), (1)) v(a)`,
  // Each fulfillment, shipment, delivery, return request and receipt is one order change: one version.
  `create temp table bv as
   select o.i,
     1 + coalesce(f.packed, 0) + coalesce(f.shipped, 0) + coalesce(f.delivered, 0)
       + (case when c.i is not null then 1 else 0 end) + (case when c.received_at is not null then 1 else 0 end) as version
   from bo o
   left join (select i, count(packed_at)::int as packed, count(shipped_at)::int as shipped, count(delivered_at)::int as delivered from bf group by i) f on f.i = o.i
   left join brc c on c.i = o.i`,
  `insert into "order" (id, region_id, display_id, version, sales_channel_id, status, is_draft_order, email, currency_code,
     shipping_address_id, billing_address_id, no_notification, created_at, updated_at, canceled_at)
   select o.order_id, o.region_id, o.i, v.version, o.channel_id, case when o.canceled then 'canceled' else 'pending' end::order_status_enum, false,
     lower(o.first_name || '.' || o.last_name || '.' || o.i) || '@example.com', o.currency,
     pg_temp.bid('ordaddr', o.placed_at, o.i * 2), pg_temp.bid('ordaddr', o.placed_at, o.i * 2 + 1), false,
     o.placed_at, o.placed_at,
     -- Canceled within a day of placement, never after the writer's "now" (nothing happens in the future).
     case when o.canceled then least(o.placed_at + pg_temp.hours(0.5 + pg_temp.r(o.i, 12) * 20), greatest(o.placed_at, o.now_ts - interval '1 minute')) end
   from bo o join bv v on v.i = o.i`,
  `update "order" set updated_at = canceled_at where canceled_at is not null`,
  `select setval('order_display_id_seq', greatest((select max(display_id) from "order"), 1))`,
  `insert into order_line_item (id, title, subtitle, variant_id, product_id, product_title, product_description, product_handle, variant_sku,
     variant_barcode, variant_title, requires_shipping, is_discountable, is_tax_inclusive, unit_price, raw_unit_price, metadata, created_at, updated_at)
   select line_item_id, product_title, title, variant_id, product_id, product_title, product_title || ': a demo product of the medusa-oms store.',
     handle, sku, barcode, title, true, true, false, unit_price, pg_temp.raw(unit_price::numeric), '{}', placed_at, placed_at
   from bl`,
  // One order_item per line and version; only the current version's counters are the line's final state.
  `insert into order_item (id, order_id, version, item_id, quantity, raw_quantity, fulfilled_quantity, raw_fulfilled_quantity,
     shipped_quantity, raw_shipped_quantity, delivered_quantity, raw_delivered_quantity, return_requested_quantity, raw_return_requested_quantity,
     return_received_quantity, raw_return_received_quantity, return_dismissed_quantity, raw_return_dismissed_quantity,
     written_off_quantity, raw_written_off_quantity, metadata, created_at, updated_at)
   select pg_temp.bid('orditem', l.placed_at, (l.i * 8 + l.j) * 16 + ver), l.order_id, ver, l.line_item_id, l.quantity, pg_temp.raw(l.quantity),
     q.fulfilled, pg_temp.raw(q.fulfilled), q.shipped, pg_temp.raw(q.shipped), q.delivered, pg_temp.raw(q.delivered),
     q.requested, pg_temp.raw(q.requested), q.received, pg_temp.raw(q.received), 0, pg_temp.raw(0), 0, pg_temp.raw(0), '{}',
     l.placed_at + pg_temp.hours(ver - 1), l.placed_at + pg_temp.hours(ver - 1)
   from bl l
   join bv v on v.i = l.i
   left join bf f on f.i = l.i and f.loc_k = l.loc_k
   left join brl r on r.i = l.i and r.j = l.j
   left join brc c on c.i = l.i
   cross join generate_series(1, v.version) ver
   cross join lateral (select
       case when ver = 1 or f.packed_at is null then 0 else l.quantity - (case when l.short then 1 else 0 end) end as fulfilled,
       case when ver = v.version and f.shipped_at is not null then l.quantity - (case when l.short then 1 else 0 end) else 0 end as shipped,
       case when ver = v.version and f.delivered_at is not null then l.quantity - (case when l.short then 1 else 0 end) else 0 end as delivered,
       case when ver = v.version and r.i is not null and c.received_at is null and c.canceled_at is null then r.return_quantity else 0 end as requested,
       case when ver = v.version and r.i is not null and c.received_at is not null then r.return_quantity else 0 end as received) q`,
  `insert into order_summary (id, order_id, version, totals, created_at, updated_at)
   select pg_temp.bid('ordsum', o.placed_at, o.i * 16 + ver), o.order_id, ver,
     jsonb_build_object('paid_total', p.paid, 'raw_paid_total', pg_temp.raw(p.paid), 'refunded_total', 0, 'raw_refunded_total', pg_temp.raw(0),
       'accounting_total', t.total, 'raw_accounting_total', pg_temp.raw(t.total), 'credit_line_total', 0, 'raw_credit_line_total', pg_temp.raw(0),
       'transaction_total', p.paid, 'raw_transaction_total', pg_temp.raw(p.paid), 'pending_difference', t.total - p.paid,
       'raw_pending_difference', pg_temp.raw(t.total - p.paid), 'current_order_total', t.total, 'raw_current_order_total', pg_temp.raw(t.total),
       'original_order_total', t.total, 'raw_original_order_total', pg_temp.raw(t.total)),
     o.placed_at + pg_temp.hours(ver - 1), o.placed_at + pg_temp.hours(ver - 1)
   from bo o
   join bv v on v.i = o.i
   join (select i, (sum(quantity * unit_price) + 8)::numeric as total from bl group by i) t on t.i = o.i
   cross join generate_series(1, v.version) ver
   cross join lateral (select case when ver > 1 then t.total else 0 end as paid) p`,
  `insert into order_shipping_method (id, name, amount, raw_amount, is_tax_inclusive, shipping_option_id, data, created_at, updated_at)
   select pg_temp.bid('ordsm', o.placed_at, o.i), 'Standard from ' || rl.name, 8, pg_temp.raw(8), false, rl.so_id, '{}', o.placed_at, o.placed_at
   from bo o join ref_location rl on rl.k = o.loc1`,
  `insert into order_shipping (id, order_id, version, shipping_method_id, created_at, updated_at)
   select pg_temp.bid('ordspmv', o.placed_at, o.i * 16 + ver), o.order_id, ver, pg_temp.bid('ordsm', o.placed_at, o.i), o.placed_at, o.placed_at
   from bo o join bv v on v.i = o.i cross join generate_series(1, v.version) ver`,
  `insert into order_change (id, order_id, version, status, confirmed_at, created_at, updated_at, change_type)
   select pg_temp.bid('ordch', o.placed_at, o.i * 16 + ver), o.order_id, ver, 'confirmed', o.placed_at + pg_temp.hours(ver - 1),
     o.placed_at + pg_temp.hours(ver - 1), o.placed_at + pg_temp.hours(ver - 1), null
   from bo o join bv v on v.i = o.i cross join generate_series(2, v.version) ver`,
  `insert into fulfillment_address (id, first_name, last_name, address_1, city, country_code, province, postal_code, created_at, updated_at)
   select pg_temp.bid('fuladdr', f.packed_at, f.i * 2 + f.no), o.first_name, o.last_name, o.address_1, o.city, o.country_code, o.province, o.postal_code, f.packed_at, f.packed_at
   from bf f join bo o on o.i = f.i where f.packed_at is not null`,
  `insert into fulfillment (id, location_id, packed_at, shipped_at, delivered_at, data, provider_id, shipping_option_id, delivery_address_id,
     created_at, updated_at, requires_shipping)
   select f.fulfillment_id, rl.id, f.packed_at, f.shipped_at, f.delivered_at, '{}', 'carrier_oms', rl.so_id, pg_temp.bid('fuladdr', f.packed_at, f.i * 2 + f.no),
     f.packed_at, coalesce(f.delivered_at, f.shipped_at, f.packed_at), true
   from bf f join ref_location rl on rl.k = f.loc_k where f.packed_at is not null`,
  `insert into order_fulfillment (order_id, fulfillment_id, id, created_at, updated_at)
   select f.order_id, f.fulfillment_id, pg_temp.bid('ordful', f.packed_at, f.i * 2 + f.no), f.packed_at, f.packed_at
   from bf f where f.packed_at is not null`,
  `insert into fulfillment_item (id, title, sku, barcode, quantity, raw_quantity, line_item_id, inventory_item_id, fulfillment_id, created_at, updated_at)
   select pg_temp.bid('fulit', f.packed_at, l.i * 8 + l.j), l.title, l.sku, l.barcode, l.quantity - l.short::int, pg_temp.raw(l.quantity - l.short::int),
     l.line_item_id, l.inventory_item_id, f.fulfillment_id, f.packed_at, f.packed_at
   from bf f join bl l on l.i = f.i and l.loc_k = f.loc_k
   where f.packed_at is not null and l.quantity - l.short::int > 0`,
  // What is still reserved: routed lines not packed yet (still in an open wave, waiting for one, or stuck).
  `insert into reservation_item (id, line_item_id, location_id, quantity, raw_quantity, inventory_item_id, allow_backorder, created_at, updated_at)
   select pg_temp.bid('resitem', l.placed_at, l.i * 8 + l.j), l.line_item_id, rl.id, l.quantity, pg_temp.raw(l.quantity), l.inventory_item_id, false, l.placed_at, l.placed_at
   from bl l join bo o on o.i = l.i join ref_location rl on rl.k = l.loc_k
   left join bf f on f.i = l.i and f.loc_k = l.loc_k
   where not o.canceled and not o.held and f.packed_at is null`,
  `insert into "return" (id, order_id, order_version, display_id, status, refund_amount, raw_refund_amount, created_at, updated_at, received_at,
     canceled_at, location_id, requested_at)
   select c.return_id, c.order_id, 1, c.i,
     (case when c.canceled_at is not null then 'canceled' when c.received_at is not null then 'received' else 'requested' end)::return_status_enum,
     null, null, c.requested_at, coalesce(c.canceled_at, c.received_at, c.requested_at), c.received_at, c.canceled_at,
     (select rl.id from brl r join ref_location rl on rl.k = r.from_loc where r.i = c.i limit 1), c.requested_at
   from brc c where c.method <> 'keep_it'`,
  `select setval('return_display_id_seq', greatest((select max(display_id) from "return"), 1))`,
]

/** The plugin's own tables, as routing, picking, the label ledger, tracking and returns write them. */
const PLUGIN = [
  // Decisions: the plan (shipments with distance, what the planner saw), the trace in sentences, the history.
  `create temp table bs as
   select l.i, l.loc_k, rl.id as location_id, rl.name as location_name, d.km,
     sum(l.quantity * l.unit_price) as value,
     jsonb_agg(jsonb_build_object('line_id', l.line_item_id || '|' || l.inventory_item_id, 'quantity', l.quantity, 'inventory_item_id', l.inventory_item_id) order by l.j) as lines
   from bl l join bo o on o.i = l.i join ref_location rl on rl.k = l.loc_k
   left join ref_distance d on d.address_k = o.addr_k and d.loc_k = l.loc_k
   group by l.i, l.loc_k, rl.id, rl.name, d.km`,
  `insert into oms_routing_decision (id, order_id, status, method, rule_set, location_ids, plan, trace, history, fulfilled_at, created_at, updated_at)
   select pg_temp.bid('ordec', o.routed_at, o.i), o.order_id,
     case when o.canceled then 'canceled' when o.backordered then 'backordered' when o.held then 'held' else 'routed' end,
     'exact', 'default',
     case when o.canceled or o.held then '{}'::text[] else s.location_ids end,
     jsonb_build_object(
       'input', jsonb_build_object(
         'facts', jsonb_build_object('value', s.value, 'region_id', o.region_id, 'currency_code', o.currency, 'sales_channel_id', o.channel_id,
           'destination', jsonb_build_object('city', o.city, 'province', o.province, 'postal_code', o.postal_code, 'country_code', upper(o.country_code)),
           'product_tags', '[]'::jsonb, 'product_types', '[]'::jsonb, 'customer_group_ids', '[]'::jsonb, 'shipping_profiles', '[]'::jsonb,
           'shipping_option_ids', jsonb_build_array(rl1.so_id)),
         'lines', li.lines,
         'address', jsonb_build_object('city', o.city, 'point', null, 'province', o.province, 'postal_code', o.postal_code, 'country_code', upper(o.country_code)),
         'candidates', cand.candidates),
       'shipments', case when o.canceled or o.held then '[]'::jsonb else s.shipments end,
       'unallocated', case when o.held then li.remainders else '[]'::jsonb end,
       'moved_lines', '[]'::jsonb, 'excluded_location_ids', '[]'::jsonb),
     jsonb_build_object('notes', jsonb_build_array('The destination was placed by its postal code.'),
       'steps', '[{"kind": "filter", "rule": "serves the destination market", "applied": true, "removed": [], "sentence": "Rule \\"serves the destination market\\" skipped 2 location(s)."},
                  {"kind": "filter", "rule": "active locations only", "applied": true, "removed": [], "sentence": "Rule \\"active locations only\\" kept every location."},
                  {"kind": "filter", "rule": "daily capacity left", "applied": true, "removed": [], "sentence": "Rule \\"daily capacity left\\" kept every location."},
                  {"kind": "filter", "rule": "stock above safety stock", "applied": true, "removed": [], "sentence": "Rule \\"stock above safety stock\\" kept every location."},
                  {"kind": "rank", "rule": "fewest shipments", "applied": true, "sentence": "Rank by fewest shipments."},
                  {"kind": "rank", "rule": "distance", "applied": true, "sentence": "Rank by distance."},
                  {"kind": "rank", "rule": "priority", "applied": true, "sentence": "Rank by priority."}]'::jsonb,
       'method', 'exact', 'decision', s.sentence, 'placement', jsonb_build_object('by', 'postal_code'),
       'decided_by', case when o.held then null when o.loc2 is not null then 'fewest shipments' else 'distance' end, 'search_nodes', 3 + o.n_lines),
     jsonb_build_object('entries', jsonb_build_array(jsonb_build_object('at', o.routed_at, 'actor', 'system', 'action', 'routed', 'summary', s.sentence))),
     fin.fulfilled_at, o.routed_at, coalesce(fin.fulfilled_at, o.routed_at)
   from bo o
   join ref_location rl1 on rl1.k = o.loc1
   join (select bs.i, array_agg(bs.location_id order by bs.loc_k) as location_ids,
           jsonb_agg(jsonb_build_object('lines', bs.lines, 'value', bs.value, 'distance_km', bs.km, 'location_id', bs.location_id, 'location_name', bs.location_name) order by bs.loc_k) as shipments,
           sum(bs.value) as value,
           case when count(*) > 1 then 'Shipping from ' || string_agg(bs.location_name, ' and ' order by bs.loc_k) || ': no single location holds every line.'
                else min(bs.location_name) || ' won on distance: ' || round(min(bs.km))::text || ' km.' end as sentence
         from bs group by bs.i) s on s.i = o.i
   join (select l.i,
           jsonb_agg(jsonb_build_object('line_id', l.line_item_id || '|' || l.inventory_item_id, 'quantity', l.quantity, 'unit_value', l.unit_price, 'inventory_item_id', l.inventory_item_id) order by l.j) as lines,
           jsonb_agg(jsonb_build_object('line_id', l.line_item_id || '|' || l.inventory_item_id, 'quantity', l.quantity, 'inventory_item_id', l.inventory_item_id, 'reason', 'No active location that serves the destination has this item in stock.') order by l.j) as remainders,
           jsonb_object_agg(l.inventory_item_id, jsonb_build_object('stocked', 20 + (hashtext(l.inventory_item_id) & 63), 'reserved', 0)) as stock
         from bl l group by l.i) li on li.i = o.i
   cross join lateral (select jsonb_agg(jsonb_build_object('id', rl.id, 'name', rl.name, 'point', jsonb_build_object('lat', rl.lat, 'lng', rl.lng),
           'stock', li.stock, 'active', true, 'markets', jsonb_build_array(upper(rl.country)), 'priority', case when rl.k = 0 then 1 else 2 end,
           'safety_stock', 0, 'daily_capacity', null, 'capacity_used_today', 0) order by rl.k) as candidates from ref_location rl) cand
   left join (select f.i, max(f.packed_at) as fulfilled_at, bool_and(f.packed_at is not null) as all_packed, count(*) as parcels from bf f group by f.i) fin0 on fin0.i = o.i
   left join lateral (select case when fin0.all_packed and fin0.parcels = cardinality(s.location_ids) then fin0.fulfilled_at end as fulfilled_at) fin on true`,
  `insert into oms_wave (id, stock_location_id, status, filters, pick_list, scan_state, created_by, order_count, line_count, units_total,
     units_picked, units_short, wrong_scans, packed_orders, started_at, picked_at, packed_at, created_at, updated_at)
   select w.wave_id, rl.id, w.status, jsonb_build_object('max_orders', 50, 'kind', 'all'),
     jsonb_build_object('wave_id', w.wave_id, 'location_name', rl.name, 'units', w.units, 'stops', '[]'::jsonb),
     case when w.status = 'open' then null else jsonb_build_object('stops', '[]'::jsonb, 'current', case when w.status = 'picking' then 0 end, 'phase', 'bin') end,
     'user_BENCHPICKER000000000000001', w.orders, w.lines, w.units,
     case when w.status in ('picked', 'packed') then w.units - w.units_short else 0 end,
     case when w.status in ('picked', 'packed') then w.units_short else 0 end,
     case when w.status = 'open' then 0 else w.wrong_scans end, w.packed_orders, w.started_at, w.picked_at, w.packed_at,
     w.created_at, coalesce(w.packed_at, w.picked_at, w.started_at, w.created_at)
   from bw w join ref_location rl on rl.k = w.loc_k`,
  // The pick list: the wave's lines as stops in walk (here: SKU) order, with the per-tote breakdown.
  `update oms_wave w set pick_list = jsonb_set(w.pick_list, '{stops}', s.stops)
   from (select x.wave_id, jsonb_agg(jsonb_build_object('sku', x.sku, 'title', x.title, 'quantity', x.units, 'breakdown', x.breakdown) order by x.sku) as stops
         from (select f.wave_id, l.sku, min(l.title) as title, sum(l.quantity) as units,
                 jsonb_agg(jsonb_build_object('tote', f.tote, 'order_id', f.order_id, 'line_item_id', l.line_item_id, 'quantity', l.quantity)) as breakdown
               from bf f join bl l on l.i = f.i and l.loc_k = f.loc_k where f.wave_id is not null group by f.wave_id, l.sku) x
         group by x.wave_id) s
   where s.wave_id = w.id`,
  `insert into oms_wave_line (id, wave_id, stock_location_id, order_id, line_item_id, inventory_item_id, variant_id, sku, quantity,
     quantity_planned, picked, short, tote, status, open, created_at, updated_at)
   select pg_temp.bid('owline', w.created_at, l.i * 8 + l.j), w.wave_id, rl.id, f.order_id, l.line_item_id, l.inventory_item_id, l.variant_id, l.sku,
     case when w.status in ('picked', 'packed') then l.quantity - l.short::int else l.quantity end, l.quantity,
     case when w.status in ('picked', 'packed') then l.quantity - l.short::int else 0 end,
     case when w.status in ('picked', 'packed') then l.short::int else 0 end,
     f.tote,
     case when f.packed_at is not null then (case when l.quantity - l.short::int = 0 then 'short' else 'packed' end)
          when w.status in ('picked', 'packed') then (case when l.short then 'short' else 'picked' end) else 'waiting' end,
     f.packed_at is null, w.created_at, coalesce(f.packed_at, w.picked_at, w.created_at)
   from bf f join bw w on w.wave_id = f.wave_id join bl l on l.i = f.i and l.loc_k = f.loc_k join ref_location rl on rl.k = f.loc_k`,
  `insert into oms_pack (id, wave_id, order_id, status, fulfillment_id, parcel, items, packed_by, created_at, updated_at)
   select pg_temp.bid('opack', f.packed_at, f.i * 2 + f.no), f.wave_id, f.order_id, 'packed', f.fulfillment_id,
     jsonb_build_object('weight', x.weight, 'length', 30, 'width', 20, 'height', 10 + 4 * x.lines),
     x.items, 'user_BENCHPACKER000000000000001', f.packed_at, f.packed_at
   from bf f
   join (select l.i, l.loc_k, sum(l.weight * l.quantity)::int as weight, count(*)::int as lines,
           jsonb_agg(jsonb_build_object('line_item_id', l.line_item_id, 'quantity', l.quantity - l.short::int)) as items
         from bl l group by l.i, l.loc_k) x on x.i = f.i and x.loc_k = f.loc_k
   where f.packed_at is not null`,
  // The label ledger: bought at packing (2 % after a refused first attempt, 0.5 % later voided and bought again).
  `create temp table blab as
   select f.*, 'pack:' || f.order_id || ':' || f.wave_id as idem, rl.id as location_id, rl.name as location_name, rl.city as from_city,
     rl.postal_code as from_postal, rl.address_1 as from_address, upper(rl.country) as from_country, o.first_name, o.last_name, o.address_1 as to_address,
     o.city as to_city, o.postal_code as to_postal, upper(o.country_code) as to_country,
     pg_temp.r(f.i * 2 + f.no, 38) as u_attempt
   from bf f join bo o on o.i = f.i join ref_location rl on rl.k = f.loc_k where f.packed_at is not null`,
  `insert into oms_label (id, idempotency_key, attempt, reference, kind, status, order_id, fulfillment_id, location_id, carrier_account_id, carrier,
     service_code, request, rate, rate_decision, format, size, carrier_label_id, carrier_shipment_id, parcels, tracking_numbers, amount, currency_code,
     carrier_data, failure, failure_message, purchased_at, voided_at, created_by, created_at, updated_at)
   select pg_temp.bid('olabel', b.packed_at, (b.i * 2 + b.no) * 4 + a.attempt), b.idem, a.attempt,
     'oms-' || substr(encode(sha256(convert_to(b.idem, 'UTF8')), 'hex'), 1, 20) || '-' || a.attempt,
     'outbound', a.status, b.order_id, b.fulfillment_id, b.location_id, b.carrier_account_id, b.carrier, b.service_code,
     jsonb_build_object('reference', 'oms-' || substr(encode(sha256(convert_to(b.idem, 'UTF8')), 'hex'), 1, 20) || '-' || a.attempt,
       'from', jsonb_build_object('name', b.location_name, 'address_1', b.from_address, 'city', b.from_city, 'postal_code', b.from_postal, 'country_code', b.from_country),
       'to', jsonb_build_object('name', b.first_name || ' ' || b.last_name, 'address_1', b.to_address, 'city', b.to_city, 'postal_code', b.to_postal, 'country_code', b.to_country),
       'parcels', jsonb_build_array(jsonb_build_object('weight', 900, 'length', 30, 'width', 20, 'height', 14)), 'currency_code', upper(b.label_currency)),
     jsonb_build_object('carrier', b.carrier, 'rate_id', 'rate_' || (b.i * 2 + b.no), 'carrier_shipment_id', 'shp_' || (b.i * 2 + b.no), 'provider', b.provider,
       'service_code', b.service_code, 'service_name', b.service_name, 'amount', b.amount, 'currency_code', b.label_currency, 'days', b.days),
     'The cheapest rate that arrives in time: ' || b.service_name || '.', 'pdf', '4x6',
     case when a.status <> 'failed' then 'lbl_' || (b.i * 2 + b.no) end, 'shp_' || (b.i * 2 + b.no),
     case when a.status <> 'failed' then jsonb_build_array(jsonb_build_object('tracking_number', b.tracking_number,
       'tracking_url', 'https://track.example.com/' || b.tracking_number, 'label', jsonb_build_object('format', 'pdf', 'content_base64', null, 'url', 'https://labels.example.com/' || b.tracking_number || '.pdf'))) end,
     case when a.status <> 'failed' then array[b.tracking_number] else '{}'::text[] end,
     case when a.status <> 'failed' then b.amount end, case when a.status <> 'failed' then b.label_currency end,
     case when a.status <> 'failed' then '{}'::jsonb end,
     case when a.status = 'failed' then jsonb_build_object('kind', 'invalid_request', 'message', 'The carrier refused the address: add a house number.') end,
     case when a.status = 'failed' then 'The carrier refused the address: add a house number.' end,
     case when a.status <> 'failed' then b.packed_at + make_interval(secs => 2 + a.attempt) end,
     case when a.status = 'voided' then b.packed_at + pg_temp.hours(0.2) end,
     'user_BENCHPACKER000000000000001', b.packed_at, b.packed_at + make_interval(secs => 3)
   from blab b
   cross join lateral (values
       (1, case when b.u_attempt < 0.02 then 'failed' when b.u_attempt < 0.025 then 'voided' else 'purchased' end),
       (2, case when b.u_attempt < 0.025 then 'purchased' end)) a(attempt, status)
   where a.status is not null`,
  // Tracking: handed over, moving, out for delivery, delivered; each step only once it has happened.
  `insert into oms_tracking_event (id, label_id, tracking_number, status, occurred_at, description, location, event_key, created_at, updated_at)
   select pg_temp.bid('otrev', e.at, (b.i * 2 + b.no) * 4 + e.step), lab.id, b.tracking_number, e.status, e.at, e.description, e.place,
     b.tracking_number || '|' || e.status || '|' || to_char(e.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), e.at, e.at
   from blab b
   join oms_label lab on lab.idempotency_key = b.idem and lab.status = 'purchased'
   cross join lateral (values
       (0, 'pre_transit', b.packed_at + make_interval(mins => 5), 'Label created', b.from_city),
       (1, 'in_transit', b.shipped_at, 'Picked up by the carrier', b.from_city),
       (2, 'out_for_delivery', b.delivered_at - pg_temp.hours(5), 'Out for delivery', b.to_city),
       (3, 'delivered', b.delivered_at, 'Delivered', b.to_city)) e(step, status, at, description, place)
   where e.at is not null and e.at < b.now_ts`,
  `insert into oms_return_case (id, rma_code, order_id, order_display_id, return_id, email, currency_code, status, source, method, resolution,
     terms, label_id, tracking_number, expected_refund, breakdown, resolution_key, resolution_status, resolution_result, requested_at, received_at,
     inspected_at, resolved_at, canceled_at, cancel_reason, created_at, updated_at)
   select c.case_id, c.rma_code, c.order_id, c.i, case when c.method = 'keep_it' then null else c.return_id end, o.email, c.currency, c.status, 'store', c.method,
     case when c.u_reason < 0.75 then 'refund' when c.u_reason < 0.93 then 'store_credit' else 'exchange' end,
     jsonb_build_object('restocking_fee_percent', 0, 'shipping', case when c.method = 'label' then jsonb_build_object('mode', 'carrier_rate') else jsonb_build_object('mode', 'free') end,
       'refund_damaged', true, 'resolutions', jsonb_build_array('refund', 'store_credit', 'exchange'), 'label_amount', case when c.method = 'label' then 5.5 end),
     case when c.method = 'label' then pg_temp.bid('olabel', c.requested_at, c.i * 4 + 3) end,
     case when c.method = 'label' then 'RET' || lpad(c.i::text, 12, '0') end,
     r.refund, case when c.resolved_at is not null then jsonb_build_object('total', r.refund, 'currency_code', c.currency) end,
     case when c.resolved_at is not null then 'resolve:' || c.case_id end,
     case when c.resolved_at is not null then 'done' else 'none' end,
     case when c.resolved_at is not null then jsonb_build_object('amount', r.refund) end,
     c.requested_at, c.received_at, c.inspected_at, c.resolved_at, c.canceled_at,
     case when c.canceled_at is not null then 'The customer kept the items after all.' end,
     c.requested_at, coalesce(c.canceled_at, c.resolved_at, c.inspected_at, c.received_at, c.requested_at)
   from brc c join "order" o on o.id = c.order_id
   join (select i, sum(return_quantity * unit_price) as refund from brl group by i) r on r.i = c.i`,
  `insert into oms_return_line (id, order_line_item_id, variant_id, product_id, inventory_item_id, sku, barcode, title, quantity, unit_refund,
     reason_id, reason_value, keep_it, destination_location_id, destination_sentence, return_case_id, created_at, updated_at)
   select r.return_line_id, r.line_item_id, r.variant_id, r.product_id, r.inventory_item_id, r.sku, r.barcode, r.product_title || ' ' || r.title,
     r.return_quantity, r.unit_price, r.reason_id, r.reason_value, c.method = 'keep_it',
     case when c.method = 'keep_it' then null else rl.id end,
     case when c.method = 'keep_it' then null else 'Back to ' || rl.name || ', where it was shipped from.' end,
     r.case_id, r.requested_at, r.requested_at
   from brl r join brc c on c.i = r.i join ref_location rl on rl.k = r.from_loc`,
  `insert into oms_label (id, idempotency_key, attempt, reference, kind, status, order_id, location_id, carrier_account_id, carrier, service_code,
     request, rate, format, size, carrier_label_id, parcels, tracking_numbers, amount, currency_code, purchased_at, created_at, updated_at)
   select pg_temp.bid('olabel', c.requested_at, c.i * 4 + 3), 'ret:' || c.return_id || ':' || substr(md5(c.case_id), 1, 16), 1,
     'oms-' || substr(md5(c.return_id), 1, 20) || '-1', 'return', 'purchased', c.order_id, rl.id, rc.account_id, rc.carrier, rc.service_code,
     jsonb_build_object('reference', 'oms-' || substr(md5(c.return_id), 1, 20) || '-1'),
     jsonb_build_object('carrier', rc.carrier, 'provider', rc.provider, 'service_code', rc.service_code, 'service_name', rc.service_name,
       'amount', 5.5, 'currency_code', rc.currency, 'days', rc.days, 'rate_id', null, 'carrier_shipment_id', null),
     'pdf', '4x6', 'rlbl_' || c.i, '[]'::jsonb, array['RET' || lpad(c.i::text, 12, '0')], 5.5, rc.currency,
     c.requested_at, c.requested_at, c.requested_at
   from brc c
   join lateral (select from_loc from brl where brl.i = c.i limit 1) d on true
   join ref_location rl on rl.k = d.from_loc
   join lateral (select * from ref_carrier where loc_k = d.from_loc order by lo limit 1) rc on true
   where c.method = 'label'`,
]

/**
 * Stock on hand: what each warehouse sold of the item over the last 30 days, times a cover of
 * 3-90 days (so the stock-cover numbers spread), plus what is reserved there now.
 */
const STOCK = [
  `update inventory_level il set
     reserved_quantity = coalesce(r.reserved, 0), raw_reserved_quantity = pg_temp.raw(coalesce(r.reserved, 0)::numeric),
     stocked_quantity = ceil(coalesce(s.units, 0) / 30.0 * (3 + 87 * pg_temp.r(hashtext(il.id), 60))) + coalesce(r.reserved, 0),
     raw_stocked_quantity = pg_temp.raw((ceil(coalesce(s.units, 0) / 30.0 * (3 + 87 * pg_temp.r(hashtext(il.id), 60))) + coalesce(r.reserved, 0))::numeric)
   from inventory_level x
   left join (select inventory_item_id, location_id, sum(quantity) as reserved from reservation_item where deleted_at is null group by 1, 2) r
     on r.inventory_item_id = x.inventory_item_id and r.location_id = x.location_id
   left join (select fi.inventory_item_id, f.location_id, sum(fi.quantity) as units from fulfillment f join fulfillment_item fi on fi.fulfillment_id = f.id
              where f.shipped_at >= (select now_ts from ref_clock) - interval '30 days' group by 1, 2) s
     on s.inventory_item_id = x.inventory_item_id and s.location_id = x.location_id
   where x.id = il.id and x.deleted_at is null`,
]

/** The reference helpers derived from the loaded tables. */
const DERIVED = (now: Date) => [
  `drop table if exists ref_clock, ref_address_m`,
  `create temp table ref_clock as select '${now.toISOString()}'::timestamptz as now_ts`,
  `create temp table ref_address_m as
   select a.*, (row_number() over (partition by a.market order by a.k) - 1)::int as idx, (count(*) over (partition by a.market))::int as n from ref_address a`,
]

/** Empties what an earlier size wrote (the demo store itself has no orders). */
export async function clearOrders(client: Client) {
  await client.query(`truncate ${WRITTEN_TABLES.join(", ")}`)
}

/**
 * Writes `n` orders placed over the year before `now`. Runs on the session that loaded the
 * reference tables (loadReference).
 */
export async function writeOrders(client: Client, n: number, now: Date, log: (m: string) => void): Promise<WriteResult> {
  const started = Date.now()
  const steps: [string, string[]][] = [
    ["functions", FUNCTIONS],
    ["reference", DERIVED(now)],
    ["staging", STAGING(n)],
    ["medusa tables", MEDUSA],
    ["plugin tables", PLUGIN],
    ["stock", STOCK],
  ]
  await client.query("drop table if exists bv, bs, blab")
  // Foreign keys are checked by row triggers, which dominate a bulk load; the rows are
  // consistent by construction, so the session skips them (as pg_restore does).
  await client.query("set session_replication_role = replica")
  try {
  for (const [name, statements] of steps) {
    const t = Date.now()
    for (const sql of statements) {
      const one = Date.now()
      try {
        if (process.env.OMS_BENCH_DEBUG === "explain" && /^\s*insert/i.test(sql)) {
          const { rows } = await client.query(`explain (analyze, timing off) ${sql}`)
          log(rows.map((r: any) => r["QUERY PLAN"]).join("\n"))
        } else await client.query(sql)
        if (process.env.OMS_BENCH_DEBUG && Date.now() - one > 500) log(`    ${Date.now() - one} ms: ${sql.replace(/\s+/g, " ").slice(0, 90)}`)
      } catch (e) {
        throw new Error(`bulk writer, ${name}: ${(e as Error).message}\n${sql.slice(0, 400)}`)
      }
    }
    log(`  ${name}: ${((Date.now() - t) / 1000).toFixed(1)} s`)
  }
  } finally {
    await client.query("set session_replication_role = origin")
  }
  const t = Date.now()
  for (const table of WRITTEN_TABLES.concat(["inventory_level"])) await client.query(`analyze ${table}`)
  log(`  analyze: ${((Date.now() - t) / 1000).toFixed(1)} s`)
  const count = async (sql: string) => Number((await client.query(sql)).rows[0].n)
  return {
    orders: await count(`select count(*) n from "order"`),
    lines: await count(`select count(*) n from order_line_item`),
    fulfillments: await count(`select count(*) n from fulfillment`),
    waves: await count(`select count(*) n from oms_wave`),
    labels: await count(`select count(*) n from oms_label`),
    returns: await count(`select count(*) n from oms_return_case`),
    ms: Date.now() - started,
  }
}
