import { Container, Table, Text } from "@medusajs/ui"
import { carrierName } from "../shipping/display"
import { formatCount } from "../../lib/format"
import { reasonText } from "../returns/display"
import { formatMetric } from "../../lib/metrics"
import type { MetricKey, PerformanceReportResponse, ReturnsBreakdownRow } from "../../../types/metrics"
import { SectionEmpty } from "../common/section-state"

/** The columns of the table per location: the numbers that tell one warehouse from another. */
const LOCATION_COLUMNS: MetricKey[] = [
  "placed_to_picked",
  "placed_to_shipped",
  "split_rate",
  "distance_per_order",
  "wrong_scans_per_100_lines",
  "label_cost_per_order",
  "on_time_delivery",
  "return_rate",
  "stock_cover_days",
]

const Section = ({ title, hint, testId, children }: { title: string; hint?: string; testId: string; children: React.ReactNode }) => (
  <Container className="flex flex-col p-0" data-testid={testId}>
    <div className="flex flex-col px-6 py-4">
      <Text size="small" weight="plus">
        {title}
      </Text>
      {hint && (
        <Text size="xsmall" className="text-ui-fg-muted">
          {hint}
        </Text>
      )}
    </div>
    {children}
  </Container>
)

/** Every location's numbers side by side; a number opens the orders behind it at that location. */
export const LocationTable = ({
  report,
  onDrill,
}: {
  report: PerformanceReportResponse
  onDrill: (key: MetricKey, locationId: string) => void
}) => {
  const definitions = new Map(report.definitions.map((d) => [d.key, d]))
  const columns = LOCATION_COLUMNS.filter((k) => definitions.has(k))
  return (
    <Section title="By location" hint="Lead times are medians; a number opens the orders behind it." testId="performance-locations">
      {report.by_location.length === 0 ? (
        <SectionEmpty>No location shipped, picked or stocked anything in this range.</SectionEmpty>
      ) : (
        <div className="overflow-x-auto">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Location</Table.HeaderCell>
                {columns.map((key) => (
                  <Table.HeaderCell key={key} className="text-right">
                    {definitions.get(key)!.label}
                  </Table.HeaderCell>
                ))}
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {report.by_location.map((row) => (
                <Table.Row key={row.location_id} data-testid="performance-location-row">
                  <Table.Cell className="whitespace-nowrap">{row.name}</Table.Cell>
                  {columns.map((key) => {
                    const definition = definitions.get(key)!
                    const value = row.values[key]
                    const text = formatMetric(value?.value, definition.unit)
                    return (
                      <Table.Cell key={key} className="text-right tabular-nums">
                        {definition.drill_down && value && value.count > 0 ? (
                          <button
                            type="button"
                            className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover outline-none"
                            onClick={() => onDrill(key, row.location_id)}
                            data-testid={`performance-location-${key}`}
                          >
                            {text}
                          </button>
                        ) : (
                          text
                        )}
                      </Table.Cell>
                    )
                  })}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </Section>
  )
}

/** Labels bought and what they cost per carrier, and how often its parcels came on time. */
export const CarrierTable = ({ report }: { report: PerformanceReportResponse }) => (
  <Section title="By carrier" hint="Outbound labels bought for orders in the range." testId="performance-carriers">
    {report.by_carrier.length === 0 ? (
      <SectionEmpty>No label was bought in this range.</SectionEmpty>
    ) : (
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Carrier</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Labels</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Total cost</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Per order</Table.HeaderCell>
            <Table.HeaderCell className="text-right">On time</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {report.by_carrier.map((row) => (
            <Table.Row key={`${row.carrier}-${row.currency_code}`} data-testid="performance-carrier-row">
              <Table.Cell>{carrierName(row.carrier)}</Table.Cell>
              <Table.Cell className="text-right tabular-nums">{formatCount(row.labels)}</Table.Cell>
              <Table.Cell className="text-right tabular-nums">{formatMetric(row.total_cost, "money", row.currency_code)}</Table.Cell>
              <Table.Cell className="text-right tabular-nums">{formatMetric(row.cost_per_order, "money", row.currency_code)}</Table.Cell>
              <Table.Cell className="text-right tabular-nums">
                {formatMetric(row.on_time.value, "percent")}
                {row.on_time.count > 0 && <span className="text-ui-fg-muted"> of {formatCount(row.on_time.count)}</span>}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    )}
  </Section>
)

const ReturnsTable = ({
  title,
  head,
  rows,
  testId,
  label = (row) => row.label,
}: {
  title: string
  head: string
  rows: ReturnsBreakdownRow[]
  testId: string
  label?: (row: ReturnsBreakdownRow) => string
}) => (
  <Section title={title} testId={testId}>
    {rows.length === 0 ? (
      <SectionEmpty>No unit was asked back in this range.</SectionEmpty>
    ) : (
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>{head}</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Units</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Rate</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {rows.map((row) => (
            <Table.Row key={row.key} data-testid={`${testId}-row`}>
              <Table.Cell className="max-w-[220px] truncate" title={label(row)}>
                {label(row)}
              </Table.Cell>
              <Table.Cell className="text-right tabular-nums">{formatCount(row.units)}</Table.Cell>
              <Table.Cell className="text-right tabular-nums">{formatMetric(row.rate, "percent")}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    )}
  </Section>
)


/** Returns by reason, product and location. */
export const ReturnsBreakdown = ({ report }: { report: PerformanceReportResponse }) => (
  <div className="grid gap-3 xl:grid-cols-3" data-testid="performance-returns">
    <ReturnsTable title="Returns by reason" head="Reason" rows={report.returns.by_reason} testId="performance-returns-reason" label={(row) => reasonText(row.key)} />
    <ReturnsTable title="Returns by product" head="Product" rows={report.returns.by_product} testId="performance-returns-product" />
    <ReturnsTable title="Returns by location" head="Location" rows={report.returns.by_location} testId="performance-returns-location" />
  </div>
)
