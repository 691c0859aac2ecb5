import { CheckCircleSolid } from "@medusajs/icons"
import { Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { useOrderLabels } from "../../hooks/shipping/labels"
import { SectionError, SectionLoading } from "../common/section-state"
import { BuyLabelForm } from "./buy-label-form"
import { LabelFacts, PrintLabelButton } from "./label-card"
import { labelStatusDisplay } from "./display"

/**
 * After packing: the label the pack bought (when the order's shipping option is a carrier's),
 * ready to print; otherwise a form to buy one for the pack's fulfillment.
 */
export const PackLabel = ({ orderId, fulfillmentId }: { orderId: string; fulfillmentId: string }) => {
  const { data, isPending, isError, error, refetch } = useOrderLabels(orderId)
  const labels = data?.labels ?? []
  // Newest first: the live label of this parcel, else its latest attempt (failed, voided).
  const ofParcel = labels.filter((l) => l.kind === "outbound" && l.fulfillment_id === fulfillmentId)
  const label = ofParcel.find((l) => ["purchased", "pending", "unknown"].includes(l.status)) ?? null
  const status = label ? labelStatusDisplay(label.status) : null

  return (
    <Container className="flex flex-col gap-y-4 px-6 py-4" data-testid="pack-label">
      <div className="flex items-center justify-between gap-x-3">
        <Heading level="h2">Shipping label</Heading>
        {status && (
          <StatusBadge color={status.color} data-testid="pack-label-status" data-status={label!.status}>
            {status.label}
          </StatusBadge>
        )}
      </div>
      {isPending ? (
        <SectionLoading rows={1} />
      ) : isError ? (
        <SectionError error={error} onRetry={() => refetch()} />
      ) : label ? (
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div className="flex items-start gap-x-3">
            {label.status === "purchased" && <CheckCircleSolid className="text-ui-tag-green-icon mt-0.5" />}
            <LabelFacts label={label} />
          </div>
          {label.status === "purchased" && (
            <div className="flex items-center gap-x-2">
              {label.parcels.map((_, k) => (
                <PrintLabelButton key={k} label={label} parcel={k} testId="pack-label-print" />
              ))}
            </div>
          )}
        </div>
      ) : (
        <div className="flex flex-col gap-y-3">
          <Text size="small" className="text-ui-fg-subtle" data-testid="pack-label-none">
            {ofParcel.length
              ? "This parcel's last label is no longer live; buy another one."
              : "The order's shipping option buys no label: buy one for this parcel."}
          </Text>
          <BuyLabelForm orderId={orderId} fulfillments={[{ id: fulfillmentId }]} labels={labels} fixedFulfillmentId={fulfillmentId} />
        </div>
      )}
    </Container>
  )
}
