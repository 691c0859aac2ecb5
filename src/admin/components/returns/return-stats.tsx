import { Container, Heading, Input, Label, Table, Text } from "@medusajs/ui"
import { useId, useState } from "react"
import { useOmsLocations } from "../../hooks/routing/locations"
import { useReturnStats } from "../../hooks/returns/stats"
import type { StatsRangeInput } from "../../hooks/returns/query-keys"
import { formatCount, formatPercent, isoString } from "../../lib/format"
import type { AdminReturnStatsResponse as Stats } from "../../../types/returns"
import { SectionEmpty, SectionError, SectionLoading } from "../common/section-state"
import { StatCard, statGrid } from "../overview/overview-stats"
import { reasonText } from "./display"

/** A rate with nothing in its whole (units sold or shipped before the range) has no meaning: "-". */
const rateText = (rate: number, whole: number) => (whole > 0 ? formatPercent(rate) : "-")
/** The server rounds to 0.1 h: under an hour reads in minutes (0 = under 6 minutes), two days and more in days. */
const hoursText = (hours: number | null) => {
  if (hours === null) return "-"
  if (hours === 0) return "< 6 min"
  if (hours < 1) return `${Math.round(hours * 60)} min`
  return hours < 48 ? `${Number(hours.toFixed(1))} h` : `${Number((hours / 24).toFixed(1))} d`
}

const Hint = ({ children }: { children: React.ReactNode }) => (
  <Text size="xsmall" className="text-ui-fg-muted">
    {children}
  </Text>
)

const NumbersTable = ({ title, testId, head, rows }: { title: string; testId: string; head: string[]; rows: React.ReactNode[][] }) => (
  <Container className="flex flex-col p-0" data-testid={testId}>
    <div className="px-4 py-3">
      <Text size="small" weight="plus">
        {title}
      </Text>
    </div>
    {rows.length === 0 ? (
      <SectionEmpty>No returns in this range.</SectionEmpty>
    ) : (
      <div className="overflow-x-auto">
      <Table>
        <Table.Header>
          <Table.Row>
            {head.map((h, i) => (
              <Table.HeaderCell key={h} className={i === 0 ? undefined : "text-right"}>
                {h}
              </Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {rows.map((cells, r) => (
            <Table.Row key={r} data-testid={`${testId}-row`}>
              {cells.map((cell, i) => (
                <Table.Cell key={i} className={i === 0 ? "max-w-[220px] truncate" : "text-right tabular-nums"}>
                  {cell}
                </Table.Cell>
              ))}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      </div>
    )}
  </Container>
)

const StatsBody = ({ stats }: { stats: Stats }) => {
  const locations = useOmsLocations()
  const locationName = (id: string | null) =>
    id === null ? "No destination" : locations.data?.locations.find((l) => l.id === id)?.name ?? id
  return (
    <div className="flex flex-col gap-y-3">
      <div className={statGrid}>
        <StatCard label={<Text size="small" weight="plus">Resolved</Text>} value={stats.resolution_hours.count} testId="returns-stats-resolved">
          <Hint>Returns resolved in the range</Hint>
        </StatCard>
        <StatCard label={<Text size="small" weight="plus">Time to resolve (median)</Text>} value={hoursText(stats.resolution_hours.p50)} testId="returns-stats-p50">
          <Hint>From the request to the refund, credit or exchange</Hint>
        </StatCard>
        <StatCard label={<Text size="small" weight="plus">Time to resolve (90%)</Text>} value={hoursText(stats.resolution_hours.p90)} testId="returns-stats-p90">
          <Hint>Nine in ten returns were resolved within this</Hint>
        </StatCard>
      </div>
      <div className="grid gap-3 2xl:grid-cols-3">
        <NumbersTable
          title="By reason"
          testId="returns-stats-reason"
          head={["Reason", "Returns", "Units", "Rate"]}
          rows={stats.by_reason.map((r) => [
            reasonText(r.reason_value),
            formatCount(r.returns),
            formatCount(r.units),
            // 0 with units returned: nothing was fulfilled in the range (the units left before it).
            r.rate > 0 ? formatPercent(r.rate) : "-",
          ])}
        />
        <NumbersTable
          title="By product"
          testId="returns-stats-product"
          head={["Product", "Returned", "Sold", "Rate"]}
          rows={stats.by_product.map((p) => [
            <span title={p.title}>
              {p.title}
              {p.sku && <span className="text-ui-fg-muted font-mono"> {p.sku}</span>}
            </span>,
            formatCount(p.units),
            formatCount(p.sold_units),
            rateText(p.rate, p.sold_units),
          ])}
        />
        <NumbersTable
          title="By location"
          testId="returns-stats-location"
          head={["Location", "Returned", "Shipped", "Rate"]}
          rows={stats.by_location.map((l) => [locationName(l.location_id), formatCount(l.units), formatCount(l.shipped_units), rateText(l.rate, l.shipped_units)])}
        />
      </div>
    </div>
  )
}

/**
 * The return numbers over a date range (the last 30 days unless dates are chosen): rates by
 * reason (of every unit fulfilled), product (of units sold) and location (of units shipped
 * from it), and how long returns take from request to resolution.
 */
export const ReturnStats = () => {
  const ids = useId()
  const [range, setRange] = useState<StatsRangeInput>({})
  const { data, isPending, isError, error, refetch } = useReturnStats(range)
  const set = (key: keyof StatsRangeInput, value: string) => setRange((current) => ({ ...current, [key]: value || undefined }))
  return (
    <div className="flex flex-col gap-y-3" data-testid="returns-stats">
      <Container className="flex flex-wrap items-end justify-between gap-3 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Heading level="h2">Numbers</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {data ? `Returns requested from ${isoString(data.from).slice(0, 10)} to ${isoString(data.to).slice(0, 10)}.` : "Returns requested in the range."}
          </Text>
        </div>
        <div className="flex items-end gap-x-2">
          <div className="flex flex-col gap-y-1">
            <Label htmlFor={`${ids}-from`} size="xsmall" weight="plus">
              From
            </Label>
            <Input id={`${ids}-from`} type="date" size="small" value={range.from ?? ""} onChange={(e) => set("from", e.target.value)} data-testid="returns-stats-from" />
          </div>
          <div className="flex flex-col gap-y-1">
            <Label htmlFor={`${ids}-to`} size="xsmall" weight="plus">
              To
            </Label>
            <Input id={`${ids}-to`} type="date" size="small" value={range.to ?? ""} onChange={(e) => set("to", e.target.value)} data-testid="returns-stats-to" />
          </div>
        </div>
      </Container>
      {isPending ? (
        <Container className="p-0">
          <SectionLoading rows={3} />
        </Container>
      ) : isError ? (
        <Container className="p-0">
          <SectionError error={error} onRetry={() => refetch()} />
        </Container>
      ) : (
        <StatsBody stats={data} />
      )}
    </div>
  )
}
