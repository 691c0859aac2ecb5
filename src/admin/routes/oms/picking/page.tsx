import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { CreateWaveModal } from "../../../components/picking/create-wave-modal"
import { WavesTable } from "../../../components/picking/waves-table"

/** Picking: waves of routed orders, from creating one to packing its orders; bins on their own page. */
const PickingPage = () => {
  const [creating, setCreating] = useState(false)

  return (
    <div className="flex flex-col gap-y-3" data-testid="picking-page">
      <Container className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Heading level="h1">Picking</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Group routed orders into waves, walk each location's bins in order with a scanner, and pack the orders
            into parcels.
          </Text>
        </div>
        <Button size="small" variant="secondary" asChild>
          <Link to="/oms/picking/bins" data-testid="picking-bins-link">
            Bins
          </Link>
        </Button>
      </Container>
      <WavesTable onCreate={() => setCreating(true)} />
      <CreateWaveModal open={creating} onOpenChange={setCreating} />
    </div>
  )
}

// A sub-route of Order management with a label: the sidebar shows it nested under that entry.
export const config = defineRouteConfig({
  label: "Picking",
})

export default PickingPage
