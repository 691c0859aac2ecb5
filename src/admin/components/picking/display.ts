import { formatCount } from "../../lib/format"
import type { OrderPickStatus, WaveOrderStatus, WaveStatus } from "../../../types/picking"

type BadgeColor = "green" | "red" | "blue" | "orange" | "grey" | "purple"
type Display = { label: string; color: BadgeColor }

export const WAVE_STATUSES: WaveStatus[] = ["open", "picking", "picked", "packed", "canceled"]

const WAVE_STATUS_DISPLAY: Record<WaveStatus, Display> = {
  open: { label: "Open", color: "blue" },
  picking: { label: "Picking", color: "orange" },
  picked: { label: "Picked", color: "purple" },
  packed: { label: "Packed", color: "green" },
  canceled: { label: "Canceled", color: "grey" },
}

const readable = (status: string): Display => {
  const words = status.replace(/_/g, " ")
  return { label: words.charAt(0).toUpperCase() + words.slice(1), color: "grey" }
}

export const waveStatusDisplay = (status: string): Display =>
  WAVE_STATUS_DISPLAY[status as WaveStatus] ?? readable(status)

const ORDER_STATUS_DISPLAY: Record<WaveOrderStatus, Display> = {
  waiting: { label: "Waiting", color: "grey" },
  picked: { label: "Picked", color: "purple" },
  short: { label: "Short", color: "red" },
  packed: { label: "Packed", color: "green" },
}

export const waveOrderStatusDisplay = (status: string): Display =>
  ORDER_STATUS_DISPLAY[status as WaveOrderStatus] ?? readable(status)

const PICK_STATUS_DISPLAY: Record<OrderPickStatus, Display> = {
  not_in_wave: { label: "Not in a wave", color: "grey" },
  in_wave: { label: "In a wave", color: "blue" },
  picking: { label: "Picking", color: "orange" },
  picked: { label: "Picked", color: "purple" },
  short: { label: "Short picked", color: "red" },
}

export const pickStatusDisplay = (status: string): Display =>
  PICK_STATUS_DISPLAY[status as OrderPickStatus] ?? readable(status)

export const packStatusDisplay = (status: string): Display =>
  status === "packed" ? { label: "Packed", color: "green" } : { label: "Not packed", color: "grey" }

/** "wave_01J…" is long: the admin shows its last eight characters, as people read it off the paper. */
export const shortWaveId = (id: string): string => {
  const body = id.replace(/^owave_/, "")
  return body.length > 8 ? body.slice(-8).toUpperCase() : body.toUpperCase()
}

/** "#1042", or the order id when the number is unknown. */
export const orderNumber = (displayId: number | null | undefined, orderId: string): string =>
  displayId ? `#${displayId}` : orderId

/** "T3". */
export const toteLabel = (tote: number): string => `T${tote}`

/** The wave's location by name; the id when the location is gone. */
export const locationLabel = (wave: { location_name: string | null; stock_location_id: string }): string =>
  wave.location_name ?? wave.stock_location_id

/** "1 order", "12 orders". */
export const plural = (count: number, one: string, many: string): string =>
  `${formatCount(count)} ${count === 1 ? one : many}`
