import { IInventoryService } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { geocodeAddress } from "../../../lib/geo"
import { planFromHeldUnits } from "../../../lib/routing/manual-plan"
import { ROUTING_MODULE, RoutingModuleService } from "../../../modules/routing"
import { plannerLineId } from "../../../lib/order"
import { parseStoredPlan, withDecisionEntry, type DecisionHistoryEntry } from "../../../lib/routing/stored"

export const noteOnDecisionStepId = "oms-note-on-decision"

/**
 * Appends a person's change (a move) to the order's decision and makes the decision say what
 * the person made: where the order ships from, read back from its reservations, becomes the
 * plan (a held order whose units were all moved somewhere is routed, method "manual"); what
 * the planner saw stays in `plan.input` for the simulator. Restored on failure.
 */
export const noteOnDecisionStep = createStep(
  noteOnDecisionStepId,
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
    const entry: DecisionHistoryEntry = { at: new Date().toISOString(), action: input.action, actor: input.actor ?? "system", summary: input.summary }
    const history = withDecisionEntry(decision.history, entry, decision.id)
    const stored = parseStoredPlan(decision.plan, decision.id)
    const remade = stored.input
      ? planFromHeldUnits({
          lines: stored.input.lines,
          held: reservations
            .filter((r) => r.line_item_id)
            .map((r) => ({
              line_id: plannerLineId(r.line_item_id as string, r.inventory_item_id),
              inventory_item_id: r.inventory_item_id,
              location_id: r.location_id,
              quantity: Number(r.quantity),
            })),
          candidates: stored.input.candidates,
          destination: stored.input.address.point ?? geocodeAddress(stored.input.address)?.point ?? null,
          names: Object.fromEntries(stored.shipments.map((s) => [s.location_id, s.location_name])),
        })
      : null
    const updated = await routing.updateRoutingDecisions({
      id: decision.id,
      location_ids: [...new Set(reservations.map((r) => r.location_id))],
      history,
      ...(remade
        ? {
            status: remade.status,
            method: "manual",
            plan: { ...stored, status: remade.status, shipments: remade.shipments, unallocated: remade.unallocated } as any,
          }
        : {}),
    })
    return new StepResponse(updated, {
      id: decision.id,
      location_ids: decision.location_ids,
      history: decision.history,
      status: decision.status,
      method: decision.method,
      plan: decision.plan,
    })
  },
  async (previous, { container }) => {
    if (!previous) return
    await container.resolve<RoutingModuleService>(ROUTING_MODULE).updateRoutingDecisions(previous as any)
  }
)
