import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Plus } from "@medusajs/icons"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { CarrierAccountDrawer, type AccountTarget } from "../../../components/shipping/carrier-account-drawer"
import { CarrierAccountsTable } from "../../../components/shipping/carrier-accounts-table"

/** Carriers: the accounts labels are bought through (secrets write-only), and their connection test. */
const CarriersPage = () => {
  const [target, setTarget] = useState<AccountTarget | null>(null)
  return (
    <div className="flex flex-col gap-y-3" data-testid="carriers-page">
      <Container className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Heading level="h1">Carriers</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Carrier accounts for labels, rates and tracking: EasyPost, Shippo, ShipStation, Sendcloud, or the built-in offline carrier.
          </Text>
        </div>
        <Button size="small" onClick={() => setTarget({ mode: "create" })} data-testid="carrier-account-add">
          <Plus />
          Add account
        </Button>
      </Container>
      <CarrierAccountsTable onEdit={(account) => setTarget({ mode: "edit", account })} />
      <CarrierAccountDrawer target={target} onClose={() => setTarget(null)} />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Carriers",
})

export default CarriersPage
