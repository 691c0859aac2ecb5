import { IInventoryService, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { geocodeAddress } from "../../../lib/geo"
import { HeldReservation, withStock } from "../../../lib/inventory"
import { defaultRuleSet, Plan, planAllocation, PlanInput, reservationMoves, withExclusions } from "../../../lib/routing"
import { LockedStock, withLockedStock } from "../../shared/locked-stock"
import { RoutingContext } from "../../shared/routing-context"
import { testPause } from "../../shared/test-pause"
import { undoReservations } from "../utils/reservation-snapshot"

export const planAndReserveStepId = "oms-plan-and-reserve"

export type PlanAndReserveResult = {
  plan: Plan | null
  /** Reservations the order holds after this step, by location. */
  reservations: HeldReservation[]
  /** Lines whose reservations were moved. */
  moved_lines: string[]
  /**
   * What the planner saw (lines, address, facts, candidates with their stock): stored with the
   * decision so a simulator can replay the order against another rule set on the same stock.
   */
  input?: Omit<PlanInput, "rule_set">
}

type Undo = { inventory_item_ids: string[]; removed: HeldReservation[]; created_ids: string[] }

/**
 * Plans the order on fresh stock and moves its reservations to the planned locations.
 * It runs under the same inventory-item locks as Medusa's own checkout reservation, reads the
 * levels inside them and counts the order's own reservations as its own, so no location is
 * ever reserved beyond what it holds, however many orders race for the last units.
 * Lines the plan cannot place whole keep the reservations they have (a person decides).
 */
export const planAndReserveStep = createStep(
  planAndReserveStepId,
  async ({ context }: { context: RoutingContext }, { container }) => {
    if (context.skip) {
      const nothing: Undo = { inventory_item_ids: [], removed: [], created_ids: [] }
      return new StepResponse<PlanAndReserveResult, Undo>({ plan: null, reservations: [], moved_lines: [] }, nothing)
    }
    const result = await withLockedStock(
      container,
      {
        inventory_item_ids: context.inventory_item_ids,
        location_ids: context.candidates.map((c) => c.id),
        own_line_item_ids: context.line_item_ids,
      },
      (stock) => planAndMove(container, context, stock),
      { timeout: 30 }
    )
    // The cluster tests kill a worker here: reservations moved, decision not yet recorded.
    await testPause("route-order:reserved", `${context.order_id} to ${context.address.city}`)
    return new StepResponse<PlanAndReserveResult, Undo>(result.output, result.undo)
  },
  async (undo: Undo | undefined, { container }) => {
    await undoReservations(container as any, undo && { ...undo, resized: [] })
  }
)

async function planAndMove(container: MedusaContainer, context: RoutingContext, stock: LockedStock) {
  const inventory = container.resolve<IInventoryService>(Modules.INVENTORY)
  // What this order already holds is its own: the matrix counts it as available to it.
  const held = stock.own
  const seen: Omit<PlanInput, "rule_set"> = {
    lines: context.lines,
    address: context.address,
    facts: context.facts,
    candidates: withStock(context.candidates, stock.matrix),
  }
  const plan = planAllocation(
    { ...seen, rule_set: withExclusions(context.rule_set ?? defaultRuleSet(), context.excluded_location_ids ?? []) },
    { geocode: geocodeAddress }
  )

  const { removed, created: toCreate, moved_lines } = reservationMoves(context.lines, plan, held)
  let created: { id: string }[] = []
  if (removed.length) await inventory.deleteReservationItems(removed.map((r) => r.id))
  if (toCreate.length) {
    created = await inventory.createReservationItems(
      toCreate.map((r) => ({ ...r, description: "Routed by medusa-oms" }))
    )
  }

  const removedIds = new Set(removed.map((r) => r.id))
  const after: HeldReservation[] = [
    ...held.filter((r) => !removedIds.has(r.id)),
    ...created.map((c, i) => ({ id: c.id, ...toCreate[i] })),
  ]
  return {
    output: { plan, reservations: after, moved_lines, input: seen },
    undo: { inventory_item_ids: context.inventory_item_ids, removed, created_ids: created.map((c) => c.id) },
  }
}
