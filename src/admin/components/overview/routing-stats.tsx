import { StatusBadge, Text } from "@medusajs/ui"
import type { UseQueryResult } from "@tanstack/react-query"
import { Link } from "react-router-dom"
import { formatCount, formatDistance, formatPercent } from "../../lib/format"
import type { AdminOmsOverviewResponse as OmsOverview } from "../../../types/foundation"
import { StatCard, statGrid } from "./overview-stats"

const Hint = ({ children }: { children: React.ReactNode }) => (
  <Text size="xsmall" className="text-ui-fg-muted">
    {children}
  </Text>
)

/** Today's routing (orders routed, split rate, km per order) and the orders waiting now. */
export const RoutingStats = ({ query }: { query: UseQueryResult<OmsOverview> }) => {
  // Loading and errors are shown once, by the fulfillment cards below.
  const routing = query.data?.routing
  if (!routing) return null
  const routedAny = routing.routed_today > 0
  return (
    <div className="flex flex-col gap-y-2" data-testid="oms-routing-stats">
      <Text size="small" weight="plus" className="text-ui-fg-subtle">
        Routing
      </Text>
      <div className={statGrid}>
        <StatCard label={<Text size="small" weight="plus">Routed today</Text>} value={routing.routed_today} testId="oms-routed-today">
          <Hint>Decisions since midnight ({query.data?.timezone})</Hint>
        </StatCard>
        <StatCard
          label={<Text size="small" weight="plus">Split rate</Text>}
          value={routing.split_rate === null ? "-" : formatPercent(routing.split_rate)}
          testId="oms-split-rate"
        >
          <Hint>
            {routedAny
              ? `${formatCount(routing.split_today)} of ${formatCount(routing.routed_today)} ship in more than one parcel`
              : "No orders routed today"}
          </Hint>
        </StatCard>
        <StatCard
          label={<Text size="small" weight="plus">Distance per order</Text>}
          value={routing.average_km === null ? "-" : formatDistance(routing.average_km) ?? "-"}
          testId="oms-average-km"
        >
          <Hint>{routedAny ? "Average of today's routed orders" : "No orders routed today"}</Hint>
        </StatCard>
        <StatCard label={<StatusBadge color="red">Held</StatusBadge>} value={routing.held} testId="oms-held">
          <Link to="/oms/routing" className="txt-compact-xsmall text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
            See the queue
          </Link>
        </StatCard>
        <StatCard label={<StatusBadge color="orange">Backordered</StatusBadge>} value={routing.backordered} testId="oms-backordered">
          <Link to="/oms/routing" className="txt-compact-xsmall text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
            See the queue
          </Link>
        </StatCard>
      </div>
    </div>
  )
}
