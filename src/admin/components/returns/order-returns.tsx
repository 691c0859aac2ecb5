import { Badge, Container, Heading, StatusBadge, Table, Text, clx } from "@medusajs/ui"
import { useOrderReturns } from "../../hooks/returns/cases"
import { useOmsLocations } from "../../hooks/routing/locations"
import { formatDateTime } from "../../lib/format"
import type { OrderEligibility, ReturnCaseView } from "../../../types/returns"
import { SectionEmpty, SectionError, SectionLoading } from "../common/section-state"
import { gradeDisplay, methodLabel, resolutionLabel, resolutionSentence, returnStatusDisplay, reasonText } from "./display"
import { entrySentence } from "./inspection-result"

type Step = { key: string; title: string; at: string | Date | null; done: boolean; tone?: "error"; body: React.ReactNode }

/** One step of a return's story, with its time when it happened. */
const StoryStep = ({ step }: { step: Step }) => (
  <li className="relative flex flex-col gap-y-1" data-testid={`order-return-step-${step.key}`} data-done={String(step.done)}>
    <span
      className={clx(
        "absolute -left-[21px] top-1.5 h-2 w-2 rounded-full",
        step.tone === "error" ? "bg-ui-fg-error" : step.done ? "bg-ui-fg-interactive" : "bg-ui-border-strong"
      )}
      aria-hidden
    />
    <div className="flex flex-wrap items-baseline gap-x-2">
      <Text size="small" weight="plus" className={step.done ? "text-ui-fg-base" : "text-ui-fg-muted"}>
        {step.title}
      </Text>
      {step.at && (
        <Text size="xsmall" className="text-ui-fg-muted">
          {formatDateTime(step.at)}
        </Text>
      )}
    </div>
    {step.body}
  </li>
)

const story = (c: ReturnCaseView, locationName: (id: string | null) => string): Step[] => {
  const small = (children: React.ReactNode, testId?: string) => (
    <Text size="xsmall" className="text-ui-fg-subtle" data-testid={testId}>
      {children}
    </Text>
  )
  const steps: Step[] = [
    {
      key: "requested",
      title: `Requested: ${methodLabel(c.method).toLowerCase()}, ${resolutionLabel(c.resolution).toLowerCase()}`,
      at: c.requested_at,
      done: true,
      body: (
        <ul className="flex flex-col gap-y-0.5">
          {c.lines.map((l) => (
            <li key={l.id}>
              {small(
                <>
                  {l.quantity} x {l.title} {l.sku && <span className="font-mono">{l.sku}</span>}: {reasonText(l.reason_value)}
                  {l.note ? ` (“${l.note}”)` : ""}
                  {l.keep_it ? " · keep it, not sent back" : ` · to ${l.destination_sentence ?? locationName(l.destination_location_id)}`}
                </>,
                "order-return-line"
              )}
            </li>
          ))}
        </ul>
      ),
    },
  ]
  if (c.status === "canceled") {
    steps.push({ key: "canceled", title: "Canceled", at: c.canceled_at, done: true, body: null })
    return steps
  }
  steps.push({
    key: "received",
    title: c.received_at ? "Parcel received" : c.method === "keep_it" ? "Nothing to send back" : "Parcel on its way",
    at: c.received_at,
    done: !!c.received_at || c.method === "keep_it",
    body: c.tracking_number ? small(<>Tracking {c.tracking_number}</>) : null,
  })
  steps.push({
    key: "inspected",
    title: c.inspected_at ? "Inspected" : "Inspection",
    at: c.inspected_at,
    done: !!c.inspected_at,
    body: c.inspections.length ? (
      <ul className="flex flex-col gap-y-0.5">
        {c.inspections.map((e) => (
          <li key={e.id} className="flex items-center gap-x-2" data-testid="order-return-inspection" data-grade={e.grade}>
            <Badge size="2xsmall" color={gradeDisplay(e.grade).color}>
              {gradeDisplay(e.grade).label}
            </Badge>
            {small(entrySentence(c, e, locationName))}
          </li>
        ))}
      </ul>
    ) : null,
  })
  const paid = resolutionSentence(c)
  steps.push({
    key: "resolved",
    title: c.resolution_status === "failed" ? `${resolutionLabel(c.resolution)} failed` : c.resolved_at ? "Resolved" : resolutionLabel(c.resolution),
    at: c.resolved_at,
    done: !!c.resolved_at,
    tone: c.resolution_status === "failed" ? "error" : undefined,
    body:
      c.resolution_status === "failed" ? (
        <Text size="xsmall" className="text-ui-fg-error">
          {c.resolution_error ?? "No reason given"}
        </Text>
      ) : paid ? (
        <div className="flex flex-col">
          {small(paid, "order-return-paid")}
          {c.breakdown?.sentence && small(c.breakdown.sentence)}
        </div>
      ) : c.expected_refund !== null ? (
        small(<>Expected: {c.currency_code.toUpperCase()} {c.expected_refund.toFixed(2)}, after the inspection</>)
      ) : null,
  })
  return steps
}

