import { defineRouteConfig } from "@medusajs/admin-sdk"
import { BuildingStorefront } from "@medusajs/icons"
import { Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { LocationProfileDrawer } from "../../components/oms/location-profile-drawer"
import { LocationsTable } from "../../components/oms/locations-table"
import { OverviewStats } from "../../components/oms/overview-stats"
import { StockTable } from "../../components/oms/stock-table"
import { useOmsLocations, useOmsOverview } from "../../hooks/oms"
import type { OmsLocation } from "../../lib/types"

/** Order management: today's orders, fulfillment progress, stock and routing per location. */
const OrderManagementPage = () => {
  const overview = useOmsOverview()
  const locations = useOmsLocations()
  const [editing, setEditing] = useState<OmsLocation | null>(null)

  return (
    <div className="flex flex-col gap-y-3" data-testid="oms-page">
      <Container className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h1">Order management</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Orders, fulfillment and stock across your locations, and how orders are routed to them.
        </Text>
      </Container>
      <OverviewStats query={overview} />
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
