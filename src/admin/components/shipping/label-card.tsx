import { ArrowUturnLeft, DocumentText, XCircle } from "@medusajs/icons"
import { Badge, Button, StatusBadge, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { useLabelTracking, useReturnLabel, useVoidLabel } from "../../hooks/shipping/labels"
import { errorMessage, formatDateTime } from "../../lib/format"
import type { LabelView } from "../../../types/shipping"
import { carrierName, formatMoney, labelStatusDisplay } from "./display"
import { openLabelFile } from "./open-label"
import { TrackingTimeline } from "./tracking-timeline"

/** Opens one parcel's label file in a new tab, to print. */
export const PrintLabelButton = ({ label, parcel, testId = "label-print" }: { label: LabelView; parcel: number; testId?: string }) => {
  const [busy, setBusy] = useState(false)
  const file = label.parcels[parcel]
  if (!file) return null
  const onPrint = async () => {
    setBusy(true)
    try {
      await openLabelFile(file.file_url)
    } catch (error) {
      toast.error("Could not open the label", { description: errorMessage(error) })
    } finally {
      setBusy(false)
    }
  }
  return (
    <Button size="small" variant="secondary" onClick={onPrint} isLoading={busy} data-testid={testId} data-parcel={parcel}>
      <DocumentText />
      {label.parcels.length > 1 ? `Print parcel ${parcel + 1}` : `Print ${file.format.toUpperCase()}`}
    </Button>
  )
}

/** "Offline Economy" from the bought quote, else the service code, else rate shop. */
export const serviceOf = (label: LabelView): string => label.rate?.service_name ?? label.service_code ?? "Rate shop"

/** Carrier, service, price and tracking numbers of a label, as one line each. */
export const LabelFacts = ({ label }: { label: LabelView }) => (
  <div className="flex flex-col gap-y-1">
    <Text size="small" className="text-ui-fg-base" data-testid="label-service">
      {carrierName(label.carrier)} · {serviceOf(label)} · {formatMoney(label.amount, label.currency_code)}
    </Text>
    {label.parcels.length > 0 && (
      <Text size="xsmall" className="text-ui-fg-subtle font-mono" data-testid="label-tracking-numbers">
        {label.parcels.map((p, k) => (
          <span key={p.tracking_number}>
            {k > 0 && ", "}
            {p.tracking_url ? (
              <a href={p.tracking_url} target="_blank" rel="noreferrer" className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
                {p.tracking_number}
              </a>
            ) : (
              p.tracking_number
            )}
          </span>
        ))}
      </Text>
    )}
    {label.failure_message && label.status !== "purchased" && (
      <Text size="xsmall" className="text-ui-fg-error" data-testid="label-failure">
        {label.failure_message}
      </Text>
    )}
    {label.void_message && (
      <Text size="xsmall" className="text-ui-fg-subtle">
        {label.void_message}
      </Text>
    )}
  </div>
)

/** One label of the order: what was bought, print, void, return label, and the parcel's tracking. */
export const LabelCard = ({ orderId, label }: { orderId: string; label: LabelView }) => {
  const prompt = usePrompt()
  const voidLabel = useVoidLabel(orderId)
  const returnLabel = useReturnLabel(orderId)
  const status = labelStatusDisplay(label.status)
  const purchased = label.status === "purchased"
  // Only outbound parcels are tracked (a return parcel's updates are not applied to the order).
  const tracked = purchased && label.kind === "outbound"
  // The same query the timeline reads: once the parcel moved, the carrier no longer takes the label back.
  const tracking = useLabelTracking(label.id, { enabled: tracked })
  const moving = !!tracking.data && !["pre_transit", "unknown", null].includes(tracking.data.tracking.status)

  const onVoid = async () => {
    const confirmed = await prompt({
      title: "Void this label?",
      description: `${carrierName(label.carrier)} takes it back and refunds it; the parcel cannot ship with it any more.`,
      confirmText: "Void label",
      cancelText: "Keep it",
    })
    if (!confirmed) return
    try {
      const { label: voided } = await voidLabel.mutateAsync(label.id)
      toast.success(voided.status === "voided" ? "Label voided" : "Void requested", { description: voided.void_message ?? undefined })
    } catch (error) {
      toast.error("Could not void the label", { description: errorMessage(error) })
    }
  }

  const onReturn = async () => {
    try {
      const { label: made } = await returnLabel.mutateAsync({ labelId: label.id })
      toast.success("Return label ready", { description: made.tracking_numbers.join(", ") })
    } catch (error) {
      toast.error("Could not make the return label", { description: errorMessage(error) })
    }
  }

  return (
    <div className="flex flex-col gap-y-4 px-6 py-4" data-testid={`label-${label.id}`} data-label-status={label.status} data-kind={label.kind}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex flex-col gap-y-1">
          <div className="flex items-center gap-x-2">
            <StatusBadge color={status.color} data-testid="label-status">
              {status.label}
            </StatusBadge>
            {label.kind === "return" && (
              <Badge size="2xsmall" color="purple">
                Return
              </Badge>
            )}
            <Text size="xsmall" className="text-ui-fg-muted">
              {label.purchased_at ? `bought ${formatDateTime(label.purchased_at)}` : formatDateTime(label.created_at)}
              {label.fulfillment_id ? ` · ${label.fulfillment_id}` : ""}
            </Text>
          </div>
          <LabelFacts label={label} />
        </div>
        {purchased && (
          <div className="flex flex-wrap items-center gap-2">
            {label.parcels.map((_, k) => (
              <PrintLabelButton key={k} label={label} parcel={k} />
            ))}
            {label.kind === "outbound" && (
              <Button size="small" variant="secondary" onClick={onReturn} isLoading={returnLabel.isPending} data-testid="label-return">
                <ArrowUturnLeft />
                Return label
              </Button>
            )}
            {!moving && (
              <Button size="small" variant="secondary" onClick={onVoid} isLoading={voidLabel.isPending} data-testid="label-void">
                <XCircle />
                Void
              </Button>
            )}
          </div>
        )}
      </div>
      {tracked && <TrackingTimeline orderId={orderId} label={label} />}
    </div>
  )
}
