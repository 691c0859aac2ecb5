import type { MedusaContainer } from "@medusajs/framework/types"
import { reconcileLabelsWorkflow } from "../workflows/shipping/workflows/reconcile-labels"

/**
 * Every five minutes: label purchases whose outcome was lost are looked up at the carrier, and
 * labels whose fulfillment is gone are voided within the carriers' void window.
 */
export default async function reconcileLabels(container: MedusaContainer) {
  const { result } = await reconcileLabelsWorkflow(container).run({ input: {} })
  const logger = container.resolve("logger") as { info: (m: string) => void }
  if (result.resolved.length || result.voided.length || result.problems.length) {
    logger.info(
      `medusa-oms: label reconcile: ${result.resolved.length} unknown resolved, ${result.voided.length} voided, ${result.problems.length} left for the next run`
    )
  }
}

export const config = {
  name: "oms-reconcile-labels",
  schedule: "*/5 * * * *",
}
