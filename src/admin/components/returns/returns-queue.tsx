import { Badge, Container, Heading, StatusBadge, Table, Tabs, Text, clx } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { useReturnsQueue } from "../../hooks/returns/cases"
import { formatUnits } from "../../lib/format"
import type { ReturnCaseView, ReturnStatus } from "../../../types/returns"
import { SectionEmpty, SectionError, SectionLoading } from "../common/section-state"
import {
  caseUnits,
  formatAge,
  methodLabel,
  OLD_AGE_HOURS,
  orderLabel,
  QUEUE_STATUSES,
  resolutionLabel,
  returnStatusDisplay,
} from "./display"

const EMPTY: Record<ReturnStatus, string> = {
  requested: "No returns are on their way.",
  receiving: "No parcel is waiting for its inspection.",
  inspected: "Nothing is waiting for its refund, credit or exchange.",
  resolved: "No return has been resolved yet.",
  canceled: "No return was canceled.",
}

/** Open returns get old; a resolved or canceled one is only history. */
const isOpen = (status: ReturnStatus) => status === "requested" || status === "receiving" || status === "inspected"

const QueueRow = ({ item, status }: { item: ReturnCaseView; status: ReturnStatus }) => {
  const old = isOpen(status) && item.age_hours >= OLD_AGE_HOURS
  return (
    <Table.Row data-testid={`returns-queue-row-${item.id}`} data-rma={item.rma_code} className={clx(old && "bg-ui-tag-red-bg/40")}>
      <Table.Cell className="whitespace-nowrap">
        <Badge size="2xsmall" color={old ? "red" : "grey"} data-testid="returns-queue-age" data-old={String(old)} title={`${item.age_hours} hours since requested`}>
          {formatAge(item.age_hours)}
        </Badge>
      </Table.Cell>
      <Table.Cell className="font-mono txt-compact-small-plus whitespace-nowrap">{item.rma_code}</Table.Cell>
      <Table.Cell>
        <Link to={`/orders/${item.order_id}`} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small-plus">
          {orderLabel(item)}
        </Link>
      </Table.Cell>
      <Table.Cell>
        <span className="block max-w-[220px] truncate" title={item.email ?? undefined}>
          {item.email ?? "-"}
        </span>
      </Table.Cell>
      <Table.Cell className="text-right tabular-nums whitespace-nowrap">{formatUnits(caseUnits(item))}</Table.Cell>
      <Table.Cell className="whitespace-nowrap">{methodLabel(item.method)}</Table.Cell>
      <Table.Cell className="whitespace-nowrap">{resolutionLabel(item.resolution)}</Table.Cell>
      <Table.Cell className="whitespace-nowrap">
        {item.resolution_status === "failed" ? (
          <StatusBadge color="red" title={item.resolution_error ?? undefined}>
            Resolution failed
          </StatusBadge>
        ) : (
          <StatusBadge color={returnStatusDisplay(item.status).color}>{returnStatusDisplay(item.status).label}</StatusBadge>
        )}
      </Table.Cell>
    </Table.Row>
  )
}

const QueueTable = ({ status }: { status: ReturnStatus }) => {
  const { data, isPending, isError, error, refetch } = useReturnsQueue(status)
  if (isPending) return <SectionLoading />
  if (isError) return <SectionError error={error} onRetry={() => refetch()} />
  const rows = data.returns
  if (rows.length === 0) return <SectionEmpty>{EMPTY[status]}</SectionEmpty>
  return (
    <div className="overflow-x-auto" data-testid={`returns-queue-${status}`}>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Age</Table.HeaderCell>
            <Table.HeaderCell>RMA</Table.HeaderCell>
            <Table.HeaderCell>Order</Table.HeaderCell>
            <Table.HeaderCell>Customer</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Units</Table.HeaderCell>
            <Table.HeaderCell>Method</Table.HeaderCell>
            <Table.HeaderCell>Resolution</Table.HeaderCell>
            <Table.HeaderCell>Status</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {rows.map((item) => (
            <QueueRow key={item.id} item={item} status={status} />
          ))}
        </Table.Body>
      </Table>
      {data.count > rows.length && (
        <SectionEmpty>
          Showing the oldest {rows.length} of {data.count} returns.
        </SectionEmpty>
      )}
    </div>
  )
}

/** Returns by status, the oldest request first; open ones older than three days stand out. */
export const ReturnsQueue = () => {
  const [status, setStatus] = useState<ReturnStatus>("requested")
  return (
    <Container className="divide-y p-0" data-testid="returns-queue">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h2">Queue</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Each return by where it stands, the oldest first. Open returns older than {OLD_AGE_HOURS / 24} days are marked red.
        </Text>
      </div>
      <Tabs value={status} onValueChange={(value) => setStatus(value as ReturnStatus)}>
        <div className="px-6 py-3">
          <Tabs.List>
            {QUEUE_STATUSES.map((s) => (
              <Tabs.Trigger key={s} value={s} data-testid={`returns-tab-${s}`}>
                {returnStatusDisplay(s).label}
              </Tabs.Trigger>
            ))}
          </Tabs.List>
        </div>
        {QUEUE_STATUSES.map((s) => (
          <Tabs.Content key={s} value={s} className="border-t">
            {s === status && <QueueTable status={s} />}
          </Tabs.Content>
        ))}
      </Tabs>
    </Container>
  )
}
