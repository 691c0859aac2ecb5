import { IInventoryService } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ROUTING_MODULE, RoutingModuleService } from "../../../modules/routing"
import { HistoryEntry } from "./record-decision"

/**
 * Appends a person's change (a move) to the order's decision and refreshes where the order
 * ships from, read back from its reservations. Restored on failure.
 */
export const noteOnDecisionStep = createStep(
  "oms-note-on-decision",
  async (input: { order_id: string; action: string; actor?: string; summary: string }, { container }) => {
    const routing = container.resolve<RoutingModuleService>(ROUTING_MODULE)
    const [decision] = await routing.listRoutingDecisions({ order_id: input.order_id })
    if (!decision) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${input.order_id} has no routing decision`)
    const query = container.resolve("query") as any
    const {
      data: [order],
    } = await query.graph({ entity: "order", fields: ["id", "items.id"], filters: { id: input.order_id } })
    const inventory = container.resolve<IInventoryService>(Modules.INVENTORY)
    const reservations = await inventory.listReservationItems(
      { line_item_id: (order?.items ?? []).map((i: any) => i.id) },
      { take: null }
    )
    const entry: HistoryEntry = { at: new Date().toISOString(), action: input.action, actor: input.actor ?? "system", summary: input.summary }
    const entries = ((decision.history as { entries: HistoryEntry[] })?.entries ?? []).concat(entry)
    const updated = await routing.updateRoutingDecisions({
      id: decision.id,
      location_ids: [...new Set(reservations.map((r) => r.location_id))],
      history: { entries },
    })
    return new StepResponse(updated, { id: decision.id, location_ids: decision.location_ids, history: decision.history })
  },
  async (previous, { container }) => {
    if (!previous) return
    await container.resolve<RoutingModuleService>(ROUTING_MODULE).updateRoutingDecisions(previous as any)
  }
)
