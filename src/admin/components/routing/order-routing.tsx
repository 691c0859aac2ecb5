import { Badge, Button, StatusBadge, Text, Tooltip, toast } from "@medusajs/ui"
import { useState } from "react"
import { useRerouteOrder } from "../../hooks/routing/orders"
import { useUserOptions } from "../../hooks/common"
import {
  errorMessage,
  formatCount,
  formatDateTime,
  formatDistance,
  formatUnits,
  routingStatusDisplay,
  sentenceCase,
} from "../../lib/format"
import { placementDisplay } from "../../lib/routing/placement"
import type { AdminOrderReservationsResponse as OrderReservations } from "../../../types/foundation"
import type { AdminRoutingDecision as RoutingDecision, ShipmentLine as RoutingPlanLine } from "../../../types/routing"
import { OrderLineActions } from "./order-line-actions"

/** What a plan line is, as people know it: the order line's title and SKU. */
type LineInfo = { title: string; sku: string | null }

/** The order line item a plan line belongs to: the part of "<line_item_id>|<inventory_item_id>" before "|". */
const lineItemId = (lineId: string) => lineId.split("|")[0]

/** Line item id -> title and SKU, from the reservations answer (reserved and unreserved lines). */
export const lineInfoFrom = (reservations: OrderReservations | undefined): Map<string, LineInfo> => {
  const info = new Map<string, LineInfo>()
  for (const location of reservations?.locations ?? []) {
    for (const line of location.lines) info.set(line.line_item_id, { title: line.title, sku: line.sku })
  }
  for (const line of reservations?.unreserved ?? []) info.set(line.line_item_id, { title: line.title, sku: line.sku })
  return info
}

/** "Newark DC was skipped: is paused"; the planner may already have put the name in. */
const skippedSentence = (name: string, because: string) =>
  /\bwas skipped\b/i.test(because) ? because : `${name} was skipped: ${because}`

const METHOD_HELP: Record<string, string> = {
  exact: "Exact: every possible plan was compared; this is the best one under the rules.",
  heuristic:
    "Heuristic: the order was too large to compare every plan in time; this plan is good but may not be the best.",
}

const Section = ({
  title,
  aside,
  testId,
  children,
}: {
  title: string
  aside?: React.ReactNode
  testId?: string
  children: React.ReactNode
}) => (
  <div className="flex flex-col gap-y-2 px-6 py-4" data-testid={testId}>
    <div className="flex items-center justify-between gap-x-3">
      <Text size="small" weight="plus" className="text-ui-fg-base">
        {title}
      </Text>
      {aside}
    </div>
    {children}
  </div>
)

/** Shows the first `limit` items and a button for the rest. */
const Collapsible = <T,>({
  items,
  limit,
  noun,
  render,
}: {
  items: T[]
  limit: number
  noun: string
  render: (item: T, index: number) => React.ReactNode
}) => {
  const [open, setOpen] = useState(false)
  const long = items.length > limit + 1
  const shown = long && !open ? items.slice(0, limit) : items
  return (
    <>
      <ul className="flex flex-col gap-y-1.5">{shown.map(render)}</ul>
      {long && (
        <Button
          size="small"
          variant="transparent"
          className="text-ui-fg-interactive self-start px-0"
          onClick={() => setOpen((value) => !value)}
          aria-expanded={open}
        >
          {open ? "Show less" : `Show all ${items.length} ${noun}`}
        </Button>
      )}
    </>
  )
}

const PlanLines = ({ lines, info }: { lines: RoutingPlanLine[]; info: Map<string, LineInfo> }) => (
  <ul className="flex flex-col gap-y-1">
    {lines.map((line) => {
      const known = info.get(lineItemId(line.line_id))
      const title = known?.title ?? lineItemId(line.line_id)
      return (
        <li key={line.line_id} className="flex items-start justify-between gap-x-3">
          <div className="flex min-w-0 flex-col">
            <Text size="small" className="text-ui-fg-base truncate" title={title}>
              {title}
            </Text>
            <Text size="xsmall" className="text-ui-fg-subtle truncate">
              {known ? known.sku ?? "No SKU" : line.inventory_item_id}
            </Text>
          </div>
          <Text size="small" className="text-ui-fg-subtle shrink-0 tabular-nums">
            {formatCount(line.quantity)}x
          </Text>
        </li>
      )
    })}
  </ul>
)

