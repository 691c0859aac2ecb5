import { Container, Skeleton, StatusBadge, Text } from "@medusajs/ui"
import type { UseQueryResult } from "@tanstack/react-query"
import { formatCount, fulfillmentStatusDisplay, orderedStatuses } from "../../lib/format"
import type { AdminOmsOverviewResponse as OmsOverview } from "../../../types/foundation"
import { SectionError } from "../common/section-state"

/** One number on the page; `value` is a count or already formatted ("12%", "-"). */
export const StatCard = ({
  label,
  value,
  testId,
  children,
}: {
  label: React.ReactNode
  value: number | string
  testId: string
  children?: React.ReactNode
}) => (
  <Container className="flex flex-col gap-y-2 px-4 py-3">
    <div className="text-ui-fg-subtle flex min-h-5 items-center">{label}</div>
    <Text size="xlarge" weight="plus" className="text-ui-fg-base" data-testid={testId}>
      {typeof value === "number" ? formatCount(value) : value}
    </Text>
    {children}
  </Container>
)

export const statGrid = "grid grid-cols-[repeat(auto-fill,minmax(180px,1fr))] gap-3"

/** "Orders placed today" and the fulfillment status counts of the recent window, as cards. */
export const OverviewStats = ({ query }: { query: UseQueryResult<OmsOverview> }) => {
  const { data, isPending, isError, error, refetch } = query

  if (isPending) {
    return (
      <div className={statGrid}>
        {Array.from({ length: 4 }, (_, index) => (
          <Container key={index} className="flex flex-col gap-y-3 px-4 py-3">
            <Skeleton className="h-4 w-24" />
            <Skeleton className="h-7 w-12" />
          </Container>
        ))}
      </div>
    )
  }
  if (isError) {
    return (
      <Container className="p-0">
        <SectionError error={error} onRetry={() => refetch()} />
      </Container>
    )
  }

  const { fulfillment } = data
  const statuses = orderedStatuses(fulfillment.by_status)
  return (
    <div className="flex flex-col gap-y-2">
      <div className={statGrid}>
        <StatCard
          label={<Text size="small" weight="plus">Orders placed today</Text>}
          value={data.orders_today}
          testId="oms-orders-today"
        >
          <Text size="xsmall" className="text-ui-fg-muted">
            Since midnight ({data.timezone})
          </Text>
        </StatCard>
        {statuses.map((status) => {
          const display = fulfillmentStatusDisplay(status)
          return (
            <StatCard
              key={status}
              label={<StatusBadge color={display.color}>{display.label}</StatusBadge>}
              value={fulfillment.by_status[status] ?? 0}
              testId={`oms-fulfillment-${status}`}
            >
              <Text size="xsmall" className="text-ui-fg-muted">
                Last {fulfillment.window_days} days
              </Text>
            </StatCard>
          )
        })}
      </div>
      <Text size="xsmall" className="text-ui-fg-muted" data-testid="oms-fulfillment-window">
        {statuses.length
          ? `Fulfillment status of the ${formatCount(fulfillment.orders)} orders placed in the last ${fulfillment.window_days} days.`
          : `No orders were placed in the last ${fulfillment.window_days} days.`}
      </Text>
    </div>
  )
}
