import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Beaker } from "@medusajs/icons"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { RoutingQueue } from "../../../components/routing/routing-queue"
import { RuleSetEditor, type RuleSetEditorTarget } from "../../../components/routing/rule-set-editor"
import { RuleSetsTable } from "../../../components/routing/rule-sets-table"

/** Routing: the rule set versions that decide where orders ship from, and the orders waiting for stock. */
const RoutingPage = () => {
  const [editing, setEditing] = useState<RuleSetEditorTarget | null>(null)

  return (
    <div className="flex flex-col gap-y-3" data-testid="oms-routing-page">
      <Container className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Heading level="h1">Routing</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            The rules that choose which locations ship each order, and the orders they could not place in full.
          </Text>
        </div>
        <Button size="small" variant="secondary" asChild>
          <Link to="/oms/routing/simulator" data-testid="oms-simulator-link">
            <Beaker />
            Simulator
          </Link>
        </Button>
      </Container>
      <RuleSetsTable
        onCreate={() => setEditing({ mode: "create" })}
        onEdit={(ruleSet) => setEditing({ mode: "edit", ruleSet })}
      />
      <RoutingQueue />
      <RuleSetEditor target={editing} onClose={() => setEditing(null)} />
    </div>
  )
}

// A sub-route of Order management with a label: the sidebar shows it nested under that entry.
export const config = defineRouteConfig({
  label: "Routing",
})

export default RoutingPage
