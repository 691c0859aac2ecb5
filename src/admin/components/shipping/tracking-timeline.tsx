import { PlaySolid } from "@medusajs/icons"
import { Button, StatusBadge, Text, toast } from "@medusajs/ui"
import { useLabelTracking, usePlayTracking } from "../../hooks/shipping/labels"
import { errorMessage, formatDateTime, isoString } from "../../lib/format"
import type { AdminLabelTracking as Tracking, LabelView } from "../../../types/shipping"
import { SectionError, SectionLoading } from "../common/section-state"
import { nextPlayStep, trackingStatusDisplay } from "./display"

/** When the parcel left and arrived, as far as the carrier has said. */
const Milestones = ({ tracking }: { tracking: Tracking }) => (
  <div className="flex flex-wrap gap-x-6 gap-y-1">
    <Text size="xsmall" className="text-ui-fg-subtle" data-testid="label-tracking-shipped">
      Shipped: {tracking.shipped_at ? formatDateTime(tracking.shipped_at) : "not yet"}
    </Text>
    <Text size="xsmall" className="text-ui-fg-subtle" data-testid="label-tracking-delivered">
      Delivered: {tracking.delivered_at ? formatDateTime(tracking.delivered_at) : "not yet"}
    </Text>
  </div>
)

/**
 * The offline carrier plays the parcel's next step (its signed webhook goes through the same
 * verification as a real carrier's), so a store without a carrier still sees the whole flow.
 */
const PlayNextStep = ({ orderId, label, status }: { orderId: string; label: LabelView; status: string | null }) => {
  const play = usePlayTracking(orderId, label.id)
  const next = nextPlayStep(status)
  if (!next) return null
  const onPlay = async () => {
    try {
      await play.mutateAsync({ status: next })
    } catch (error) {
      toast.error("The offline carrier could not move the parcel", { description: errorMessage(error) })
    }
  }
  return (
    <Button size="small" variant="secondary" onClick={onPlay} isLoading={play.isPending} data-testid="label-tracking-play" data-next={next}>
      <PlaySolid />
      Play: {trackingStatusDisplay(next).label.toLowerCase()}
    </Button>
  )
}

/** A label's tracking: its status, shipped and delivered times, and every step, oldest first. */
export const TrackingTimeline = ({ orderId, label }: { orderId: string; label: LabelView }) => {
  const { data, isPending, isError, error, refetch } = useLabelTracking(label.id)
  if (isPending) return <SectionLoading rows={1} />
  if (isError) return <SectionError error={error} onRetry={() => refetch()} />
  const { tracking } = data
  const status = trackingStatusDisplay(tracking.status)
  const playable = label.carrier === "offline" && label.status === "purchased"
  return (
    <div className="flex flex-col gap-y-3" data-testid="label-tracking" data-status={tracking.status ?? "none"}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex items-center gap-x-2">
          <Text size="small" weight="plus" className="text-ui-fg-base">
            Tracking
          </Text>
          <StatusBadge color={status.color} data-testid="label-tracking-status">
            {status.label}
          </StatusBadge>
        </div>
        {playable && <PlayNextStep orderId={orderId} label={label} status={tracking.status} />}
      </div>
      <Milestones tracking={tracking} />
      {tracking.steps.length === 0 ? (
        <Text size="xsmall" className="text-ui-fg-subtle">
          The carrier has not scanned the parcel yet.
        </Text>
      ) : (
        <ol className="flex flex-col gap-y-2 border-l border-ui-border-base pl-4" data-testid="label-tracking-steps">
          {tracking.steps.map((step) => (
            <li
              key={`${step.tracking_number}:${step.status}:${isoString(step.occurred_at)}`}
              className="relative flex flex-col"
              data-testid="label-tracking-step"
              data-status={step.status}
            >
              <span className="bg-ui-fg-muted absolute -left-[21px] top-1.5 h-2 w-2 rounded-full" aria-hidden />
              <Text size="small" className="text-ui-fg-base">
                {trackingStatusDisplay(step.status).label}
                <span className="text-ui-fg-subtle"> · {formatDateTime(step.occurred_at)}</span>
              </Text>
              <Text size="xsmall" className="text-ui-fg-subtle">
                {[step.description, step.location].filter(Boolean).join(" · ")}
              </Text>
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}
