import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ROUTING_MODULE, RoutingModuleService } from "../../../modules/routing"

type Undo = { id: string } | null

export const settleDecisionStepId = "oms-settle-decision"

/**
 * Marks the order's decision settled (`fulfilled_at`) once every unit of the order has been
 * fulfilled; reads the order's lines first, so a repeated or early event changes nothing.
 */
export const settleDecisionStep = createStep(
  settleDecisionStepId,
  async (input: { order_id: string }, { container }) => {
    const routing = container.resolve<RoutingModuleService>(ROUTING_MODULE)
    const [decision] = await routing.listRoutingDecisions({ order_id: input.order_id }, { select: ["id", "fulfilled_at"] })
    if (!decision || decision.fulfilled_at) return new StepResponse(false, null as Undo)
    const query = container.resolve("query") as any
    const {
      data: [order],
    } = await query.graph({
      entity: "order",
      fields: ["id", "items.*", "items.detail.fulfilled_quantity"], // items.quantity alone comes back empty
      filters: { id: input.order_id },
    })
    const items = ((order?.items ?? []) as any[]).filter(Boolean)
    const allFulfilled =
      items.length > 0 && items.every((i) => Number(i.detail?.fulfilled_quantity ?? 0) >= Number(i.quantity))
    if (!allFulfilled) return new StepResponse(false, null as Undo)
    await routing.updateRoutingDecisions({ id: decision.id, fulfilled_at: new Date() })
    return new StepResponse(true, { id: decision.id } as Undo)
  },
  async (undo: Undo | undefined, { container }) => {
    if (!undo) return
    await container.resolve<RoutingModuleService>(ROUTING_MODULE).updateRoutingDecisions({ id: undo.id, fulfilled_at: null })
  }
)
