import { MinusMini, PlusMini } from "@medusajs/icons"
import { Badge, Button, Container, IconButton, Text, clx } from "@medusajs/ui"
import { formatCount } from "../../lib/format"
import type { PickStop, ScanPhase } from "../../../types/picking"
import { orderNumber, toteLabel } from "./display"

const STEPS: { phase: ScanPhase; label: string }[] = [
  { phase: "bin", label: "Go to bin" },
  { phase: "item", label: "Scan item" },
  { phase: "quantity", label: "Confirm quantity" },
]

/** The three steps of a stop, the current one highlighted. */
const Steps = ({ phase, hasBin }: { phase: ScanPhase; hasBin: boolean }) => {
  const at = STEPS.findIndex((step) => step.phase === phase)
  return (
    <ol className="flex flex-wrap items-center gap-x-2 gap-y-1" data-testid="picking-scan-steps">
      {STEPS.map((step, index) => {
        const skipped = step.phase === "bin" && !hasBin
        const done = index < at
        const current = index === at
        return (
          <li key={step.phase} className="flex items-center gap-x-2">
            {index > 0 && <span className="bg-ui-border-base h-px w-6" aria-hidden />}
            <span
              className={clx(
                "txt-compact-small-plus flex items-center gap-x-1.5 rounded-full px-2.5 py-1",
                current && "bg-ui-tag-blue-bg text-ui-tag-blue-text",
                done && "text-ui-fg-subtle",
                !current && !done && "text-ui-fg-muted"
              )}
              aria-current={current ? "step" : undefined}
            >
              <span className="tabular-nums">{index + 1}</span>
              {skipped ? "No bin" : step.label}
            </span>
          </li>
        )
      })}
    </ol>
  )
}

/** The one instruction the picker must follow now, in large type. */
const Instruction = ({ stop, phase }: { stop: PickStop; phase: ScanPhase }) => {
  if (phase === "bin") {
    return (
      <div className="flex flex-col gap-y-1">
        <Text size="small" className="text-ui-fg-subtle">
          Go to bin
        </Text>
        <span className="text-ui-fg-base font-mono text-5xl font-semibold tracking-tight" data-testid="picking-scan-bin">
          {stop.bin_code}
        </span>
      </div>
    )
  }
  return (
    <div className="flex flex-col gap-y-1">
      <Text size="small" className="text-ui-fg-subtle">
        {phase === "item" ? "Scan item" : "Scanned"}
        {stop.bin_code ? ` in bin ${stop.bin_code}` : " (this item has no bin)"}
      </Text>
      <span className="text-ui-fg-base font-mono text-4xl font-semibold tracking-tight" data-testid="picking-scan-sku">
        {stop.sku ?? stop.barcode ?? "No SKU"}
      </span>
    </div>
  )
}

/**
 * The current stop: where to go, what to take, how many and into which totes. In the quantity
 * step it offers the expected count, which Enter in the scan field (or Confirm) accepts.
 */
export const CurrentStopCard = ({
  stop,
  phase,
  counted,
  quantity,
  busy,
  onQuantityChange,
  onConfirm,
  onShort,
}: {
  stop: PickStop
  phase: ScanPhase
  counted: number
  quantity: number
  busy: boolean
  onQuantityChange: (quantity: number) => void
  onConfirm: () => void
  onShort: () => void
}) => (
  <Container className="flex flex-col gap-y-6 px-6 py-5" data-testid="picking-scan-card" data-phase={phase} data-stop={stop.index}>
    <div className="flex flex-wrap items-center justify-between gap-3">
      <Steps phase={phase} hasBin={stop.bin_code !== null} />
      <Text size="small" className="text-ui-fg-muted tabular-nums">
        Stop {stop.index + 1}
      </Text>
    </div>
    <div className="grid grid-cols-[minmax(0,1fr)_auto] items-end gap-6">
      <Instruction stop={stop} phase={phase} />
      <div className="flex flex-col items-end gap-y-1">
        <Text size="small" className="text-ui-fg-subtle">
          Pick
        </Text>
        <span className="text-ui-fg-base text-5xl font-semibold tabular-nums" data-testid="picking-scan-quantity">
          {formatCount(stop.quantity)}
        </span>
      </div>
    </div>
    <div className="flex flex-col gap-y-2">
      <div className="flex flex-wrap items-baseline gap-x-2">
        <Text size="large" weight="plus" className="text-ui-fg-base">
          {stop.product_title}
        </Text>
        {stop.variant_title && (
          <Text size="base" className="text-ui-fg-subtle">
            {stop.variant_title}
          </Text>
        )}
      </div>
      <Text size="small" className="text-ui-fg-subtle">
        SKU <span className="text-ui-fg-base font-mono">{stop.sku ?? "-"}</span>
        {stop.barcode && (
          <>
            {" · "}Barcode <span className="text-ui-fg-base font-mono">{stop.barcode}</span>
          </>
        )}
      </Text>
      <div className="flex flex-wrap items-center gap-2" data-testid="picking-scan-totes">
        <Text size="small" className="text-ui-fg-subtle">
          Into
        </Text>
        {stop.breakdown.map((part) => (
          <Badge key={part.line_item_id} size="small" className="tabular-nums">
            {toteLabel(part.tote)} ×{formatCount(part.quantity)}
            <span className="text-ui-fg-muted ml-1">{orderNumber(part.display_id, part.order_id)}</span>
          </Badge>
        ))}
      </div>
    </div>
    <div className="border-ui-border-base flex flex-wrap items-center justify-between gap-4 border-t pt-4">
      {phase === "quantity" ? (
        <div className="flex flex-wrap items-center gap-3" data-testid="picking-scan-confirm">
          <Text size="small" className="text-ui-fg-subtle tabular-nums" data-testid="picking-scan-counted">
            {formatCount(counted)} of {formatCount(stop.quantity)} scanned.
          </Text>
          <Text size="small" weight="plus" className="text-ui-fg-base">
            Picked
          </Text>
          <div className="flex items-center gap-x-1">
            <IconButton
              size="small"
              variant="transparent"
              aria-label="One less"
              disabled={quantity <= 1}
              onClick={() => onQuantityChange(quantity - 1)}
            >
              <MinusMini />
            </IconButton>
            <span className="txt-compact-large-plus text-ui-fg-base w-10 text-center tabular-nums" data-testid="picking-scan-confirm-quantity">
              {quantity}
            </span>
            <IconButton
              size="small"
              variant="transparent"
              aria-label="One more"
              disabled={quantity >= stop.quantity}
              onClick={() => onQuantityChange(quantity + 1)}
            >
              <PlusMini />
            </IconButton>
          </div>
          <Button size="small" onClick={onConfirm} isLoading={busy} data-testid="picking-scan-confirm-button">
            Confirm {quantity}
          </Button>
        </div>
      ) : (
        <Text size="small" className="text-ui-fg-subtle">
          {phase === "bin"
            ? "Scan the bin label to confirm you are at the right place."
            : "Scan one unit to check it is the right item, then confirm the count."}
        </Text>
      )}
      <Button size="small" variant="secondary" onClick={onShort} disabled={busy} data-testid="picking-short">
        Short pick
      </Button>
    </div>
  </Container>
)
