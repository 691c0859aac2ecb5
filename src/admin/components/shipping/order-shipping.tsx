import { Container, Heading, Text } from "@medusajs/ui"
import { useOrderLabels } from "../../hooks/shipping/labels"
import { SectionEmpty, SectionError, SectionLoading } from "../common/section-state"
import { BuyLabelForm, type FulfillmentChoice } from "./buy-label-form"
import { LabelCard } from "./label-card"

/**
 * The order's shipping: every label bought for it (voided and failed ones too, newest first)
 * with print, void, return label and the parcel's tracking, and a form to buy a label for a
 * fulfillment that has none.
 */
export const OrderShipping = ({ orderId, fulfillments }: { orderId: string; fulfillments: FulfillmentChoice[] }) => {
  const { data, isPending, isError, error, refetch } = useOrderLabels(orderId)
  const labels = data?.labels ?? []
  return (
    <Container className="divide-y p-0" data-testid="oms-order-shipping">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h2">Shipping labels</Heading>
        <Text size="xsmall" className="text-ui-fg-muted">
          Labels bought for this order's fulfillments, their files and the parcels' tracking.
        </Text>
      </div>
      {isPending ? (
        <SectionLoading rows={2} />
      ) : isError ? (
        <SectionError error={error} onRetry={() => refetch()} />
      ) : (
        <>
          {labels.length === 0 && (
            <SectionEmpty>
              {fulfillments.length ? "No labels yet." : "No labels yet: a label is bought for a fulfillment, when the order is packed or here."}
            </SectionEmpty>
          )}
          {labels.map((label) => (
            <LabelCard key={label.id} orderId={orderId} label={label} />
          ))}
          <BuyLabelSection orderId={orderId} fulfillments={fulfillments} labels={labels} />
        </>
      )}
    </Container>
  )
}

const BuyLabelSection = (props: Parameters<typeof BuyLabelForm>[0]) => (
  // The form renders nothing when every fulfillment has its label; the wrapper's padding goes with it.
  <div className="px-6 py-4 empty:hidden">
    <BuyLabelForm {...props} />
  </div>
)
