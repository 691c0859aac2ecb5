import type { BadgeColor } from "../../lib/format"
import type { Disposition, Grade, Resolution, ReturnCaseView, ReturnMethod, ReturnStatus } from "../../../types/returns"

type Display = { label: string; color: BadgeColor }

const readable = (value: string): Display => {
  const words = value.replace(/_/g, " ")
  return { label: words.charAt(0).toUpperCase() + words.slice(1), color: "grey" }
}

/** The queue's tabs, in the order a return passes through them. */
export const QUEUE_STATUSES: ReturnStatus[] = ["requested", "receiving", "inspected", "resolved", "canceled"]

const STATUS_DISPLAY: Record<ReturnStatus, Display> = {
  requested: { label: "Requested", color: "blue" },
  receiving: { label: "Receiving", color: "orange" },
  inspected: { label: "Inspected", color: "purple" },
  resolved: { label: "Resolved", color: "green" },
  canceled: { label: "Canceled", color: "grey" },
}

export const returnStatusDisplay = (status: string): Display => STATUS_DISPLAY[status as ReturnStatus] ?? readable(status)

const METHOD_LABELS: Record<ReturnMethod, string> = { label: "Return label", drop_off: "Drop-off", keep_it: "Keep it" }
export const methodLabel = (method: string): string => METHOD_LABELS[method as ReturnMethod] ?? readable(method).label

const RESOLUTION_LABELS: Record<Resolution, string> = { refund: "Refund", store_credit: "Store credit", exchange: "Exchange" }
export const resolutionLabel = (resolution: string): string =>
  RESOLUTION_LABELS[resolution as Resolution] ?? readable(resolution).label

/** The inspector's grades with the key that picks each at the station (digits work too). */
export const GRADE_CHOICES: { grade: Grade; label: string; key: string; color: BadgeColor }[] = [
  { grade: "new", label: "New", key: "n", color: "green" },
  { grade: "opened", label: "Opened", key: "o", color: "blue" },
  { grade: "damaged", label: "Damaged", key: "d", color: "red" },
  { grade: "missing", label: "Missing", key: "m", color: "orange" },
  { grade: "wrong_item", label: "Wrong item", key: "w", color: "red" },
]

export const gradeDisplay = (grade: string): Display => {
  const choice = GRADE_CHOICES.find((c) => c.grade === grade)
  return choice ? { label: choice.label, color: choice.color } : readable(grade)
}

export const DISPOSITION_CHOICES: { value: Disposition; label: string }[] = [
  { value: "restock", label: "Restock" },
  { value: "write_off", label: "Write off" },
  { value: "refurbish", label: "Refurbish queue" },
  { value: "return_to_vendor", label: "Return to vendor" },
  { value: "none", label: "Nothing (not received)" },
]

export const dispositionLabel = (disposition: string): string =>
  DISPOSITION_CHOICES.find((c) => c.value === disposition)?.label ?? readable(disposition).label

/** A queue age is "old" from three days: the parcel should have been in and graded by then. */
export const OLD_AGE_HOURS = 72

/** "45 min", "5 h", "3 d". */
export const formatAge = (hours: number): string => {
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} min`
  if (hours < 48) return `${Math.floor(hours)} h`
  return `${Math.floor(hours / 24)} d`
}

export const formatMoney = (amount: number | null | undefined, currency: string | null | undefined): string =>
  amount === null || amount === undefined ? "-" : `${(currency ?? "").toUpperCase()} ${Number(amount).toFixed(2)}`.trim()

/** "#12" or the order id while the number is unknown. */
export const orderLabel = (c: Pick<ReturnCaseView, "order_display_id" | "order_id">): string =>
  c.order_display_id === null ? c.order_id : `#${c.order_display_id}`

/** Units in a case: the sum over its lines. */
export const caseUnits = (c: Pick<ReturnCaseView, "lines">): number => c.lines.reduce((sum, l) => sum + l.quantity, 0)

/** A reason value as people read it when the return reason's label is not at hand. */
export const reasonText = (value: string | null): string => (value ? readable(value).label : "No reason given")

/**
 * How the case was paid out once resolved, from the resolution's result: the amount the
 * refund or credit moved (or the breakdown's total) and the way.
 */
export const resolutionSentence = (c: ReturnCaseView): string | null => {
  if (c.status !== "resolved") return null
  const result = (c.resolution_result ?? {}) as Record<string, unknown>
  // A refund says what Medusa refunded; credit and exchange say the amount they moved.
  const amount =
    typeof result.refunded === "number" ? result.refunded : typeof result.amount === "number" ? result.amount : c.breakdown?.total ?? c.expected_refund
  const how =
    c.resolution === "refund"
      ? "refunded to the original payment"
      : c.resolution === "store_credit"
        ? "issued as store credit"
        : "exchanged for new items"
  return c.resolution === "exchange" && (amount === null || amount === undefined || amount === 0)
    ? `Exchanged for new items${c.exchange_id ? ` (${c.exchange_id})` : ""}`
    : `${formatMoney(amount ?? null, c.currency_code)} ${how}`
}
