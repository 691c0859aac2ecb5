import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { readCase, wrongState } from "../utils/case-record"
import { InspectionPlan, PlanEntry, planInspection, ReceiveSession, unitsByOrderLine } from "../utils/inspection-plan"

export const checkInspectionStepId = "oms-check-inspection"

export type CheckInspectionInput = { return_case_id: string; entries: PlanEntry[] }

/** An inventory level a restock needs and does not have yet. */
export type MissingLevel = { inventory_item_id: string; location_id: string }

export type CheckedInspection = {
  case: any
  plan: InspectionPlan
  /** The sessions to run, with the dismiss-only session placed when nothing is restocked. */
  sessions: ReceiveSession[]
  missing_levels: MissingLevel[]
}

/**
 * Everything an inspection is checked against, read fresh under the order lock, before
 * anything is written: the case is still requested or receiving (else 409, so a second
 * inspection restocks nothing), every entry names a line of this case and a known location,
 * every unit of every line is graded once (400 naming the entry), and Medusa's return still
 * expects those units. Also finds the inventory levels the restock locations lack: Medusa's
 * confirm would skip such an item silently (RETURNS-NOTES §5).
 */
export const checkInspectionStep = createStep(checkInspectionStepId, async (input: CheckInspectionInput, { container }) => {
  const row = await readCase(container, input.return_case_id)
  if (row.status !== "requested" && row.status !== "receiving") {
    throw wrongState(row, row.status === "canceled" ? "inspected" : "inspected again")
  }
  if (!row.return_id) {
    throw new MedusaError(MedusaError.Types.CONFLICT, `Return ${row.rma_code} has no Medusa return to receive against`)
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: returns } = await query.graph({
    entity: "return",
    fields: [
      "id",
      "status",
      "location_id",
      "canceled_at",
      "items.item_id",
      "items.quantity",
      "items.received_quantity",
      "items.item.variant_id",
      "items.item.variant.manage_inventory",
      "items.item.variant.inventory_items.inventory_item_id",
    ],
    filters: { id: row.return_id },
  })
  const medusaReturn: any = returns[0]
  if (!medusaReturn || medusaReturn.canceled_at) {
    throw new MedusaError(MedusaError.Types.CONFLICT, `Medusa's return ${row.return_id} of ${row.rma_code} is canceled or gone`)
  }
  const medusaItems = (medusaReturn.items ?? []).map((i: any) => ({
    item_id: i.item_id,
    quantity: Number(i.quantity),
    received_quantity: Number(i.received_quantity ?? 0),
  }))

  const plan = planInspection({
    rma_code: row.rma_code,
    lines: row.lines.map((l: any) => ({
      id: l.id,
      order_line_item_id: l.order_line_item_id,
      sku: l.sku,
      title: l.title,
      quantity: Number(l.quantity),
      keep_it: Boolean(l.keep_it),
      destination_location_id: l.destination_location_id,
    })),
    entries: input.entries,
    medusa_items: medusaItems,
    fallback_location_id: medusaReturn.location_id ?? null,
  })

  // Locations named by entries must exist.
  const named = [...new Set(input.entries.map((e) => e.location_id).filter((l): l is string => !!l))]
  if (named.length) {
    const known = new Set(
      (await container.resolve(Modules.STOCK_LOCATION).listStockLocations({ id: named }, { select: ["id"] })).map((l) => l.id)
    )
    input.entries.forEach((e, index) => {
      if (e.location_id && !known.has(e.location_id)) {
        plan.problems.push({ field: `entries.${index}.location_id`, message: `stock location '${e.location_id}' does not exist` })
      }
    })
  }
  if (plan.problems.length) {
    const sentences = plan.problems.map((p) => `Field '${p.field}': ${p.message}`)
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${sentences.join("; ")}`)
  }

  // Medusa must still expect every unit we are about to receive or dismiss.
  for (const [itemId, units] of unitsByOrderLine(plan)) {
    const item = medusaItems.find((i: any) => i.item_id === itemId)
    const open = item ? item.quantity - item.received_quantity : 0
    if (units > open) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Medusa's return ${row.return_id} expects ${open} more unit(s) of order line ${itemId}, the inspection grades ${units}: was it received elsewhere?`
      )
    }
  }

  // Managed inventory items per order line, for the levels restock needs.
  const itemsOfLine = new Map<string, string[]>()
  for (const i of medusaReturn.items ?? []) {
    const variant = i.item?.variant
    if (!variant?.manage_inventory) continue
    itemsOfLine.set(i.item_id, (variant.inventory_items ?? []).map((v: any) => v.inventory_item_id))
  }
  const allItems = [...new Set([...itemsOfLine.values()].flat())]
  const levels = allItems.length
    ? await container.resolve(Modules.INVENTORY).listInventoryLevels({ inventory_item_id: allItems }, { select: ["inventory_item_id", "location_id"], take: null })
    : []
  const has = new Set(levels.map((l: any) => `${l.inventory_item_id}@${l.location_id}`))
  const missing: MissingLevel[] = []
  for (const session of plan.sessions) {
    if (!session.location_id) continue
    for (const r of session.receive) {
      for (const inventory_item_id of itemsOfLine.get(r.id) ?? []) {
        const key = `${inventory_item_id}@${session.location_id}`
        if (has.has(key)) continue
        has.add(key)
        missing.push({ inventory_item_id, location_id: session.location_id })
      }
    }
  }

  // Nothing restocked: one session that only dismisses, at a location Medusa's confirm accepts
  // (it refuses a return location where none of the return's managed items has a level).
  let sessions = plan.sessions
  if (!sessions.length && plan.dismiss.length) {
    const levelAt = (loc: string | null) => !!loc && levels.some((l: any) => l.location_id === loc)
    const candidates = [medusaReturn.location_id, ...row.lines.map((l: any) => l.destination_location_id), ...levels.map((l: any) => l.location_id)]
    const location_id = allItems.length ? candidates.find(levelAt) ?? medusaReturn.location_id : medusaReturn.location_id
    sessions = [{ location_id, receive: [], dismiss: plan.dismiss }]
  }
  return new StepResponse({ case: row, plan, sessions, missing_levels: missing } as CheckedInspection)
})
