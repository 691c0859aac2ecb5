import { IInventoryService, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { geocodeAddress } from "../../../lib/geo"
import { Candidate, defaultRuleSet, Plan, planAllocation, PlanInput, RuleSet } from "../../../lib/routing"
import { HeldReservation, RoutingContext, splitPlannerLineId } from "../utils/routing-context"
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
    const locking = container.resolve(Modules.LOCKING)
    const result = await locking.execute(context.inventory_item_ids, () => planAndMove(container, context), {
      timeout: 30,
    })
    return new StepResponse<PlanAndReserveResult, Undo>(result.output, result.undo)
  },
  async (undo: Undo | undefined, { container }) => {
    await undoReservations(container as any, undo && { ...undo, resized: [] })
  }
)

async function planAndMove(container: MedusaContainer, context: RoutingContext) {
  const inventory = container.resolve<IInventoryService>(Modules.INVENTORY)
  const candidateIds = context.candidates.map((c) => c.id)
  const [levels, own] = await Promise.all([
    inventory.listInventoryLevels(
      { inventory_item_id: context.inventory_item_ids, location_id: candidateIds },
      { take: null }
    ),
    inventory.listReservationItems({ line_item_id: context.line_item_ids }, { take: null }),
  ])
  const held: HeldReservation[] = own.map((r) => ({
    id: r.id,
    line_item_id: r.line_item_id!,
    inventory_item_id: r.inventory_item_id,
    location_id: r.location_id,
    quantity: Number(r.quantity),
  }))

  // What this order already holds is its own: it counts as available to it.
  const ownAt = new Map<string, number>()
  for (const r of held) ownAt.set(`${r.location_id}|${r.inventory_item_id}`, (ownAt.get(`${r.location_id}|${r.inventory_item_id}`) ?? 0) + r.quantity)
  const stockByLocation = new Map<string, Candidate["stock"]>(candidateIds.map((id) => [id, {}]))
  for (const level of levels) {
    const stock = stockByLocation.get(level.location_id)
    if (!stock) continue
    const mine = ownAt.get(`${level.location_id}|${level.inventory_item_id}`) ?? 0
    stock[level.inventory_item_id] = {
      stocked: Number(level.stocked_quantity),
      reserved: Math.max(0, Number(level.reserved_quantity) - mine),
    }
  }

  const seen: Omit<PlanInput, "rule_set"> = {
    lines: context.lines,
    address: context.address,
    facts: context.facts,
    candidates: context.candidates.map((c) => ({ ...c, stock: stockByLocation.get(c.id) ?? {} })),
  }
  const plan = planAllocation(
    { ...seen, rule_set: withExclusions(context.rule_set ?? defaultRuleSet(), context.excluded_location_ids ?? []) },
    { geocode: geocodeAddress }
  )

  // Target per planner line: location -> units. Only lines the plan places whole move.
  const target = new Map<string, Map<string, number>>()
  for (const shipment of plan.shipments) {
    for (const line of shipment.lines) {
      const perLocation = target.get(line.line_id) ?? new Map<string, number>()
      perLocation.set(shipment.location_id, (perLocation.get(shipment.location_id) ?? 0) + line.quantity)
      target.set(line.line_id, perLocation)
    }
  }
  const short = new Set(plan.unallocated.map((u) => u.line_id))

  const removed: HeldReservation[] = []
  const toCreate: Omit<HeldReservation, "id">[] = []
  const moved: string[] = []
  for (const line of context.lines) {
    if (short.has(line.line_id)) continue
    const wanted = target.get(line.line_id)
    if (!wanted) continue
    const { line_item_id, inventory_item_id } = splitPlannerLineId(line.line_id)
    const current = held.filter((r) => r.line_item_id === line_item_id && r.inventory_item_id === inventory_item_id)
    if (sameAllocation(current, wanted)) continue
    removed.push(...current)
    for (const [location_id, quantity] of wanted) toCreate.push({ line_item_id, inventory_item_id, location_id, quantity })
    moved.push(line_item_id)
  }

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
    output: { plan, reservations: after, moved_lines: [...new Set(moved)], input: seen },
    undo: { inventory_item_ids: context.inventory_item_ids, removed, created_ids: created.map((c) => c.id) },
  }
}

/** Locations that rejected the order are filtered out before any rule of the shop's. */
function withExclusions(ruleSet: RuleSet, excluded: string[]): RuleSet {
  if (!excluded.length) return ruleSet
  return {
    ...ruleSet,
    rules: [
      { kind: "filter", type: "exclude_locations", params: { location_ids: excluded }, label: "locations that rejected this order" },
      ...ruleSet.rules,
    ],
  }
}

function sameAllocation(current: HeldReservation[], wanted: Map<string, number>) {
  const have = new Map<string, number>()
  for (const r of current) have.set(r.location_id, (have.get(r.location_id) ?? 0) + r.quantity)
  if (have.size !== wanted.size) return false
  for (const [location, qty] of wanted) if (have.get(location) !== qty) return false
  return true
}
