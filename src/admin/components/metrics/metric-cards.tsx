import { Badge, Container, Heading, Text, Tooltip } from "@medusajs/ui"
import { formatCount } from "../../lib/format"
import { formatMetric, metricDelta, METRIC_GROUPS } from "../../lib/metrics"
import type { MetricDefinition, MetricKey, PerformanceReportResponse } from "../../../types/metrics"

const arrow = { up: "↑", down: "↓", flat: "" } as const

/** One metric's headline: the value (p50 for durations, with p90), what it was measured over, the change. */
const MetricCard = ({
  definition,
  report,
  currency,
  onDrill,
}: {
  definition: MetricDefinition
  report: PerformanceReportResponse["metrics"][MetricKey]
  currency: string | null
  onDrill?: () => void
}) => {
  const { current, previous } = report
  const delta = metricDelta(current, previous, definition)
  const value = formatMetric(current.value, definition.unit, currency)
  return (
    <Container className="flex flex-col gap-y-1.5 px-4 py-3" data-testid={`metric-card-${definition.key}`}>
      <Tooltip content={definition.description}>
        <Text size="small" weight="plus" className="text-ui-fg-subtle w-fit cursor-help">
          {definition.label}
        </Text>
      </Tooltip>
      <div className="flex items-baseline gap-x-2">
        {onDrill && current.count > 0 ? (
          <button
            type="button"
            onClick={onDrill}
            className="txt-xlarge-plus text-ui-fg-base hover:text-ui-fg-interactive rounded text-left underline decoration-dotted underline-offset-4 focus-visible:shadow-borders-focus outline-none"
            title="Show the orders behind this number"
            data-testid={`metric-value-${definition.key}`}
          >
            {value}
          </button>
        ) : (
          <Text size="xlarge" weight="plus" className="text-ui-fg-base" data-testid={`metric-value-${definition.key}`}>
            {value}
          </Text>
        )}
        {delta && (
          <Badge size="2xsmall" color={delta.color} data-testid={`metric-delta-${definition.key}`}>
            {arrow[delta.direction]} {delta.text}
          </Badge>
        )}
      </div>
      <Text size="xsmall" className="text-ui-fg-muted">
        {definition.unit === "hours" && current.p90 !== null && current.p90 !== undefined
          ? `Median · 90% within ${formatMetric(current.p90, "hours")} · `
          : ""}
        {current.count === 0 ? "Nothing measured" : `${formatCount(current.count)} measured`}
        {previous && ` · before: ${formatMetric(previous.value, definition.unit, currency)}`}
      </Text>
    </Container>
  )
}

/** The headline cards, a row per section. */
export const MetricCards = ({
  report,
  onDrill,
}: {
  report: PerformanceReportResponse
  onDrill: (key: MetricKey) => void
}) => {
  const definitions = new Map(report.definitions.map((d) => [d.key, d]))
  const currencies = [...new Set(report.by_carrier.map((c) => c.currency_code).filter(Boolean))]
  const currency = currencies.length === 1 ? currencies[0] : null
  return (
    <div className="flex flex-col gap-y-4" data-testid="metric-cards">
      {METRIC_GROUPS.map((group) => (
        <div key={group.title} className="flex flex-col gap-y-2">
          <Heading level="h3" className="text-ui-fg-subtle px-1">
            {group.title}
          </Heading>
          <div className="grid grid-cols-[repeat(auto-fill,minmax(220px,1fr))] gap-3">
            {group.keys.map((key) => {
              const definition = definitions.get(key)
              const metric = report.metrics[key]
              if (!definition || !metric) return null
              return (
                <MetricCard
                  key={key}
                  definition={definition}
                  report={metric}
                  currency={definition.unit === "money" ? currency : null}
                  onDrill={definition.drill_down ? () => onDrill(key) : undefined}
                />
              )
            })}
          </div>
        </div>
      ))}
    </div>
  )
}
