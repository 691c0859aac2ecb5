import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { SectionError, SectionLoading } from "../components/oms/section-state"
import { useOrderReservations } from "../hooks/oms"
import { formatCount, formatUnits } from "../lib/format"
import type { ReservedLine } from "../lib/types"

const Lines = ({ lines }: { lines: ReservedLine[] }) => (
  <ul className="flex flex-col gap-y-1">
    {lines.map((line) => (
      <li key={line.line_item_id} className="flex items-start justify-between gap-x-3">
        <div className="flex min-w-0 flex-col">
          <Text size="small" className="text-ui-fg-base truncate" title={line.title}>
            {line.title}
          </Text>
          <Text size="xsmall" className="text-ui-fg-subtle truncate">
            {line.sku ?? "No SKU"}
          </Text>
        </div>
        <Text size="small" className="text-ui-fg-subtle shrink-0 tabular-nums">
          {formatCount(line.quantity)}x
        </Text>
      </li>
    ))}
  </ul>
)

/** Where the order's units are reserved, per stock location. */
const OrderOmsWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { data, isPending, isError, error, refetch } = useOrderReservations(order.id)

  return (
    <Container className="divide-y p-0" data-testid="oms-order-widget">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h2">Order management</Heading>
        <Text size="xsmall" className="text-ui-fg-muted">
          Routing, picking, labels and returns will appear here.
        </Text>
      </div>
      {isPending ? (
        <SectionLoading rows={2} />
      ) : isError ? (
        <SectionError error={error} onRetry={() => refetch()} />
      ) : (
        <>
          {data.locations.length === 0 && data.unreserved.length === 0 && (
            <div className="px-6 py-4">
              <Text size="small" className="text-ui-fg-subtle">
                No units of this order are reserved.
              </Text>
            </div>
          )}
          {data.locations.map((location) => (
            <div
              key={location.location_id}
              className="flex flex-col gap-y-2 px-6 py-4"
              data-testid={`oms-order-location-${location.name}`}
            >
              <div className="flex items-center justify-between gap-x-3">
                <Text size="small" weight="plus" className="text-ui-fg-base truncate">
                  {location.name}
                </Text>
                <Badge size="2xsmall" color="blue">
                  {formatUnits(location.units)}
                </Badge>
              </div>
              <Lines lines={location.lines} />
            </div>
          ))}
          {data.unreserved.length > 0 && (
            <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="oms-order-unreserved">
              <div className="flex items-center justify-between gap-x-3">
                <Text size="small" weight="plus" className="text-ui-fg-base">
                  Not reserved
                </Text>
                <Badge size="2xsmall" color="orange">
                  {formatUnits(data.unreserved.reduce((units, line) => units + line.quantity, 0))}
                </Badge>
              </div>
              <Lines lines={data.unreserved} />
            </div>
          )}
        </>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  id: "medusa-oms:order-oms",
  zone: "order.details.side.after",
})

export default OrderOmsWidget
