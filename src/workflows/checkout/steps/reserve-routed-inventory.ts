import { IInventoryService, MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { routedReservations, Shortage } from "../../../lib/checkout"
import { geocodeAddress } from "../../../lib/geo"
import { LevelRow, StockMatrix, stockMatrix, withStock } from "../../../lib/inventory"
import { plannerLineId } from "../../../lib/order"
import { defaultRuleSet, planAllocation } from "../../../lib/routing"
import { readStock, withInventoryLocks } from "../../shared/locked-stock"
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
 * Checkout's reservation, routed: the planner (with the rule set routing uses for the order)
 * says where it should ship from, splitting a line across locations when no single one holds
 * it, and the step reserves there under the same inventory-item locks Medusa's own
 * `reserveInventoryStep` takes. Refuses the order (nothing written) when the locations together
 * do not hold a line of a variant that does not backorder.
 *
 * The first plan is made before the locks, on the levels the cart snapshot read at the start
 * of the completion (Medusa reads them for its own availability check): inside the locks there
 * is then only the reservation, as in Medusa's checkout. The inventory module checks every
 * reserved location's free stock inside its own transaction, and no one else reserves these
 * items while the locks are held, so a plan the stock no longer allows is refused there, with
 * nothing written; then, still inside the locks, the step reads the levels and plans again.
 * A shortage seen in the snapshot is also checked against the levels read under the locks
 * before the order is refused. Routing after checkout plans the order again on the stock as it
 * is (and moves reservations if it wants them elsewhere), so a first plan made on levels that
 * another checkout has changed since is corrected there, as for an order Medusa's own checkout
 * placed. Compensation deletes what the step created, under the same locks.
 */
export const reserveRoutedInventoryStep = createStep(
  reserveRoutedInventoryStepId,
  async (input: ReserveRoutedInventoryInput, { container }) => {
    const inventoryItemIds = [...new Set(input.items.map((i) => i.inventory_item_id))]
    if (!input.items.length) {
      return new StepResponse([] as { id: string }[], { reservation_ids: [], inventory_item_ids: [] } as Undo)
    }
    // Everything is prepared before the locks: the snapshot's order and facts, routing's
    // configuration (locations, profiles, rule set), the geocoded address, and a first plan on
    // the levels in the snapshot.
    const context = await loadCheckoutRoutingContext(container, input.routing)
    const placed = geocodeAddress(context.address)
    const locationIds = context.candidates.map((c) => c.id)
    const first = planReservations(context, input, snapshotStock(input.routing.variants, locationIds), placed)
    const reservations = await withInventoryLocks(
      container,
      inventoryItemIds,
      async () => {
        if (!first.shortages.length) {
          try {
            return await reserve(container, first.reservations)
          } catch (e) {
            // The module refused a location the snapshot thought had the units: read and plan again.
            if (!isStockRefusal(e)) throw e
          }
        }
        const stock = await readStock(container, { inventory_item_ids: inventoryItemIds, location_ids: locationIds })
        const again = planReservations(context, input, stock.matrix, placed)
        if (again.shortages.length) {
          throw new MedusaError(MedusaError.Types.NOT_ALLOWED, shortageMessage(again.shortages, input.labels ?? {}))
        }
        return await reserve(container, again.reservations)
      },
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

/**
 * The stock the cart snapshot read (`items.variant.inventory_items.inventory.location_levels`,
 * part of Medusa's completion fields), as the matrix of the channel's locations. The order is
 * new: none of it is its own yet.
 */
export function snapshotStock(variants: any[], locationIds: string[]): StockMatrix {
  const rows = new Map<string, LevelRow>()
  for (const variant of variants) {
    for (const link of variant?.inventory_items ?? []) {
      for (const level of link?.inventory?.location_levels ?? []) {
        if (!level?.location_id || !link.inventory_item_id) continue
        rows.set(`${level.location_id}|${link.inventory_item_id}`, {
          location_id: level.location_id,
          inventory_item_id: link.inventory_item_id,
          stocked: Number(level.stocked_quantity ?? 0),
          reserved: Number(level.reserved_quantity ?? 0),
        })
      }
    }
  }
  return stockMatrix(locationIds, [...rows.values()])
}

/** What the inventory module answers when a location does not have the units (or the level is gone). */
function isStockRefusal(e: unknown): boolean {
  const type = (e as MedusaError)?.type
  return type === MedusaError.Types.NOT_ALLOWED || type === MedusaError.Types.NOT_FOUND
}

async function reserve(container: MedusaContainer, reservations: ReturnType<typeof routedReservations>["reservations"]) {
  if (!reservations.length) return []
  const inventory = container.resolve<IInventoryService>(Modules.INVENTORY)
  return await inventory.createReservationItems(
    reservations.map((r) => ({ ...r, description: "Reserved by medusa-oms at checkout" }))
  )
}

/** The plan for the order on the given stock, as reservations and shortages (pure). */
function planReservations(
  context: RoutingContext,
  input: ReserveRoutedInventoryInput,
  stock: StockMatrix,
  placed: ReturnType<typeof geocodeAddress>
) {
  const candidates = withStock(context.candidates, stock)

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
  return routedReservations({
    items: input.items,
    plan,
    candidates,
    country_code: context.address.country_code,
  })
}

function shortageMessage(shortages: Shortage[], labels: Record<string, string>) {
  const parts = shortages.map(
    (s) =>
      `${labels[s.line_item_id] ?? s.inventory_item_id}: ${s.needed} ordered, ${s.available} available`
  )
  return `Not enough stock available to place this order (${parts.join("; ")}).`
}
