import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { useQueryClient } from "@tanstack/react-query"
import { useEffect, useMemo, useRef } from "react"
import { OrderNotRouted, OrderRouting } from "../components/routing/order-routing"
import { SectionError, SectionLoading } from "../components/common/section-state"
import { omsQueryKeys } from "../hooks/query-keys"
import { useOmsLocations } from "../hooks/routing/locations"
import { useOrderReservations, useOrderRouting } from "../hooks/routing/orders"
import { formatCount, formatUnits } from "../lib/format"
import type { ReservedLine } from "../../types/foundation"

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

/** The order's routing decision (where it ships from, why, its history) and where its units are reserved. */
const OrderOmsWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const queryClient = useQueryClient()
  const routing = useOrderRouting(order.id)
  const { data, isPending, isError, error, refetch } = useOrderReservations(order.id)
  // Only to name locations the filters skipped; the widget works without it.
  const locations = useOmsLocations()
  const locationNames = useMemo(
    () => new Map((locations.data?.locations ?? []).map((location) => [location.id, location.name])),
    [locations.data]
  )

  // A decision that appears or changes (background routing, another person's re-route) moves
  // reservations: fetch them again.
  const decision = routing.data?.decision
  const seen = useRef<string | undefined>(undefined)
  const version = routing.data ? `${decision?.id ?? "none"}@${decision?.updated_at ?? ""}` : undefined
  useEffect(() => {
    if (version === undefined) return
    if (seen.current !== undefined && seen.current !== version) {
      void queryClient.invalidateQueries({ queryKey: omsQueryKeys.orderReservations(order.id) })
    }
    seen.current = version
  }, [version, order.id, queryClient])

  return (
    <Container className="divide-y p-0" data-testid="oms-order-widget">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h2">Order management</Heading>
        <Text size="xsmall" className="text-ui-fg-muted">
          Where this order ships from, why, and where its units are reserved.
        </Text>
      </div>
      {routing.isPending ? (
        <SectionLoading rows={2} />
      ) : routing.isError ? (
        <SectionError error={routing.error} onRetry={() => routing.refetch()} />
      ) : decision ? (
        <OrderRouting decision={decision} reservations={data} locationNames={locationNames} />
      ) : (
        <OrderNotRouted orderId={order.id} />
      )}
      {isPending ? (
        <SectionLoading rows={2} />
      ) : isError ? (
        <SectionError error={error} onRetry={() => refetch()} />
      ) : (
        <div className="flex flex-col gap-y-4 px-6 py-4" data-testid="oms-order-reservations">
          <Text size="small" weight="plus" className="text-ui-fg-base">
            Reservations
          </Text>
          {data.locations.length === 0 && data.unreserved.length === 0 && (
            <Text size="small" className="text-ui-fg-subtle">
              No units of this order are reserved.
            </Text>
          )}
          {data.locations.map((location) => (
            <div
              key={location.location_id}
              className="flex flex-col gap-y-2"
              data-testid={`oms-order-location-${location.name}`}
            >
              <div className="flex items-center justify-between gap-x-3">
                <Text size="small" className="text-ui-fg-base truncate">
                  {location.name}
                </Text>
                <Badge size="2xsmall" color="blue">
                  {formatUnits(location.units)}
                </Badge>
              </div>
              <Lines lines={location.lines} />
            </div>
          ))}
          {(data.fulfilled ?? []).length > 0 && (
            <div className="flex flex-col gap-y-2" data-testid="oms-order-fulfilled">
              <div className="flex items-center justify-between gap-x-3">
                <Text size="small" className="text-ui-fg-base">
                  Fulfilled
                </Text>
                <Badge size="2xsmall" color="green">
                  {formatUnits((data.fulfilled ?? []).reduce((units, line) => units + line.quantity, 0))}
                </Badge>
              </div>
              <Lines lines={data.fulfilled ?? []} />
            </div>
          )}
          {data.unreserved.length > 0 && (
            <div className="flex flex-col gap-y-2" data-testid="oms-order-unreserved">
              <div className="flex items-center justify-between gap-x-3">
                <Text size="small" className="text-ui-fg-base">
                  Not reserved
                </Text>
                <Badge size="2xsmall" color="orange">
                  {formatUnits(data.unreserved.reduce((units, line) => units + line.quantity, 0))}
                </Badge>
              </div>
              <Lines lines={data.unreserved} />
            </div>
          )}
        </div>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  id: "medusa-oms:order-oms",
  zone: "order.details.side.after",
})

export default OrderOmsWidget
