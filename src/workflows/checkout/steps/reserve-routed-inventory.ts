import { IInventoryService, MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { routedReservations, Shortage } from "../../../lib/checkout"
import { geocodeAddress } from "../../../lib/geo"
import { withStock } from "../../../lib/inventory"
import { plannerLineId } from "../../../lib/order"
import { defaultRuleSet, planAllocation } from "../../../lib/routing"
import { LockedStock, withInventoryLocks, withLockedStock } from "../../shared/locked-stock"
import { RoutingContext } from "../../shared/routing-context"
import { CheckoutRoutingFacts, loadCheckoutRoutingContext } from "../utils/checkout-routing-context"
import type { ConfirmInventoryItem } from "../utils/prepare-confirm-inventory-input"

export const reserveRoutedInventoryStepId = "oms-reserve-routed-inventory"

export type ReserveRoutedInventoryInput = {
  order_id: string
  /** What Medusa's checkout would reserve (from prepareConfirmInventoryInput). */
  items: ConfirmInventoryItem[]
  /** Order line id -> what a shopper calls it (SKU or title), for the shortage message. */
  labels?: Record<string, string>
  /** The new order, its variants and the customer's groups, from the cart snapshot. */
  routing: CheckoutRoutingFacts
}

type Undo = { reservation_ids: string[]; inventory_item_ids: string[] }

/**
 * Checkout's reservation, routed: under the same inventory-item locks Medusa's own
 * `reserveInventoryStep` takes, it reads the levels at the sales channel's locations, asks the
 * planner (with the rule set routing uses for the order) where it should ship from and reserves there, splitting a line across
 * locations when no single one holds it. Refuses the order (nothing written) when the
 * locations together do not hold a line of a variant that does not backorder.
 * Compensation deletes what it created, under the same locks.
 */
export const reserveRoutedInventoryStep = createStep(
  reserveRoutedInventoryStepId,
  async (input: ReserveRoutedInventoryInput, { container }) => {
    const inventoryItemIds = [...new Set(input.items.map((i) => i.inventory_item_id))]
    if (!input.items.length) {
      return new StepResponse([] as { id: string }[], { reservation_ids: [], inventory_item_ids: [] } as Undo)
    }
    // Everything but the stock is prepared before the locks (it does not race): the snapshot's
    // order and facts, routing's configuration (locations, profiles, rule set), the geocoded address.
    const context = await loadCheckoutRoutingContext(container, input.routing)
    const placed = geocodeAddress(context.address)
    // Inside the locks only what must be there: read the stock, plan (pure, sub-millisecond), reserve.
    const reservations = await withLockedStock(
      container,
      { inventory_item_ids: inventoryItemIds, location_ids: context.candidates.map((c) => c.id) },
      (stock) => planAndReserve(container, context, input, stock, placed),
      // Shoppers racing for one item queue on its lock; the locking default (5 s) refused 16 of
      // 20 concurrent checkouts with "Timed-out acquiring lock." while units were left (cluster
      // tests, two servers on a busy machine). Wait as long as routing does, then refuse.
      { timeout: 30 }
    )
    return new StepResponse(reservations, {
      reservation_ids: reservations.map((r) => r.id),
      inventory_item_ids: inventoryItemIds,
    } as Undo)
  },
  async (undo: Undo | undefined, { container }) => {
    if (!undo?.reservation_ids?.length) return
    const inventory = container.resolve<IInventoryService>(Modules.INVENTORY)
    await withInventoryLocks(container, undo.inventory_item_ids, async () => {
      await inventory.deleteReservationItems(undo.reservation_ids)
    })
  }
)

async function planAndReserve(
  container: MedusaContainer,
  context: RoutingContext,
  input: ReserveRoutedInventoryInput,
  stock: LockedStock,
  placed: ReturnType<typeof geocodeAddress>
) {
  const inventory = container.resolve<IInventoryService>(Modules.INVENTORY)
  const candidates = withStock(context.candidates, stock.matrix)

  // The lines are exactly what Medusa would reserve; unit values come from the order.
  const valueOf = new Map(context.lines.map((l) => [l.line_id, l.unit_value]))
  const lines = input.items.map((item) => {
    const line_id = plannerLineId(item.id, item.inventory_item_id)
    return {
      line_id,
      inventory_item_id: item.inventory_item_id,
      quantity: Number(item.quantity) * Number(item.required_quantity ?? 1),
      unit_value: valueOf.get(line_id) ?? 0,
    }
  })
  const plan = planAllocation(
    // The rule set routing will use for this order (the channel's active one, else the default),
    // so the subscriber finds the reservations where it wants them.
    { lines, address: context.address, facts: context.facts, candidates, rule_set: context.rule_set ?? defaultRuleSet() },
    { geocode: () => placed }
  )
  const { reservations, shortages } = routedReservations({
    items: input.items,
    plan,
    candidates,
    country_code: context.address.country_code,
  })
  if (shortages.length) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, shortageMessage(shortages, input.labels ?? {}))
  }
  if (!reservations.length) return []
  return await inventory.createReservationItems(
    reservations.map((r) => ({ ...r, description: "Reserved by medusa-oms at checkout" }))
  )
}

function shortageMessage(shortages: Shortage[], labels: Record<string, string>) {
  const parts = shortages.map(
    (s) =>
      `${labels[s.line_item_id] ?? s.inventory_item_id}: ${s.needed} ordered, ${s.available} available`
  )
  return `Not enough stock available to place this order (${parts.join("; ")}).`
}
