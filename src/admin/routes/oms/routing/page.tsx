import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { RoutingQueue } from "../../../components/oms/routing-queue"
import { RuleSetEditor, type RuleSetEditorTarget } from "../../../components/oms/rule-set-editor"
import { RuleSetsTable } from "../../../components/oms/rule-sets-table"

/** Routing: the rule set versions that decide where orders ship from, and the orders waiting for stock. */
const RoutingPage = () => {
  const [editing, setEditing] = useState<RuleSetEditorTarget | null>(null)

  return (
    <div className="flex flex-col gap-y-3" data-testid="oms-routing-page">
      <Container className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h1">Routing</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          The rules that choose which locations ship each order, and the orders they could not place in full.
        </Text>
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