/** The "Why" sentences: who the filters skipped, how the rest were ranked, and the planner's notes. */
const whySentences = (decision: RoutingDecision, nameOf: (id: string) => string) => {
  const sentences: Array<{ text: string; muted?: boolean }> = []
  for (const step of decision.trace?.steps ?? []) {
    if (step.kind !== "filter" || !step.applied) continue
    for (const removed of step.removed ?? []) {
      sentences.push({ text: skippedSentence(nameOf(removed.location_id), removed.because) })
    }
  }
  for (const step of decision.trace?.steps ?? []) {
    if (step.kind === "rank" && step.applied) sentences.push({ text: step.sentence })
  }
  if (decision.trace?.decided_by) sentences.push({ text: `Decided by: ${decision.trace.decided_by}.`, muted: true })
  for (const note of decision.trace?.notes ?? []) sentences.push({ text: note, muted: true })
  for (const step of decision.trace?.steps ?? []) {
    if (!step.applied) sentences.push({ text: step.sentence, muted: true })
  }
  return sentences
}

const RerouteButton = ({ orderId, routed }: { orderId: string; routed: boolean }) => {
  const reroute = useRerouteOrder(orderId)
  const onClick = () =>
    reroute.mutate(undefined, {
      onSuccess: ({ decision }) =>
        toast.success(routed ? "Order re-routed" : "Order routed", { description: decision.trace?.decision }),
      onError: (error) =>
        toast.error(routed ? "Could not re-route the order" : "Could not route the order", {
          description: errorMessage(error),
        }),
    })
  return (
    <div className="flex flex-col items-end gap-y-1">
      <Button
        size="small"
        variant="secondary"
        onClick={onClick}
        isLoading={reroute.isPending}
        data-testid="oms-routing-reroute"
      >
        {routed ? "Re-route" : "Route now"}
      </Button>
      {reroute.isError && (
        <Text size="xsmall" className="text-ui-fg-error text-right" role="alert" data-testid="oms-routing-reroute-error">
          {errorMessage(reroute.error)}
        </Text>
      )}
    </div>
  )
}

/** "Not routed yet": orders are routed in the background right after they are placed. */
export const OrderNotRouted = ({ orderId }: { orderId: string }) => (
  <div className="flex items-start justify-between gap-x-3 px-6 py-4" data-testid="oms-routing-none">
    <div className="flex flex-col gap-y-1">
      <Text size="small" weight="plus" className="text-ui-fg-base">
        Not routed yet
      </Text>
      <Text size="xsmall" className="text-ui-fg-subtle">
        Orders are routed shortly after they are placed, unless routing is turned off.
      </Text>
    </div>
    <RerouteButton orderId={orderId} routed={false} />
  </div>
)

