import { Badge, Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { useReturnCase } from "../../hooks/returns/cases"
import type { AdminOmsLocation as OmsLocation } from "../../../types/routing"
import type { ReturnCaseView } from "../../../types/returns"
import { dispositionLabel, gradeDisplay, resolutionLabel, resolutionSentence, returnStatusDisplay } from "./display"

/** Waiting for the resolution: it runs after the inspection, in the background. */
const settled = (c: ReturnCaseView) => c.status === "resolved" || c.status === "canceled" || c.resolution_status === "failed"

/** "2 x Classic Tee L new: restocked at Newark DC". */
export const entrySentence = (c: ReturnCaseView, entry: ReturnCaseView["inspections"][number], locationName: (id: string | null) => string) => {
  const line = c.lines.find((l) => l.id === entry.return_line_id)
  const what = line ? line.title : `Unexpected item ${entry.scanned_code ?? ""}`.trim()
  const then =
    entry.disposition === "restock"
      ? `restocked at ${locationName(entry.location_id)}`
      : entry.disposition !== "none"
        ? dispositionLabel(entry.disposition).toLowerCase()
        : entry.grade === "missing"
          ? "missing from the parcel"
          : entry.grade === "wrong_item"
            ? "set aside, not part of the return"
            : "nothing done"
  return `${entry.quantity} x ${what}: ${then}`
}

/** After submitting: where each unit went, then the refund, credit or exchange once it is released. */
export const InspectionResult = ({ returnCase, locations }: { returnCase: ReturnCaseView; locations: OmsLocation[] }) => {
  const polled = useReturnCase(returnCase.id, { poll: !settled(returnCase) })
  const c = polled.data?.return ?? returnCase
  const polling = !settled(c)
  const locationName = (id: string | null) => (id ? locations.find((l) => l.id === id)?.name ?? id : "no location")
  const status = returnStatusDisplay(c.status)
  const paid = resolutionSentence(c)
  return (
    <Container className="flex flex-col gap-y-4 px-6 py-5" data-testid="returns-station-result" data-status={c.status}>
      <div className="flex items-center gap-x-3">
        <Heading level="h2" className="font-mono text-2xl">
          {c.rma_code}
        </Heading>
        <StatusBadge color={status.color} data-testid="returns-result-status">
          {status.label}
        </StatusBadge>
      </div>
      {c.inspections.length > 0 && (
        <ul className="flex flex-col gap-y-2" data-testid="returns-result-entries">
          {c.inspections.map((entry) => {
            const grade = gradeDisplay(entry.grade)
            return (
              <li key={entry.id} className="flex items-center gap-x-3" data-testid="returns-result-entry" data-grade={entry.grade}>
                <Badge color={grade.color}>{grade.label}</Badge>
                <Text size="large" className="text-ui-fg-base">
                  {entrySentence(c, entry, locationName)}
                </Text>
              </li>
            )
          })}
        </ul>
      )}
      <div className="rounded-lg border-2 border-ui-border-strong px-4 py-3" data-testid="returns-result-resolution" data-resolution-status={c.resolution_status}>
        {paid ? (
          <div className="flex flex-col gap-y-1">
            <Text size="xlarge" weight="plus" className="text-ui-fg-base" data-testid="returns-result-paid">
              {paid}
            </Text>
            {c.breakdown?.sentence && (
              <Text size="base" className="text-ui-fg-subtle">
                {c.breakdown.sentence}
              </Text>
            )}
          </div>
        ) : c.resolution_status === "failed" ? (
          <Text size="large" className="text-ui-fg-error">
            The {resolutionLabel(c.resolution).toLowerCase()} failed: {c.resolution_error ?? "no reason given"}. Retry it from the order.
          </Text>
        ) : polling ? (
          <Text size="large" className="text-ui-fg-subtle">
            Waiting for the {resolutionLabel(c.resolution).toLowerCase()}…
          </Text>
        ) : (
          <Text size="large" className="text-ui-fg-subtle">
            {status.label}.
          </Text>
        )}
      </div>
    </Container>
  )
}
