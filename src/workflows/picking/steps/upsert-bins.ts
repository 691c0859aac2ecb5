import { pickingConflict } from "../utils/conflict"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PICKING_MODULE, PickingModuleService } from "../../../modules/picking"
import { binFields, BinUpsert } from "../../../lib/picking"

export const upsertBinsStepId = "oms-upsert-bins"

type Previous = { id: string; code: string; walk_sequence: number | null; walk_sequence_source: "code" | "manual" }
type Undo = { created: string[]; updated: Previous[] }

/**
 * Creates or updates bins (one per location and inventory item) in three batched calls; the
 * walk sequence is derived from the code with the configured walk order unless set by hand.
 * Undone (created deleted, updated restored) if a later step fails.
 */
export const upsertBinsStep = createStep(
  upsertBinsStepId,
  async (input: { rows: BinUpsert[] }, { container }) => {
    const picking = container.resolve<PickingModuleService>(PICKING_MODULE)
    if (!input.rows.length) return new StepResponse([], { created: [], updated: [] } as Undo)
    const walkOrder = picking.getOmsOptions().picking.walk_order
    const existing = await picking.listBins(
      {
        stock_location_id: [...new Set(input.rows.map((r) => r.stock_location_id))],
        inventory_item_id: [...new Set(input.rows.map((r) => r.inventory_item_id))],
      },
      { take: null }
    )
    const byPair = new Map(existing.map((b) => [`${b.stock_location_id}|${b.inventory_item_id}`, b]))

    const toCreate: Record<string, unknown>[] = []
    const toUpdate: Record<string, unknown>[] = []
    const previous: Previous[] = []
    for (const row of input.rows) {
      const found = byPair.get(`${row.stock_location_id}|${row.inventory_item_id}`)
      const fields = binFields(row, found as any, walkOrder)
      if (found) {
        toUpdate.push({ id: found.id, ...fields })
        previous.push({
          id: found.id,
          code: found.code,
          walk_sequence: found.walk_sequence ?? null,
          walk_sequence_source: found.walk_sequence_source as Previous["walk_sequence_source"],
        })
      } else {
        toCreate.push({ stock_location_id: row.stock_location_id, inventory_item_id: row.inventory_item_id, ...fields })
      }
    }
    let created: { id: string }[] = []
    try {
      created = toCreate.length ? await picking.createBins(toCreate as any[]) : []
    } catch (e) {
      throw pickingConflict(
        `A bin for one of these items was saved by someone else at the same moment; try again (${(e as Error).message})`
      )
    }
    const updated = toUpdate.length ? await picking.updateBins(toUpdate as any[]) : []
    return new StepResponse([...created, ...updated], { created: created.map((b) => b.id), updated: previous } as Undo)
  },
  async (undo: Undo | undefined, { container }) => {
    if (!undo) return
    const picking = container.resolve<PickingModuleService>(PICKING_MODULE)
    if (undo.updated.length) await picking.updateBins(undo.updated as any)
    if (undo.created.length) await picking.deleteBins(undo.created)
  }
)
