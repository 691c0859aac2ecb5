import type { MedusaContainer } from "@medusajs/framework/types"
import { pollTracking } from "../workflows/shipping/utils/poll-tracking"

/** Every 30 minutes: tracking for the labels no webhook reports on. */
export default async function pollTrackingJob(container: MedusaContainer) {
  await pollTracking(container)
}

export const config = {
  name: "oms-poll-tracking",
  schedule: "*/30 * * * *",
}
