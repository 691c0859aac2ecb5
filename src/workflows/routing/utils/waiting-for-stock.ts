import { parseStoredPlan } from "../../../lib/routing/stored"

/** Decision statuses that leave units unplaced, waiting for stock or a person. */
export const WAITING_STATUSES = ["held", "backordered", "partially_routed"] as const

type DecisionLike = { id?: string; order_id: string; created_at?: Date | string; plan?: unknown }

/**
 * The waiting decisions that lack one of the given inventory items, oldest first, so the
 * order that has waited longest gets the arriving stock first.
 */
export function waitingFor<T extends DecisionLike>(decisions: T[], inventoryItemIds: string[]): T[] {
  const wanted = new Set(inventoryItemIds)
  return decisions
    .filter((d) => parseStoredPlan(d.plan, d.id).unallocated.some((u) => wanted.has(u.inventory_item_id)))
    .sort((a, b) => new Date(a.created_at ?? 0).getTime() - new Date(b.created_at ?? 0).getTime())
}
