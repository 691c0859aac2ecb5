import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { loadRoutingContext, LoadRoutingContextInput } from "../../shared/routing-context"

export const loadRoutingContextStepId = "oms-load-routing-context"

export type { LoadRoutingContextInput }

/** What routing needs about the order, read before any lock on stock (see loadRoutingContext). */
export const loadRoutingContextStep = createStep(
  loadRoutingContextStepId,
  async (input: LoadRoutingContextInput, { container }) => {
    return new StepResponse(await loadRoutingContext(container, input))
  }
)
