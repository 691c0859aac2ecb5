import { Container, Heading, Text } from "@medusajs/ui"
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from "recharts"
import type { NameType, ValueType } from "recharts/types/component/DefaultTooltipContent"
import { formatBucket, formatMetric, LEAD_TIME_KEYS, METRIC_GROUPS, SERIES_COLORS } from "../../lib/metrics"
import type { MetricDefinition, MetricKey, MetricUnit, PerformanceReportResponse } from "../../../types/metrics"
import { SectionEmpty } from "../common/section-state"

// Axes and grid in the admin's own colours, so the charts sit in the page like Medusa's widgets.
const AXIS = { stroke: "var(--border-base)", tick: { fill: "var(--fg-muted)", fontSize: 11 }, tickLine: false } as const
const GRID = { stroke: "var(--border-base)", strokeDasharray: "3 3", vertical: false } as const

type Row = { bucket: string } & Record<string, number | string | null>

/** The tooltip: the bucket and each series' value in its unit, in the admin's card style. */
const ChartTooltip = ({
  active,
  payload,
  label,
  unit,
  names,
}: Pick<Partial<TooltipContentProps<ValueType, NameType>>, "active" | "payload" | "label"> & { unit: MetricUnit; names: Record<string, string> }) => {
  if (!active || !payload?.length) return null
  return (
    <div className="bg-ui-bg-base shadow-elevation-tooltip rounded-lg px-3 py-2">
      <Text size="xsmall" weight="plus" className="text-ui-fg-base">
        {formatBucket(String(label ?? ""))}
      </Text>
      {payload.map((entry) => (
        <div key={String(entry.dataKey)} className="flex items-center gap-x-2">
          <span className="h-2 w-2 rounded-full" style={{ background: entry.color }} />
          <Text size="xsmall" className="text-ui-fg-subtle">
            {names[String(entry.dataKey)] ?? String(entry.dataKey)}: {formatMetric(typeof entry.value === "number" ? entry.value : null, unit)}
          </Text>
        </div>
      ))}
    </div>
  )
}

const yTick = (unit: MetricUnit) => (value: number) =>
  unit === "hours" ? formatMetric(value, "hours") : unit === "percent" ? `${value}%` : String(Number(value.toFixed(2)))

