import { ArrowDownTray, XMark } from "@medusajs/icons"
import { Button, Container, Heading, StatusBadge, Text, toast } from "@medusajs/ui"
import { simulationCsvUrl, useCancelSimulation } from "../../hooks/routing/simulator"
import { errorMessage, formatCount, formatDateTime } from "../../lib/format"
import type { AdminSimulation as Simulation, SimulationStatus } from "../../../types/routing"

const STATUS: Record<SimulationStatus, { label: string; color: "blue" | "green" | "grey" | "red" | "orange" }> = {
  queued: { label: "Queued", color: "blue" },
  running: { label: "Running", color: "blue" },
  done: { label: "Done", color: "green" },
  canceled: { label: "Canceled", color: "grey" },
  failed: { label: "Failed", color: "red" },
}

const windowText = (simulation: Simulation) =>
  "last" in simulation.window
    ? `the last ${formatCount(simulation.window.last)} orders`
    : `orders from ${simulation.window.from} to ${simulation.window.to}`

/** A thin bar like the admin's own: the share of the window replayed so far. */
export const ProgressBar = ({ done, total }: { done: number; total: number | null }) => {
  const ratio = total ? Math.min(1, done / total) : 0
  return (
    <div
      role="progressbar"
      aria-label="Orders replayed"
      aria-valuemin={0}
      aria-valuemax={total ?? undefined}
      aria-valuenow={done}
      className="bg-ui-bg-switch-off h-2 w-full overflow-hidden rounded-full"
      data-testid="oms-simulation-progress-bar"
    >
      <div className="bg-ui-fg-interactive h-full rounded-full transition-[width] duration-300" style={{ width: `${ratio * 100}%` }} />
    </div>
  )
}

/** Where a replay stands: status, progress with Cancel while it runs, the CSV once it is done. */
export const SimulationProgress = ({ simulation, ruleSetName }: { simulation: Simulation; ruleSetName: string }) => {
  const cancel = useCancelSimulation()
  const running = simulation.status === "queued" || simulation.status === "running"
  const status = STATUS[simulation.status] ?? { label: simulation.status, color: "grey" as const }
  const { done, total, skipped } = simulation.progress

  const onCancel = async () => {
    try {
      await cancel.mutateAsync(simulation.id)
      toast.success("Simulation canceled")
    } catch (failure) {
      toast.error("Could not cancel the simulation", { description: errorMessage(failure) })
    }
  }

  return (
    <Container className="flex flex-col gap-y-3 px-6 py-4" data-testid="oms-simulation" data-status={simulation.status}>
      <div className="flex items-start justify-between gap-x-4">
        <div className="flex min-w-0 flex-col gap-y-1">
          <div className="flex items-center gap-x-2">
            <Heading level="h2" className="truncate">
              {ruleSetName} on {windowText(simulation)}
            </Heading>
            <StatusBadge color={status.color} data-testid="oms-simulation-status">
              {status.label}
            </StatusBadge>
          </div>
          <Text size="small" className="text-ui-fg-subtle" data-testid="oms-simulation-progress">
            {total === null
              ? "Counting the orders…"
              : `${formatCount(done)} of ${formatCount(total)} orders replayed`}
            {skipped > 0 && ` · ${formatCount(skipped)} skipped (decided before decisions kept what the planner saw)`}
            {` · started ${formatDateTime(simulation.created_at)}`}
          </Text>
        </div>
        {running ? (
          <Button size="small" variant="secondary" onClick={onCancel} isLoading={cancel.isPending} data-testid="oms-simulation-cancel">
            <XMark />
            Cancel
          </Button>
        ) : simulation.status === "done" ? (
          <Button size="small" variant="secondary" asChild>
            <a href={simulationCsvUrl(simulation.id)} download data-testid="oms-simulation-csv">
              <ArrowDownTray />
              Download CSV
            </a>
          </Button>
        ) : null}
      </div>
      {running && <ProgressBar done={done} total={total} />}
      {simulation.status === "failed" && (
        <Text size="small" className="text-ui-fg-error" role="alert">
          {simulation.error ?? "The simulation stopped with an error."}
        </Text>
      )}
      {simulation.status === "canceled" && (
        <Text size="small" className="text-ui-fg-subtle">
          Canceled after {formatCount(done)} orders; run it again to see the results.
        </Text>
      )}
    </Container>
  )
}
