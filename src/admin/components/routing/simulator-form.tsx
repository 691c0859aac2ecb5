import { PlaySolid } from "@medusajs/icons"
import { Button, Container, Heading, Hint, Input, RadioGroup, Text } from "@medusajs/ui"
import { useEffect, useId, useState } from "react"
import { useRuleSets } from "../../hooks/routing/rule-sets"
import { useCreateSimulation } from "../../hooks/routing/simulator"
import { errorMessage } from "../../lib/format"
import { RULE_SET_STATUS_DISPLAY } from "../../lib/routing/rules"
import type { AdminRuleSet as RuleSet, AdminSimulation as Simulation, SimulationWindow } from "../../../types/routing"
import { Field } from "../common/field"
import { OptionSelect } from "../common/option-select"

type WindowKind = "last" | "range"

const today = () => new Date().toISOString().slice(0, 10)
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10)

/** Drafts first (what people test), then the other versions, newest first within each. */
const simulatable = (ruleSets: RuleSet[]) => [
  ...ruleSets.filter((set) => set.status === "draft"),
  ...ruleSets.filter((set) => set.status !== "draft"),
]

const ruleSetLabel = (set: RuleSet) =>
  `${set.name} v${set.version}${set.status === "draft" ? "" : ` (${RULE_SET_STATUS_DISPLAY[set.status]?.label ?? set.status})`}`

/** Chooses a rule set and a window of past orders, and queues the replay. */
export const SimulatorForm = ({
  initialRuleSetId,
  busy,
  onStarted,
}: {
  initialRuleSetId: string | null
  /** A replay is running: Run waits for it to finish or be canceled. */
  busy: boolean
  onStarted: (simulation: Simulation) => void
}) => {
  const ids = useId()
  const ruleSets = useRuleSets()
  const options = simulatable(ruleSets.data?.rule_sets ?? [])
  const [ruleSetId, setRuleSetId] = useState(initialRuleSetId ?? "")
  const [kind, setKind] = useState<WindowKind>("last")
  const [last, setLast] = useState("100")
  const [from, setFrom] = useState(daysAgo(7))
  const [to, setTo] = useState(today())
  const [error, setError] = useState<string | null>(null)
  const create = useCreateSimulation()

  // Nothing chosen yet (or the chosen version is gone): take the newest draft.
  useEffect(() => {
    if (options.length && !options.some((set) => set.id === ruleSetId)) setRuleSetId(options[0].id)
  }, [options, ruleSetId])

  const run = async (event: React.FormEvent) => {
    event.preventDefault()
    setError(null)
    if (!ruleSetId) return setError("Choose the rule set to try.")
    // Typed values go as they are; the server validates them and names the field.
    const window: SimulationWindow =
      kind === "last" ? { last: last.trim() === "" ? (null as unknown as number) : Number(last) } : { from, to }
    try {
      const { simulation } = await create.mutateAsync({ rule_set_id: ruleSetId, ...window })
      onStarted(simulation)
    } catch (failure) {
      setError(errorMessage(failure))
    }
  }

  return (
    <Container className="divide-y p-0" data-testid="oms-simulator-form">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h2">Try a rule set on past orders</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Each order is planned again with the rule set you pick, on the stock it saw when it was placed, and compared
          with where it really ships from. Nothing is changed.
        </Text>
      </div>
      <form className="flex flex-col gap-y-4 px-6 py-4" onSubmit={run} noValidate>
        <div className="grid grid-cols-1 gap-4 md:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
          <Field label="Rule set">
            <OptionSelect
              value={ruleSetId}
              placeholder={ruleSets.isPending ? "Loading…" : "No rule sets yet"}
              options={options.map((set) => ({ value: set.id, label: ruleSetLabel(set) }))}
              onChange={setRuleSetId}
              testId="oms-simulator-rule-set"
            />
            {ruleSets.isError && <Hint variant="error">{errorMessage(ruleSets.error)}</Hint>}
          </Field>
          <Field label="Orders">
            <RadioGroup
              value={kind}
              onValueChange={(value) => setKind(value as WindowKind)}
              className="grid grid-cols-2 gap-3"
            >
              <RadioGroup.ChoiceBox
                value="last"
                label="Most recent"
                description="The last orders that were routed"
                data-testid="oms-simulator-window-last"
              />
              <RadioGroup.ChoiceBox
                value="range"
                label="Date range"
                description="Orders routed between two days"
                data-testid="oms-simulator-window-range"
              />
            </RadioGroup>
          </Field>
        </div>
        <div className="flex flex-wrap items-end justify-between gap-4">
          {kind === "last" ? (
            <Field id={`${ids}-last`} label="Number of orders">
              <Input
                id={`${ids}-last`}
                type="number"
                size="small"
                min={1}
                max={5000}
                step={1}
                className="w-40"
                value={last}
                onChange={(event) => setLast(event.target.value)}
                data-testid="oms-simulator-last"
              />
            </Field>
          ) : (
            <div className="flex flex-wrap gap-4">
              <Field id={`${ids}-from`} label="From">
                <Input
                  id={`${ids}-from`}
                  type="date"
                  size="small"
                  value={from}
                  onChange={(event) => setFrom(event.target.value)}
                  data-testid="oms-simulator-from"
                />
              </Field>
              <Field id={`${ids}-to`} label="To (including that day)">
                <Input
                  id={`${ids}-to`}
                  type="date"
                  size="small"
                  value={to}
                  onChange={(event) => setTo(event.target.value)}
                  data-testid="oms-simulator-to"
                />
              </Field>
            </div>
          )}
          <Button size="small" type="submit" isLoading={create.isPending} disabled={busy} data-testid="oms-simulator-run">
            <PlaySolid />
            Run simulation
          </Button>
        </div>
        {error && (
          <Hint variant="error" data-testid="oms-simulator-error">
            {error}
          </Hint>
        )}
      </form>
    </Container>
  )
}