/** p50 of every "placed to ..." lead time on one chart: where in the order's life the hours go. */
const LeadTimeChart = ({ report, names }: { report: PerformanceReportResponse; names: Record<string, string> }) => {
  const buckets = report.metrics[LEAD_TIME_KEYS[0]]?.series.map((p) => p.bucket) ?? []
  const rows: Row[] = buckets.map((bucket) => {
    const row: Row = { bucket }
    for (const key of LEAD_TIME_KEYS) row[key] = report.metrics[key]?.series.find((p) => p.bucket === bucket)?.value ?? null
    return row
  })
  const measured = rows.some((r) => LEAD_TIME_KEYS.some((k) => r[k] !== null))
  return (
    <Container className="flex flex-col gap-y-2 px-4 py-3" data-testid="chart-lead-times">
      <div className="flex flex-col">
        <Heading level="h3">Time from order placed (median)</Heading>
        <Text size="xsmall" className="text-ui-fg-muted">
          Hours from placement to each step, per {report.filters.bucket}.
        </Text>
      </div>
      {measured ? (
        <div className="h-[260px]">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
              <CartesianGrid {...GRID} />
              <XAxis dataKey="bucket" tickFormatter={formatBucket} {...AXIS} />
              <YAxis tickFormatter={yTick("hours")} width={56} {...AXIS} />
              <Tooltip content={({ active, payload, label }) => <ChartTooltip active={active} payload={payload} label={label} unit="hours" names={names} />} />
              <Legend formatter={(value) => <span className="txt-compact-xsmall text-ui-fg-subtle">{names[value] ?? value}</span>} iconType="circle" iconSize={8} />
              {LEAD_TIME_KEYS.map((key, i) => (
                <Line key={key} type="monotone" dataKey={key} stroke={SERIES_COLORS[i]} strokeWidth={2} dot={{ r: 2 }} connectNulls isAnimationActive={false} />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      ) : (
        <SectionEmpty>No order reached a step after placement in this range.</SectionEmpty>
      )}
    </Container>
  )
}

/** Why a chart is empty, in the metric's own words. */
const EMPTY: Partial<Record<MetricKey, string>> = {
  split_rate: "No order was routed in this range.",
  parcels_per_order: "No order shipped in this range.",
  distance_per_order: "No order was routed in this range.",
  wrong_scans_per_100_lines: "No pick-list line was picked in this range.",
  short_picks_per_100_lines: "No pick-list line was picked in this range.",
  label_cost_per_order: "No label was bought for an order shipped in this range.",
  on_time_delivery: "No parcel was delivered in this range.",
  return_rate: "No unit was fulfilled in this range.",
  return_to_resolution: "No return was resolved in this range.",
  stock_cover_days: "Nothing was sold in this range, so stock cover cannot be told.",
}

/** One metric over time as bars; a bar opens the orders behind it. */
const MetricChart = ({
  definition,
  report,
  onDrill,
}: {
  definition: MetricDefinition
  report: PerformanceReportResponse
  onDrill: (bucket: string) => void
}) => {
  const metric = report.metrics[definition.key]
  const rows = metric?.series ?? []
  const measured = rows.some((p) => p.value !== null)
  return (
    <Container className="flex flex-col gap-y-2 px-4 py-3" data-testid={`chart-${definition.key}`}>
      <div className="flex flex-col">
        <Text size="small" weight="plus">
          {definition.label}
        </Text>
        <Text size="xsmall" className="text-ui-fg-muted">
          {definition.description}
        </Text>
      </div>
      {measured ? (
        <div className="h-[180px]">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid {...GRID} />
              <XAxis dataKey="bucket" tickFormatter={formatBucket} {...AXIS} />
              <YAxis tickFormatter={yTick(definition.unit)} width={48} {...AXIS} />
              <Tooltip cursor={{ fill: "var(--bg-subtle-hover)" }} content={({ active, payload, label }) => (
                  <ChartTooltip active={active} payload={payload} label={label} unit={definition.unit} names={{ value: definition.label }} />
                )} />
              <Bar
                dataKey="value"
                fill="var(--tag-blue-icon)"
                radius={[3, 3, 0, 0]}
                isAnimationActive={false}
                cursor={definition.drill_down ? "pointer" : undefined}
                onClick={definition.drill_down ? (_, index) => rows[index] && onDrill(rows[index].bucket) : undefined}
              />
            </BarChart>
          </ResponsiveContainer>
        </div>
      ) : (
        <SectionEmpty>{EMPTY[definition.key] ?? "Nothing was measured in this range."}</SectionEmpty>
      )}
    </Container>
  )
}

/** The charts over time: the lead times together, then one chart per other metric. */
export const MetricCharts = ({
  report,
  onDrill,
}: {
  report: PerformanceReportResponse
  onDrill: (key: MetricKey, bucket: string) => void
}) => {
  const definitions = new Map(report.definitions.map((d) => [d.key, d]))
  const names = Object.fromEntries(report.definitions.map((d) => [d.key, d.label]))
  const others = METRIC_GROUPS.slice(1).flatMap((g) => g.keys)
  return (
    <div className="flex flex-col gap-y-3" data-testid="metric-charts">
      <LeadTimeChart report={report} names={names} />
      <div className="grid gap-3 lg:grid-cols-2 2xl:grid-cols-3">
        {others.map((key) => {
          const definition = definitions.get(key)
          return definition ? <MetricChart key={key} definition={definition} report={report} onDrill={(bucket) => onDrill(key, bucket)} /> : null
        })}
      </div>
    </div>
  )
}
