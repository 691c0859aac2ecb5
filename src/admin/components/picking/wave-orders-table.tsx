import { ArchiveBox } from "@medusajs/icons"
import { Button, Container, Heading, StatusBadge, Table, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { formatCount } from "../../lib/format"
import type { WaveDetail, WaveOrder } from "../../../types/picking"
import { orderNumber, toteLabel, waveOrderStatusDisplay } from "./display"

/** An order can be packed once its units are picked (in full or short); packed orders show their parcel. */
const PackAction = ({ waveId, order }: { waveId: string; order: WaveOrder }) => {
  const to = `/oms/picking/${waveId}/pack/${order.order_id}`
  if (order.status === "packed") {
    return (
      <Button size="small" variant="transparent" asChild>
        <Link to={to} data-testid={`picking-order-view-${order.order_id}`}>
          View parcel
        </Link>
      </Button>
    )
  }
  // A short order packs what was found; one that lost every unit has nothing to pack here.
  const ready = (order.status === "picked" || order.status === "short") && order.units > 0
  return ready ? (
    <Button size="small" variant="secondary" asChild>
      <Link to={to} data-testid={`picking-order-pack-${order.order_id}`}>
        <ArchiveBox />
        Pack
      </Link>
    </Button>
  ) : (
    <Button size="small" variant="secondary" disabled title={order.units > 0 ? "Pick its units first" : "Nothing left to pack"} data-testid={`picking-order-pack-${order.order_id}`}>
      <ArchiveBox />
      Pack
    </Button>
  )
}

/** The wave's orders by tote, with their pick and pack status. */
export const WaveOrdersTable = ({ wave }: { wave: WaveDetail }) => {
  const orders = [...wave.orders].sort((a, b) => a.tote - b.tote)
  const canceled = wave.status === "canceled"
  return (
    <Container className="divide-y p-0" data-testid="picking-wave-orders">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h2">Orders</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Each order is picked into its own tote and packed from it.
        </Text>
      </div>
      <div className="overflow-x-auto">
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Tote</Table.HeaderCell>
              <Table.HeaderCell>Order</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Units</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Short</Table.HeaderCell>
              <Table.HeaderCell>Fulfillment</Table.HeaderCell>
              <Table.HeaderCell className="w-px">
                <span className="sr-only">Actions</span>
              </Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {orders.map((order) => {
              const status = waveOrderStatusDisplay(order.status)
              return (
                <Table.Row key={order.order_id} data-testid={`picking-order-row-${order.order_id}`} data-status={order.status}>
                  <Table.Cell className="text-ui-fg-base font-mono">{toteLabel(order.tote)}</Table.Cell>
                  <Table.Cell>
                    <Link
                      to={`/orders/${order.order_id}`}
                      className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small-plus"
                    >
                      {orderNumber(order.display_id, order.order_id)}
                    </Link>
                  </Table.Cell>
                  <Table.Cell>
                    <StatusBadge color={status.color} data-testid="picking-order-status">
                      {status.label}
                    </StatusBadge>
                  </Table.Cell>
                  <Table.Cell className="text-right tabular-nums">{formatCount(order.units)}</Table.Cell>
                  <Table.Cell className={order.units_short > 0 ? "text-ui-fg-error text-right tabular-nums" : "text-right tabular-nums"}>
                    {formatCount(order.units_short)}
                  </Table.Cell>
                  <Table.Cell>
                    <span className="block max-w-[200px] truncate font-mono" title={order.fulfillment_id ?? undefined} data-testid="picking-order-fulfillment">
                      {order.fulfillment_id ?? "-"}
                    </span>
                  </Table.Cell>
                  <Table.Cell>{!canceled && <PackAction waveId={wave.id} order={order} />}</Table.Cell>
                </Table.Row>
              )
            })}
          </Table.Body>
        </Table>
      </div>
    </Container>
  )
}