/** The order's routing decision: status, shipments, what could not be routed, why, and its history. */
export const OrderRouting = ({
  decision,
  reservations,
  locationNames,
}: {
  decision: RoutingDecision
  reservations: OrderReservations | undefined
  /** Location id -> name, from any source the widget has (the locations list). */
  locationNames: Map<string, string>
}) => {
  const info = lineInfoFrom(reservations)
  const shipments = decision.plan?.shipments ?? []
  const unallocated = decision.plan?.unallocated ?? []
  const names = new Map(locationNames)
  for (const location of reservations?.locations ?? []) names.set(location.location_id, location.name)
  for (const shipment of shipments) names.set(shipment.location_id, shipment.location_name)
  const nameOf = (id: string) => names.get(id) ?? id

  // History names people by user id; show their name or e-mail when the admin can list users.
  const users = useUserOptions()
  const actorName = (actor: string) => {
    const user = users.data?.users.find((candidate) => candidate.id === actor)
    if (!user) return actor
    return [user.first_name, user.last_name].filter(Boolean).join(" ") || user.email
  }
  const status = routingStatusDisplay(decision.status)
  const placement = placementDisplay(decision.trace?.placement)
  const why = whySentences(decision, nameOf)
  const history = [...(decision.history?.entries ?? [])].reverse()

  return (
    <>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        <div className="flex items-start justify-between gap-x-3">
          <div className="flex flex-wrap items-center gap-1.5">
            <StatusBadge color={status.color} data-testid="oms-routing-status" data-status={decision.status}>
              {status.label}
            </StatusBadge>
            <Tooltip content={METHOD_HELP[decision.method] ?? decision.method} maxWidth={260}>
              <Badge size="2xsmall" color="grey" data-testid="oms-routing-method">
                {decision.method}
              </Badge>
            </Tooltip>
            <Tooltip content="The rule set version that decided" maxWidth={260}>
              <Badge size="2xsmall" color="grey" className="max-w-[180px] truncate" data-testid="oms-routing-rule-set">
                {decision.rule_set === "default" ? "Default rules" : decision.rule_set}
              </Badge>
            </Tooltip>
            {placement && (
              <Tooltip content={placement.help} maxWidth={260}>
                <Badge
                  size="2xsmall"
                  color={placement.color}
                  data-testid="oms-routing-placement"
                  data-placement={decision.trace?.placement?.by}
                >
                  {placement.label}
                </Badge>
              </Tooltip>
            )}
          </div>
          <div className="flex items-start gap-x-1">
            <RerouteButton orderId={decision.order_id} routed={true} />
            <OrderLineActions orderId={decision.order_id} reservations={reservations} />
          </div>
        </div>
        <Text size="small" className="text-ui-fg-subtle" data-testid="oms-routing-decision">
          {decision.trace?.decision}
        </Text>
      </div>

      {shipments.map((shipment) => {
        const units = shipment.lines.reduce((sum, line) => sum + line.quantity, 0)
        const distance = formatDistance(shipment.distance_km)
        return (
          <div
            key={shipment.location_id}
            className="flex flex-col gap-y-2 px-6 py-4"
            data-testid={`oms-routing-shipment-${shipment.location_name}`}
          >
            <div className="flex items-center justify-between gap-x-3">
              <div className="flex min-w-0 flex-col">
                <Text size="small" weight="plus" className="text-ui-fg-base truncate" title={shipment.location_name}>
                  Ships from {shipment.location_name}
                </Text>
                {distance && (
                  <Text size="xsmall" className="text-ui-fg-subtle">
                    {distance} away
                  </Text>
                )}
              </div>
              <Badge size="2xsmall" color="blue">
                {formatUnits(units)}
              </Badge>
            </div>
            <PlanLines lines={shipment.lines} info={info} />
          </div>
        )
      })}

      {unallocated.length > 0 && (
        <Section
          title="Not routed"
          testId="oms-routing-unallocated"
          aside={
            <Badge size="2xsmall" color="orange">
              {formatUnits(unallocated.reduce((sum, line) => sum + line.quantity, 0))}
            </Badge>
          }
        >
          <ul className="flex flex-col gap-y-2">
            {unallocated.map((line) => {
              const known = info.get(lineItemId(line.line_id))
              return (
                <li key={line.line_id} className="flex flex-col">
                  <div className="flex items-start justify-between gap-x-3">
                    <Text size="small" className="text-ui-fg-base truncate">
                      {known?.title ?? lineItemId(line.line_id)}
                    </Text>
                    <Text size="small" className="text-ui-fg-subtle shrink-0 tabular-nums">
                      {formatCount(line.quantity)}x
                    </Text>
                  </div>
                  <Text size="xsmall" className="text-ui-fg-subtle">
                    {sentenceCase(line.reason)}
                    {line.backorder_location_id ? ` (waits at ${nameOf(line.backorder_location_id)})` : ""}
                  </Text>
                </li>
              )
            })}
          </ul>
        </Section>
      )}

      {why.length > 0 && (
        <Section title="Why" testId="oms-routing-why">
          <Collapsible
            items={why}
            limit={3}
            noun="reasons"
            render={(sentence, index) => (
              <li key={index}>
                <Text size="xsmall" className={sentence.muted ? "text-ui-fg-muted" : "text-ui-fg-subtle"}>
                  {sentence.text}
                </Text>
              </li>
            )}
          />
        </Section>
      )}

      <Section title="History" testId="oms-routing-history">
        {history.length === 0 ? (
          <Text size="xsmall" className="text-ui-fg-subtle">
            No changes recorded.
          </Text>
        ) : (
          <Collapsible
            items={history}
            limit={4}
            noun="entries"
            render={(entry, index) => (
              <li key={`${entry.at}-${index}`} className="flex flex-col" data-testid="oms-routing-history-entry">
                <div className="flex items-center justify-between gap-x-3">
                  <Text size="xsmall" weight="plus" className="text-ui-fg-base">
                    {sentenceCase(entry.action)}
                  </Text>
                  <Text size="xsmall" className="text-ui-fg-muted shrink-0" title={entry.at}>
                    {formatDateTime(entry.at)}
                  </Text>
                </div>
                <Text size="xsmall" className="text-ui-fg-muted truncate" title={entry.actor}>
                  by {actorName(entry.actor)}
                </Text>
                {entry.summary && (
                  <Text size="xsmall" className="text-ui-fg-subtle">
                    {entry.summary}
                  </Text>
                )}
              </li>
            )}
          />
        )}
      </Section>
    </>
  )
}
