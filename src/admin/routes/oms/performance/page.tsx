import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Container, Heading, Text, toast } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useSearchParams } from "react-router-dom"
import { CarrierTable, LocationTable, ReturnsBreakdown } from "../../../components/metrics/breakdown-tables"
import { MetricCards } from "../../../components/metrics/metric-cards"
import { MetricCharts } from "../../../components/metrics/metric-charts"
import { MetricOrdersDrawer } from "../../../components/metrics/metric-orders-drawer"
import { PerformanceFiltersBar } from "../../../components/metrics/performance-filters"
import { SectionError, SectionLoading } from "../../../components/common/section-state"
import { downloadDocument } from "../../../components/picking/download"
import { usePerformanceReport } from "../../../hooks/metrics/report"
import { DrillDown, filterQuery, PerformanceFilters } from "../../../hooks/metrics/query-keys"
import { useOmsLocations } from "../../../hooks/routing/locations"
import { errorMessage } from "../../../lib/format"
import { daysBefore, localToday } from "../../../lib/metrics"
import type { MetricBucket } from "../../../../types/metrics"

const BUCKETS: MetricBucket[] = ["day", "week", "month"]

/**
 * The filters live in the address, so going back from an order's page (or sharing the link)
 * shows the same numbers. Without any: the last six weeks by week, compared with the six before.
 */
const filtersFrom = (params: URLSearchParams): PerformanceFilters => {
  const to = params.get("to") || localToday()
  const bucket = params.get("bucket") as MetricBucket
  return {
    from: params.get("from") || daysBefore(to, 41),
    to,
    location_id: params.get("location_id") || undefined,
    sales_channel_id: params.get("sales_channel_id") || undefined,
    carrier: params.get("carrier") || undefined,
    bucket: BUCKETS.includes(bucket) ? bucket : "week",
    compare: params.get("compare") !== "false",
  }
}

/** Performance: the numbers a head of operations reads every morning, as charts and tables. */
const PerformancePage = () => {
  const [params, setParams] = useSearchParams()
  const filters = useMemo(() => filtersFrom(params), [params])
  const setFilters = (next: PerformanceFilters) => setParams(filterQuery(next), { replace: true })
  const [drill, setDrill] = useState<DrillDown | null>(null)
  const [exporting, setExporting] = useState(false)
  const { data, isPending, isError, error, refetch, isFetching } = usePerformanceReport(filters)
  const locations = useOmsLocations()
  const locationName = (id: string) => locations.data?.locations.find((l) => l.id === id)?.name ?? id

  const exportCsv = async () => {
    setExporting(true)
    try {
      await downloadDocument("/admin/oms/metrics/export.csv", `performance-${filters.from}-${filters.to}.csv`, {
        query: filterQuery(filters),
        accept: "text/csv",
      })
    } catch (e) {
      toast.error("The export failed", { description: errorMessage(e) })
    } finally {
      setExporting(false)
    }
  }

  return (
    <div className="flex flex-col gap-y-3" data-testid="performance-page">
      <Container className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h1">Performance</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          How fast orders move from placed to delivered, how routing, picking and carriers did, and what comes back,
          over time and by location. Days are the store's calendar days.
        </Text>
      </Container>
      <PerformanceFiltersBar filters={filters} onChange={setFilters} onExport={exportCsv} exporting={exporting} />
      {isPending ? (
        <Container className="p-0" data-testid="performance-loading">
          <SectionLoading rows={6} />
        </Container>
      ) : isError ? (
        <Container className="p-0" data-testid="performance-error">
          <SectionError error={error} onRetry={() => refetch()} />
        </Container>
      ) : (
        <div className={`flex flex-col gap-y-3 transition-opacity ${isFetching ? "opacity-60" : ""}`} aria-busy={isFetching} data-testid="performance-report">
          {data.previous_range && (
            <Text size="xsmall" className="text-ui-fg-muted px-1" data-testid="performance-previous-range">
              Compared with {data.previous_range.from} to {data.previous_range.to}.
            </Text>
          )}
          <MetricCards report={data} onDrill={(key) => setDrill({ key })} />
          <MetricCharts report={data} onDrill={(key, bucket_start) => setDrill({ key, bucket_start })} />
          <LocationTable report={data} onDrill={(key, location_id) => setDrill({ key, location_id })} />
          <CarrierTable report={data} />
          <ReturnsBreakdown report={data} />
        </div>
      )}
      <MetricOrdersDrawer
        filters={filters}
        drill={drill}
        definition={data?.definitions.find((d) => d.key === drill?.key)}
        locationName={locationName}
        onClose={() => setDrill(null)}
      />
    </div>
  )
}

// A sub-route of Order management with a label: the sidebar shows it nested under that entry.
export const config = defineRouteConfig({
  label: "Performance",
})

export default PerformancePage
