import { Button, Container, Input, Label, Switch } from "@medusajs/ui"
import { useId } from "react"
import { useSalesChannelOptions } from "../../hooks/common"
import { useOmsLocations } from "../../hooks/routing/locations"
import { useCarrierAccounts } from "../../hooks/shipping/carrier-accounts"
import type { PerformanceFilters } from "../../hooks/metrics/query-keys"
import type { MetricBucket } from "../../../types/metrics"
import { OptionSelect } from "../common/option-select"
import { carrierName } from "../shipping/display"

// Radix Select cannot hold "" as a value: "all" stands for no filter.
const ALL = "all"
const BUCKETS: { value: MetricBucket; label: string }[] = [
  { value: "day", label: "By day" },
  { value: "week", label: "By week" },
  { value: "month", label: "By month" },
]

const Labelled = ({ label, htmlFor, children }: { label: string; htmlFor?: string; children: React.ReactNode }) => (
  <div className="flex min-w-[140px] flex-col gap-y-1">
    <Label htmlFor={htmlFor} size="xsmall" weight="plus">
      {label}
    </Label>
    {children}
  </div>
)

/** Date range, location, sales channel, carrier, bucket and the previous-period comparison. */
export const PerformanceFiltersBar = ({
  filters,
  onChange,
  onExport,
  exporting,
}: {
  filters: PerformanceFilters
  onChange: (next: PerformanceFilters) => void
  onExport: () => void
  exporting: boolean
}) => {
  const ids = useId()
  const locations = useOmsLocations()
  const channels = useSalesChannelOptions()
  const accounts = useCarrierAccounts()
  const set = <K extends keyof PerformanceFilters>(key: K, value: PerformanceFilters[K]) => onChange({ ...filters, [key]: value })
  const optional = (value: string) => (value === ALL ? undefined : value)
  const carriers = [...new Set((accounts.data?.carrier_accounts ?? []).map((a) => a.carrier as string))].sort()

  return (
    <Container className="flex flex-wrap items-end gap-3 px-6 py-4" data-testid="performance-filters">
      <Labelled label="From" htmlFor={`${ids}-from`}>
        <Input id={`${ids}-from`} type="date" size="small" value={filters.from} max={filters.to} onChange={(e) => e.target.value && set("from", e.target.value)} data-testid="performance-from" />
      </Labelled>
      <Labelled label="To" htmlFor={`${ids}-to`}>
        <Input id={`${ids}-to`} type="date" size="small" value={filters.to} min={filters.from} onChange={(e) => e.target.value && set("to", e.target.value)} data-testid="performance-to" />
      </Labelled>
      <Labelled label="Location">
        <OptionSelect
          value={filters.location_id ?? ALL}
          onChange={(v) => set("location_id", optional(v))}
          testId="performance-location"
          options={[{ value: ALL, label: "All locations" }, ...(locations.data?.locations ?? []).map((l) => ({ value: l.id, label: l.name }))]}
        />
      </Labelled>
      <Labelled label="Sales channel">
        <OptionSelect
          value={filters.sales_channel_id ?? ALL}
          onChange={(v) => set("sales_channel_id", optional(v))}
          testId="performance-sales-channel"
          options={[{ value: ALL, label: "All channels" }, ...(channels.data?.sales_channels ?? []).map((c) => ({ value: c.id, label: c.name }))]}
        />
      </Labelled>
      <Labelled label="Carrier">
        <OptionSelect
          value={filters.carrier ?? ALL}
          onChange={(v) => set("carrier", optional(v))}
          testId="performance-carrier"
          options={[{ value: ALL, label: "All carriers" }, ...carriers.map((c) => ({ value: c, label: carrierName(c) }))]}
        />
      </Labelled>
      <Labelled label="Chart by">
        <OptionSelect value={filters.bucket} onChange={(v) => set("bucket", v as MetricBucket)} testId="performance-bucket" options={BUCKETS} />
      </Labelled>
      <div className="flex h-8 items-center gap-x-2">
        <Switch id={`${ids}-compare`} checked={filters.compare} onCheckedChange={(on) => set("compare", on)} data-testid="performance-compare" />
        <Label htmlFor={`${ids}-compare`} size="small">
          Compare with the previous period
        </Label>
      </div>
      <div className="ml-auto">
        <Button size="small" variant="secondary" onClick={onExport} isLoading={exporting} data-testid="performance-export">
          Export CSV
        </Button>
      </div>
    </Container>
  )
}
