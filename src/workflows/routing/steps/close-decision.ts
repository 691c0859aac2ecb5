import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ROUTING_MODULE, RoutingModuleService } from "../../../modules/routing"
import { withDecisionEntry } from "../../../lib/routing/stored"

export const closeDecisionStepId = "oms-close-routing-decision"

type Undo = { id: string; status: string; history: unknown } | null

/** Marks the order's decision canceled (once: a second cancel event changes nothing). */
export const closeDecisionStep = createStep(
  closeDecisionStepId,
  async (input: { order_id: string; actor?: string }, { container }) => {
    const routing = container.resolve<RoutingModuleService>(ROUTING_MODULE)
    const [decision] = await routing.listRoutingDecisions({ order_id: input.order_id })
    if (!decision || decision.status === "canceled") return new StepResponse(decision ?? null, null as Undo)
    const history = withDecisionEntry(
      decision.history,
      {
        at: new Date().toISOString(),
        action: "canceled",
        actor: input.actor ?? "system",
        summary: "The order was canceled; its reservations were released by Medusa.",
      },
      decision.id
    )
    const updated = await routing.updateRoutingDecisions({
      id: decision.id,
      status: "canceled",
      history,
    })
    return new StepResponse(updated, { id: decision.id, status: decision.status, history: decision.history } as Undo)
  },
  async (undo: Undo | undefined, { container }) => {
    if (!undo) return
    await container
      .resolve<RoutingModuleService>(ROUTING_MODULE)
      .updateRoutingDecisions({ id: undo.id, status: undo.status as any, history: undo.history as any })
  }
)
