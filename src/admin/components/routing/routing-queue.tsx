import { ArrowPath } from "@medusajs/icons"
import { Button, Container, Heading, StatusBadge, Table, Text, toast } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useOrderNumbers } from "../../hooks/common"
import { useRetryQueuedOrder, useRoutingQueue } from "../../hooks/routing/queue"
import { errorMessage, formatDateTime, formatUnits, routingStatusDisplay } from "../../lib/format"
import type { AdminRoutingDecision as RoutingDecision } from "../../../types/routing"
import { MoveOrderButton } from "./order-line-actions"
import { SectionEmpty, SectionError, SectionLoading } from "../common/section-state"

const unplacedUnits = (decision: RoutingDecision): number =>
  (decision.plan?.unallocated ?? []).reduce((sum, line) => sum + (Number(line.quantity) || 0), 0)

/** The distinct reasons units could not be placed, in the order they first appear. */
const reasons = (decision: RoutingDecision): string =>
  Array.from(new Set((decision.plan?.unallocated ?? []).map((line) => line.reason).filter(Boolean))).join("; ") || "-"

const QueueRow = ({ decision, displayId }: { decision: RoutingDecision; displayId?: number | null }) => {
  const retry = useRetryQueuedOrder()
  const status = routingStatusDisplay(decision.status)
  const why = reasons(decision)

  const onRetry = async () => {
    try {
      const { decision: next } = await retry.mutateAsync(decision.order_id)
      const now = routingStatusDisplay(next.status)
      toast.success("Order routed again", { description: `Status: ${now.label}` })
    } catch (error) {
      toast.error("Could not route the order", { description: errorMessage(error) })
    }
  }

  return (
    <Table.Row data-testid={`oms-queue-row-${decision.order_id}`}>
      <Table.Cell>
        <Link
          to={`/orders/${decision.order_id}`}
          className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small-plus block max-w-[200px] truncate"
          title={decision.order_id}
        >
          {displayId ? `#${displayId}` : decision.order_id}
        </Link>
      </Table.Cell>
      <Table.Cell>
        <StatusBadge color={status.color}>{status.label}</StatusBadge>
      </Table.Cell>
      <Table.Cell className="text-right tabular-nums">{formatUnits(unplacedUnits(decision))}</Table.Cell>
      <Table.Cell>
        <span className="block max-w-[260px] truncate" title={why}>
          {why}
        </span>
      </Table.Cell>
      <Table.Cell>
        <span className="block max-w-[160px] truncate" title={decision.rule_set}>
          {decision.rule_set}
        </span>
      </Table.Cell>
      <Table.Cell className="whitespace-nowrap">{formatDateTime(decision.created_at)}</Table.Cell>
      <Table.Cell>
        <Button
          size="small"
          variant="secondary"
          isLoading={retry.isPending}
          onClick={onRetry}
          data-testid={`oms-queue-retry-${decision.order_id}`}
        >
          <ArrowPath />
          Retry
        </Button>
      </Table.Cell>
      <Table.Cell className="pl-0">
        <MoveOrderButton orderId={decision.order_id} />
      </Table.Cell>
    </Table.Row>
  )
}

/** Orders routing could not place in full: held, backordered or partly routed, oldest first. */
export const RoutingQueue = () => {
  const { data, isPending, isError, error, refetch } = useRoutingQueue()
  const decisions = data?.decisions ?? []
  const numbers = useOrderNumbers(decisions.map((decision) => decision.order_id))

  return (
    <Container className="divide-y p-0" data-testid="oms-queue">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h2">Hold and backorder queue</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Orders with units no location could ship, oldest first. They are routed again when stock arrives; Retry
          routes one now.
        </Text>
      </div>
      {isPending ? (
        <SectionLoading />
      ) : isError ? (
        <SectionError error={error} onRetry={() => refetch()} />
      ) : decisions.length === 0 ? (
        <SectionEmpty>No orders are waiting: every routed order was placed in full.</SectionEmpty>
      ) : (
        <div className="overflow-x-auto">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Order</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Not placed</Table.HeaderCell>
                <Table.HeaderCell>Why</Table.HeaderCell>
                <Table.HeaderCell>Rule set</Table.HeaderCell>
                <Table.HeaderCell>Since</Table.HeaderCell>
                <Table.HeaderCell className="w-px">
                  <span className="sr-only">Retry</span>
                </Table.HeaderCell>
                <Table.HeaderCell className="w-px">
                  <span className="sr-only">Move</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {decisions.map((decision) => (
                <QueueRow key={decision.id} decision={decision} displayId={numbers.data?.[decision.order_id]} />
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {data && data.count > decisions.length && (
        <SectionEmpty>
          Showing the oldest {decisions.length} of {data.count} waiting orders.
        </SectionEmpty>
      )}
    </Container>
  )
}
