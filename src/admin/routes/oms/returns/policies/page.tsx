import { Plus } from "@medusajs/icons"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { PoliciesTable } from "../../../../components/returns/policies-table"
import { PolicyDrawer, type PolicyTarget } from "../../../../components/returns/policy-drawer"

/** Return policies per market: window, exclusions, reasons, fees, resolutions, where returns go. */
const ReturnPoliciesPage = () => {
  const [target, setTarget] = useState<PolicyTarget | null>(null)
  return (
    <div className="flex flex-col gap-y-3" data-testid="policies-page">
      <Container className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Text size="small" className="text-ui-fg-subtle">
            <Link to="/oms/returns" className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
              Returns
            </Link>{" "}
            / Policies
          </Text>
          <Heading level="h1">Return policies</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            What customers may return, for how long, at what cost, and where it goes; one policy per market.
          </Text>
        </div>
        <Button size="small" onClick={() => setTarget({ mode: "create" })} data-testid="policy-add">
          <Plus />
          Add policy
        </Button>
      </Container>
      <PoliciesTable onEdit={(policy) => setTarget({ mode: "edit", policy })} />
      <PolicyDrawer target={target} onClose={() => setTarget(null)} />
    </div>
  )
}

export default ReturnPoliciesPage
