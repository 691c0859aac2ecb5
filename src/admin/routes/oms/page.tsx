import { defineRouteConfig } from "@medusajs/admin-sdk"
import { BuildingStorefront } from "@medusajs/icons"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { LocationProfileDrawer } from "../../components/routing/location-profile-drawer"
import { LocationsTable } from "../../components/routing/locations-table"
import { OverviewStats } from "../../components/overview/overview-stats"
import { RoutingStats } from "../../components/overview/routing-stats"
import { StockTable } from "../../components/overview/stock-table"
import { useOmsLocations } from "../../hooks/routing/locations"
import { useOmsOverview } from "../../hooks/overview"
import type { AdminOmsLocation as OmsLocation } from "../../../types/routing"

/** Order management: today's orders, fulfillment progress, stock and routing per location. */
const OrderManagementPage = () => {
  const overview = useOmsOverview()
  const locations = useOmsLocations()
  const [editing, setEditing] = useState<OmsLocation | null>(null)

  return (
    <div className="flex flex-col gap-y-3" data-testid="oms-page">
      <Container className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Heading level="h1">Order management</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Orders, fulfillment and stock across your locations, and how orders are routed to them.
          </Text>
        </div>
        <div className="flex items-center gap-x-2">
          <Button size="small" variant="secondary" asChild>
            <Link to="/oms/performance" data-testid="oms-performance-link">
              Performance
            </Link>
          </Button>
          <Button size="small" variant="secondary" asChild>
            <Link to="/oms/returns" data-testid="oms-returns-link">
              Returns
            </Link>
          </Button>
          <Button size="small" variant="secondary" asChild>
            <Link to="/oms/routing" data-testid="oms-routing-link">
              Routing rules
            </Link>
          </Button>
        </div>
      </Container>
      <OverviewStats query={overview} />
      <RoutingStats query={overview} />
      <StockTable query={overview} />
      <LocationsTable query={locations} onEdit={setEditing} />
      <LocationProfileDrawer location={editing} onClose={() => setEditing(null)} />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Order management",
  icon: BuildingStorefront,
})

export default OrderManagementPage
