import { BigNumberInput } from "@medusajs/framework/types"
import { MathBN, MedusaError } from "@medusajs/framework/utils"

/** A reservation as core's fulfillment reads it. */
export type FulfillmentReservation = {
  id: string
  line_item_id: string | null
  inventory_item_id: string
  location_id: string
  quantity: BigNumberInput
}

/** The order line fields the plan reads (core's `get-order` query returns them). */
export type FulfillmentOrderLine = {
  id: string
  title?: string | null
  variant_title?: string | null
  variant_sku?: string | null
  variant_barcode?: string | null
  quantity: BigNumberInput
  requires_shipping?: boolean | null
  variant?: {
    manage_inventory?: boolean | null
    inventory_items?: { required_quantity?: BigNumberInput | null; inventory?: { id: string; title?: string | null; sku?: string | null } }[]
  } | null
}

export type PlanFulfillmentInventoryInput = {
  order: { id: string; display_id?: number | string | null; items?: FulfillmentOrderLine[] | null }
  /** The lines and order-line quantities asked for. */
  items: { id: string; quantity: BigNumberInput }[]
  /** Core's `items_list` (claims, exchanges): the lines to look in instead of the order's. */
  items_list?: FulfillmentOrderLine[] | null
  reservations: FulfillmentReservation[]
  location_id: string
  /** Stock location id -> name, for messages people read. */
  location_names: Record<string, string>
}

/** What fulfilling at one location does to inventory, in the shape core's steps take. */
export type FulfillmentInventoryPlan = {
  location_id: string
  /** Reservations at the location that shrink (the rest of the quantity stays reserved there). */
  toUpdate: { id: string; quantity: BigNumberInput }[]
  /** Reservations at the location used up entirely. */
  toDelete: string[]
  /** Stocked quantity taken at the location, per inventory item (negative). */
  inventoryAdjustment: { inventory_item_id: string; location_id: string; adjustment: BigNumberInput }[]
  /** The inventory items each line consumes at the location: the fulfillment's items. */
  consumed: { line_item_id: string; inventory_item_id: string; quantity: BigNumberInput }[]
}

const units = (n: BigNumberInput) => {
  const v = MathBN.convert(n).toNumber()
  return `${v} unit${v === 1 ? "" : "s"}`
}

/**
 * Takes the fulfilled units from the reservations at the fulfilling location only. For each
 * fulfilled line and inventory item, `quantity × required_quantity` comes off the reservations
 * held there (deleted when they reach 0) and off the location's stocked quantity; reservations
 * at other locations are left alone. Refuses, naming the order, line, locations and units,
 * when the location holds no reservation of the line or fewer units than asked.
 */
export function planFulfillmentInventory(input: PlanFulfillmentInventoryInput): FulfillmentInventoryPlan {
  const { order, location_id: locationId } = input
  const lines = input.items_list ?? order.items ?? []
  const asked = new Map(input.items.map((i) => [i.id, i.quantity])) // later duplicates win, as in core
  const name = (id: string) => input.location_names[id] ?? id
  const plan: FulfillmentInventoryPlan = {
    location_id: locationId,
    toUpdate: [],
    toDelete: [],
    inventoryAdjustment: [],
    consumed: [],
  }
  const taken = new Map<string, BigNumberInput>() // inventory item -> units taken at the location

  for (const line of lines.filter((l) => l && asked.has(l.id))) {
    const quantity = asked.get(line.id)!
    const label = `"${line.title ?? line.id}"${line.variant_sku ? ` (${line.variant_sku})` : ""}`
    const mine = input.reservations.filter((r) => r.line_item_id === line.id)
    if (!mine.length) {
      if (line.variant?.manage_inventory) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Order #${order.display_id}: ${label} has no units reserved anywhere (already fulfilled, or never reserved); ` +
            `${units(quantity)} cannot be fulfilled from ${name(locationId)}.`
        )
      }
      continue // not inventory-managed: nothing to take
    }

    for (const inventoryItemId of new Set(mine.map((r) => r.inventory_item_id))) {
      const ofItem = mine.filter((r) => r.inventory_item_id === inventoryItemId)
      const here = ofItem.filter((r) => r.location_id === locationId)
      const elsewhere = ofItem.filter((r) => r.location_id !== locationId)
      if (!here.length) {
        const where = [...new Set(elsewhere.map((r) => name(r.location_id)))].sort().join(" and ")
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Order #${order.display_id}: ${label} is reserved at ${where}, not at ${name(locationId)}. ` +
            `Fulfil it from ${where}, or re-route the order first.`
        )
      }
      const link = line.variant?.inventory_items?.find((ii) => ii.inventory?.id === inventoryItemId)
      const needed = MathBN.mult(quantity, link?.required_quantity ?? 1)
      const heldHere = MathBN.sum(...here.map((r) => r.quantity))
      if (MathBN.lt(heldHere, needed)) {
        const others = [...new Set(elsewhere.map((r) => r.location_id))].sort((a, b) => name(a).localeCompare(name(b))).map(
          (id) => `${units(MathBN.sum(...elsewhere.filter((r) => r.location_id === id).map((r) => r.quantity)))} at ${name(id)}`
        )
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Order #${order.display_id}: ${label} has ${units(heldHere)} reserved at ${name(locationId)}, ` +
            `but ${units(needed)} were asked to be fulfilled there` +
            (others.length ? ` (the rest is reserved as ${others.join(" and ")})` : "") +
            `. Fulfil at most ${units(heldHere)} from ${name(locationId)}` +
            (others.length ? `, the rest from where it is reserved.` : ".")
        )
      }

      let remaining = MathBN.convert(needed)
      for (const reservation of here) {
        if (MathBN.lte(remaining, 0)) break
        const take = MathBN.min(remaining, reservation.quantity)
        const left = MathBN.sub(reservation.quantity, take)
        if (MathBN.eq(left, 0)) plan.toDelete.push(reservation.id)
        else plan.toUpdate.push({ id: reservation.id, quantity: left.toNumber() })
        remaining = MathBN.sub(remaining, take)
      }
      taken.set(inventoryItemId, MathBN.add(taken.get(inventoryItemId) ?? 0, needed))
      plan.consumed.push({ line_item_id: line.id, inventory_item_id: inventoryItemId, quantity: needed.toNumber() })
    }
  }

  for (const [inventoryItemId, quantity] of taken) {
    plan.inventoryAdjustment.push({
      inventory_item_id: inventoryItemId,
      location_id: locationId,
      adjustment: MathBN.mult(quantity, -1).toNumber(),
    })
  }
  return plan
}
