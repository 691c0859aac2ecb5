import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { SectionError, SectionLoading } from "../components/common/section-state"
import {
  packStatusDisplay,
  pickStatusDisplay,
  shortWaveId,
  waveStatusDisplay,
} from "../components/picking/display"
import { useOrderPicking } from "../hooks/picking/waves"

/** Where the order is in the warehouse: its waves and totes, and whether it is picked and packed. */
const OrderPickingWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { data, isPending, isError, error, refetch } = useOrderPicking(order.id)

  return (
    <Container className="divide-y p-0" data-testid="picking-order-widget">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h2">Picking and packing</Heading>
        <Text size="xsmall" className="text-ui-fg-muted">
          The waves this order is picked in and whether it is packed.
        </Text>
      </div>
      {isPending ? (
        <SectionLoading rows={2} />
      ) : isError ? (
        <SectionError error={error} onRetry={() => refetch()} />
      ) : (
        <>
          <div className="grid grid-cols-2 gap-3 px-6 py-4">
            <div className="flex flex-col items-start gap-y-1">
              <Text size="xsmall" className="text-ui-fg-subtle">
                Pick
              </Text>
              <StatusBadge
                color={pickStatusDisplay(data.pick_status).color}
                data-testid="picking-order-pick-status"
                data-status={data.pick_status}
              >
                {pickStatusDisplay(data.pick_status).label}
              </StatusBadge>
            </div>
            <div className="flex flex-col items-start gap-y-1">
              <Text size="xsmall" className="text-ui-fg-subtle">
                Pack
              </Text>
              <StatusBadge
                color={packStatusDisplay(data.pack_status).color}
                data-testid="picking-order-pack-status"
                data-status={data.pack_status}
              >
                {packStatusDisplay(data.pack_status).label}
              </StatusBadge>
            </div>
          </div>
          {data.waves.length > 0 && (
            <ul className="flex flex-col gap-y-2 px-6 py-4" data-testid="picking-order-waves">
              {data.waves.map((wave) => {
                const status = waveStatusDisplay(wave.status)
                return (
                  <li key={wave.wave_id} className="flex items-center justify-between gap-x-3">
                    <div className="flex min-w-0 flex-col">
                      <Link
                        to={`/oms/picking/${wave.wave_id}`}
                        className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small-plus"
                        data-testid="picking-order-wave-link"
                      >
                        Wave {shortWaveId(wave.wave_id)}
                      </Link>
                      <Text size="xsmall" className="text-ui-fg-subtle truncate">
                        {[wave.location_name, wave.tote === null ? null : `tote ${wave.tote}`]
                          .filter(Boolean)
                          .join(" · ")}
                      </Text>
                    </div>
                    <StatusBadge color={status.color} className="shrink-0">
                      {status.label}
                    </StatusBadge>
                  </li>
                )
              })}
            </ul>
          )}
          {data.fulfillment_ids.length > 0 && (
            <div className="flex flex-col gap-y-1 px-6 py-4">
              <Text size="xsmall" className="text-ui-fg-subtle">
                Fulfillments from packing
              </Text>
              {data.fulfillment_ids.map((id) => (
                <Text key={id} size="xsmall" className="text-ui-fg-base truncate font-mono" title={id} data-testid="picking-order-fulfillment">
                  {id}
                </Text>
              ))}
            </div>
          )}
        </>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  id: "medusa-oms:order-picking",
  zone: "order.details.side.after",
})

export default OrderPickingWidget
