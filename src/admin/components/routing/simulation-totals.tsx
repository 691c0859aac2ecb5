import { Container, Heading, Table, Text } from "@medusajs/ui"
import { formatCount, formatPercent } from "../../lib/format"
import type { SideTotals as SimulationSideTotals, SimulationTotals as Totals } from "../../../types/routing"

/** Every compared number is better when lower (fewer parcels, km, units left, breaches). */
const Change = ({ delta, format, testId }: { delta: number; format: (n: number) => string; testId?: string }) => {
  if (Math.abs(delta) < 1e-9) {
    return (
      <span className="text-ui-fg-muted" data-testid={testId}>
        No change
      </span>
    )
  }
  return (
    <span className={delta < 0 ? "text-ui-tag-green-text" : "text-ui-tag-red-text"} data-testid={testId}>
      {delta > 0 ? "+" : "−"}
      {format(Math.abs(delta))}
    </span>
  )
}

const km = (value: number) => `${formatCount(Math.round(value))} km`
const percentPoints = (value: number) => `${Number((value * 100).toFixed(1))} pts`

type Metric = {
  key: string
  label: string
  value: (side: SimulationSideTotals) => string
  delta: (totals: Totals) => number
  format: (n: number) => string
}

const METRICS: Metric[] = [
  {
    key: "shipments",
    label: "Shipments",
    value: (side) => formatCount(side.shipments),
    delta: (t) => t.draft.shipments - t.live.shipments,
    format: formatCount,
  },
  {
    key: "split_rate",
    label: "Orders split",
    value: (side) => `${formatCount(side.split_orders)} (${formatPercent(side.split_rate)})`,
    delta: (t) => t.draft.split_rate - t.live.split_rate,
    format: percentPoints,
  },
  {
    key: "km",
    label: "Distance",
    value: (side) => km(side.km),
    delta: (t) => t.draft.km - t.live.km,
    format: km,
  },
  {
    key: "unallocated",
    label: "Units not placed",
    value: (side) => formatCount(side.unallocated_units),
    delta: (t) => t.draft.unallocated_units - t.live.unallocated_units,
    format: formatCount,
  },
  {
    key: "capacity_breaches",
    label: "Capacity breaches",
    value: (side) => formatCount(side.capacity_breaches ?? 0),
    delta: (t) => (t.draft.capacity_breaches ?? 0) - (t.live.capacity_breaches ?? 0),
    format: formatCount,
  },
]

/** Live rules next to the tried rule set, in total and per location. */
export const SimulationTotals = ({
  totals,
  ruleSetName,
  locationName,
}: {
  totals: Totals
  ruleSetName: string
  locationName: (id: string) => string
}) => {
  const locationIds = [...new Set([...Object.keys(totals.live.load), ...Object.keys(totals.draft.load)])].sort((a, b) =>
    locationName(a).localeCompare(locationName(b))
  )
  const hasBreaches = totals.live.capacity_breaches !== undefined
  const metrics = METRICS.filter((metric) => metric.key !== "capacity_breaches" || hasBreaches)

  return (
    <div className="grid grid-cols-1 gap-3 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <Container className="divide-y p-0" data-testid="oms-simulation-totals">
        <div className="flex flex-col gap-y-1 px-6 py-4">
          <Heading level="h2">Totals</Heading>
          <Text size="small" className="text-ui-fg-subtle" data-testid="oms-simulation-changed">
            {formatCount(totals.changed)} of {formatCount(totals.orders)} orders would ship differently.
          </Text>
        </div>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Over {formatCount(totals.orders)} orders</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Live rules</Table.HeaderCell>
              <Table.HeaderCell className="text-right">
                <span className="inline-block max-w-[160px] truncate align-bottom" title={ruleSetName}>
                  {ruleSetName}
                </span>
              </Table.HeaderCell>
              <Table.HeaderCell className="text-right">Change</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {metrics.map((metric) => (
              <Table.Row key={metric.key} data-testid={`oms-simulation-total-${metric.key}`}>
                <Table.Cell>{metric.label}</Table.Cell>
                <Table.Cell className="text-right tabular-nums" data-testid="live">
                  {metric.value(totals.live)}
                </Table.Cell>
                <Table.Cell className="text-right tabular-nums" data-testid="draft">
                  {metric.value(totals.draft)}
                </Table.Cell>
                <Table.Cell className="text-right tabular-nums">
                  <Change delta={metric.delta(totals)} format={metric.format} testId="delta" />
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Container>
      <Container className="divide-y p-0" data-testid="oms-simulation-load">
        <div className="flex flex-col gap-y-1 px-6 py-4">
          <Heading level="h2">Orders per location</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            How many of the orders each location ships (part of).
          </Text>
        </div>
        {locationIds.length === 0 ? (
          <Text size="small" className="text-ui-fg-subtle px-6 py-4">
            No location ships any of these orders.
          </Text>
        ) : (
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Location</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Live</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Tried</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Change</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {locationIds.map((id) => {
                const live = totals.live.load[id] ?? 0
                const draft = totals.draft.load[id] ?? 0
                return (
                  <Table.Row key={id} data-testid={`oms-simulation-load-${locationName(id)}`}>
                    <Table.Cell>
                      <span className="block max-w-[180px] truncate" title={locationName(id)}>
                        {locationName(id)}
                      </span>
                    </Table.Cell>
                    <Table.Cell className="text-right tabular-nums">{formatCount(live)}</Table.Cell>
                    <Table.Cell className="text-right tabular-nums">{formatCount(draft)}</Table.Cell>
                    <Table.Cell className="text-right tabular-nums">
                      {draft === live ? (
                        <span className="text-ui-fg-muted">-</span>
                      ) : (
                        <span className="text-ui-fg-subtle">
                          {draft > live ? "+" : "−"}
                          {formatCount(Math.abs(draft - live))}
                        </span>
                      )}
                    </Table.Cell>
                  </Table.Row>
                )
              })}
            </Table.Body>
          </Table>
        )}
      </Container>
    </div>
  )
}
