import { Button, Drawer, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { DRILL_PAGE_SIZE, useMetricOrders } from "../../hooks/metrics/report"
import type { DrillDown, PerformanceFilters } from "../../hooks/metrics/query-keys"
import { formatCount, formatDateTime } from "../../lib/format"
import { formatBucket, formatMetric } from "../../lib/metrics"
import type { MetricDefinition } from "../../../types/metrics"
import { SectionEmpty, SectionError, SectionLoading } from "../common/section-state"

const OrdersList = ({
  filters,
  drill,
  definition,
  locationName,
  onNavigate,
}: {
  filters: PerformanceFilters
  drill: DrillDown
  definition: MetricDefinition | undefined
  locationName: (id: string) => string
  onNavigate: () => void
}) => {
  const [offset, setOffset] = useState(0)
  const { data, isPending, isError, error, refetch } = useMetricOrders(filters, drill, offset)
  if (isPending) return <SectionLoading rows={6} />
  if (isError) return <SectionError error={error} onRetry={() => refetch()} />
  if (data.orders.length === 0) return <SectionEmpty>No order is behind this number.</SectionEmpty>
  const unit = definition?.unit ?? "count"
  const last = Math.min(offset + data.orders.length, data.count)
  return (
    <div className="flex flex-col gap-y-3" data-testid="metric-orders">
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Order</Table.HeaderCell>
            <Table.HeaderCell>Placed</Table.HeaderCell>
            <Table.HeaderCell>Location</Table.HeaderCell>
            <Table.HeaderCell className="text-right">{definition?.label ?? "Value"}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {data.orders.map((order) => (
            <Table.Row key={order.order_id} data-testid="metric-order-row">
              <Table.Cell>
                {/* Closed first: a Radix drawer unmounted by the route change leaves the body without
                    pointer events, so the page would not take clicks after going back. */}
                <Link to={`/orders/${order.order_id}`} onClick={onNavigate} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover" data-testid="metric-order-link">
                  #{order.display_id}
                </Link>
                {order.email && (
                  <Text size="xsmall" className="text-ui-fg-muted max-w-[180px] truncate">
                    {order.email}
                  </Text>
                )}
              </Table.Cell>
              <Table.Cell className="whitespace-nowrap">{formatDateTime(order.placed_at)}</Table.Cell>
              <Table.Cell className="max-w-[140px] truncate">{order.location_ids.map(locationName).join(", ") || "-"}</Table.Cell>
              <Table.Cell className="text-right tabular-nums">{formatMetric(order.value, unit)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <div className="flex items-center justify-between px-1">
        <Text size="small" className="text-ui-fg-subtle" data-testid="metric-orders-count">
          {formatCount(offset + 1)}–{formatCount(last)} of {formatCount(data.count)} orders
        </Text>
        <div className="flex gap-x-2">
          <Button size="small" variant="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - DRILL_PAGE_SIZE))}>
            Previous
          </Button>
          <Button size="small" variant="secondary" disabled={last >= data.count} onClick={() => setOffset(offset + DRILL_PAGE_SIZE)}>
            Next
          </Button>
        </div>
      </div>
    </div>
  )
}

/** The orders behind one number, each a link to Medusa's order page. */
export const MetricOrdersDrawer = ({
  filters,
  drill,
  definition,
  locationName,
  onClose,
}: {
  filters: PerformanceFilters
  drill: DrillDown | null
  definition: MetricDefinition | undefined
  locationName: (id: string) => string
  onClose: () => void
}) => {
  const scope = [
    drill?.bucket_start && `${filters.bucket} of ${formatBucket(drill.bucket_start)}`,
    drill?.location_id && `at ${locationName(drill.location_id)}`,
  ].filter(Boolean)
  return (
    <Drawer open={drill !== null} onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content data-testid="metric-orders-drawer">
        <Drawer.Header>
          <Drawer.Title>{definition?.label ?? "Orders"}</Drawer.Title>
          <Drawer.Description className="text-ui-fg-subtle txt-small">
            The orders behind this number, from {filters.from} to {filters.to}
            {scope.length ? `, ${scope.join(", ")}` : ""}. {definition?.description}
          </Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="overflow-y-auto p-4">
          {/* A new drill-down starts on its first page. */}
          {drill && <OrdersList key={JSON.stringify(drill)} filters={filters} drill={drill} definition={definition} locationName={locationName} onNavigate={onClose} />}
        </Drawer.Body>
      </Drawer.Content>
    </Drawer>
  )
}
