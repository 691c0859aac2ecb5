import type { TrackingStatus } from "../../lib/shipping/contract"
import type { Timestamp } from "../common"

/** One step of a parcel's journey as the admin shows it. */
export type AdminTrackingStep = {
  tracking_number: string
  status: TrackingStatus
  occurred_at: Timestamp
  description: string
  location: string | null
}

export type AdminLabelTracking = {
  label_id: string
  /** The latest step's status by time; null before the carrier said anything. */
  status: TrackingStatus | null
  shipped_at: Timestamp | null
  delivered_at: Timestamp | null
  /** Oldest first. */
  steps: AdminTrackingStep[]
}

export type AdminLabelTrackingResponse = { tracking: AdminLabelTracking }
