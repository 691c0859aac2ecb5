import { ArrowUturnLeft } from "@medusajs/icons"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useMemo } from "react"
import { Link, useSearchParams } from "react-router-dom"
import { SectionError, SectionLoading } from "../../../../components/common/section-state"
import { SimulationProgress } from "../../../../components/routing/simulation-progress"
import { SimulationRows } from "../../../../components/routing/simulation-rows"
import { SimulationTotals } from "../../../../components/routing/simulation-totals"
import { SimulatorForm } from "../../../../components/routing/simulator-form"
import { useOmsLocations } from "../../../../hooks/routing/locations"
import { useRuleSets } from "../../../../hooks/routing/rule-sets"
import { useSimulation } from "../../../../hooks/routing/simulator"

/**
 * The simulator: replay past orders through a rule set and compare with what really happened.
 * The running or last simulation is in the address (?simulation=), so a reload or a shared
 * link shows the same results; ?rule_set= preselects the rule set (the Routing page links here).
 */
const SimulatorPage = () => {
  const [params, setParams] = useSearchParams()
  const simulationId = params.get("simulation")
  const simulation = useSimulation(simulationId)
  const ruleSets = useRuleSets()
  const locations = useOmsLocations()

  const locationNames = useMemo(
    () => Object.fromEntries((locations.data?.locations ?? []).map((location) => [location.id, location.name])),
    [locations.data]
  )
  const locationName = (id: string) => locationNames[id] ?? id
  const current = simulation.data?.simulation
  const ruleSet = ruleSets.data?.rule_sets.find((set) => set.id === current?.rule_set_id)
  const ruleSetName = ruleSet ? `${ruleSet.name} v${ruleSet.version}` : "The rule set"
  const running = current?.status === "queued" || current?.status === "running"

  return (
    <div className="flex flex-col gap-y-3" data-testid="oms-simulator-page">
      <Container className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Heading level="h1">Simulator</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            See what a rule set would have done with your real orders before it routes any.
          </Text>
        </div>
        <Button size="small" variant="secondary" asChild>
          <Link to="/oms/routing">
            <ArrowUturnLeft />
            Routing
          </Link>
        </Button>
      </Container>
      <SimulatorForm
        initialRuleSetId={params.get("rule_set")}
        busy={running}
        onStarted={(started) =>
          setParams((previous) => {
            const next = new URLSearchParams(previous)
            next.set("simulation", started.id)
            next.set("rule_set", started.rule_set_id)
            return next
          })
        }
      />
      {simulationId &&
        (simulation.isPending ? (
          <Container className="p-0">
            <SectionLoading rows={2} />
          </Container>
        ) : simulation.isError ? (
          <Container className="p-0">
            <SectionError error={simulation.error} onRetry={() => simulation.refetch()} />
          </Container>
        ) : current ? (
          <>
            <SimulationProgress simulation={current} ruleSetName={ruleSetName} />
            {current.status === "done" && current.totals && (
              <>
                <SimulationTotals totals={current.totals} ruleSetName={ruleSetName} locationName={locationName} />
                <SimulationRows rows={current.rows ?? []} locationName={locationName} locationNames={locationNames} />
              </>
            )}
          </>
        ) : null)}
    </div>
  )
}

export default SimulatorPage