const ReturnStory = ({ c, locationName }: { c: ReturnCaseView; locationName: (id: string | null) => string }) => {
  const status = returnStatusDisplay(c.status)
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="order-return" data-rma={c.rma_code} data-status={c.status}>
      <div className="flex items-center gap-x-2">
        <Text size="small" weight="plus" className="font-mono text-ui-fg-base">
          {c.rma_code}
        </Text>
        <StatusBadge color={status.color}>{status.label}</StatusBadge>
      </div>
      <ol className="flex flex-col gap-y-3 border-l border-ui-border-base pl-4">
        {story(c, locationName).map((step) => (
          <StoryStep key={step.key} step={step} />
        ))}
      </ol>
    </div>
  )
}

/** The order's lines with what can still be returned, or why not. */
const Returnable = ({ eligibility }: { eligibility: OrderEligibility }) => (
  <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="order-returnable">
    <Text size="small" weight="plus" className="text-ui-fg-base">
      Returnable {eligibility.policy ? <span className="text-ui-fg-muted font-normal">under {eligibility.policy.name}</span> : null}
    </Text>
    <Table>
      <Table.Body>
        {eligibility.lines.map((l) => (
          <Table.Row key={l.line_item_id} data-testid="order-returnable-line" data-sku={l.sku ?? ""} data-returnable={l.returnable_quantity}>
            <Table.Cell>
              {l.title} {l.sku && <span className="text-ui-fg-muted font-mono">{l.sku}</span>}
            </Table.Cell>
            <Table.Cell className="text-right tabular-nums whitespace-nowrap">
              {l.returnable_quantity} of {l.ordered_quantity}
            </Table.Cell>
            <Table.Cell className="text-ui-fg-subtle">
              {l.returnable_quantity > 0 ? (l.return_by ? `until ${l.return_by}` : "") : l.reason}
              {l.keep_it && l.returnable_quantity > 0 ? " · keep it" : ""}
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  </div>
)

/** The order's returns, each as its story (requested, received, inspected, resolved), and what is still returnable. */
export const OrderReturns = ({ orderId }: { orderId: string }) => {
  const { data, isPending, isError, error, refetch } = useOrderReturns(orderId)
  const locations = useOmsLocations()
  const locationName = (id: string | null) => (id ? locations.data?.locations.find((l) => l.id === id)?.name ?? id : "no location")
  return (
    <Container className="divide-y p-0" data-testid="oms-order-returns">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h2">Returns</Heading>
        <Text size="xsmall" className="text-ui-fg-muted">
          Each return from the request to the refund, credit or exchange.
        </Text>
      </div>
      {isPending ? (
        <SectionLoading rows={2} />
      ) : isError ? (
        <SectionError error={error} onRetry={() => refetch()} />
      ) : (
        <>
          {data.returns.length === 0 && <SectionEmpty>No returns for this order.</SectionEmpty>}
          {[...data.returns]
            .sort((a, b) => String(b.requested_at).localeCompare(String(a.requested_at)))
            .map((c) => (
              <ReturnStory key={c.id} c={c} locationName={locationName} />
            ))}
          <Returnable eligibility={data.eligibility} />
        </>
      )}
    </Container>
  )
}
