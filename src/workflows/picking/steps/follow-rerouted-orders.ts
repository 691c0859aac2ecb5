import { IInventoryService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PICKING_MODULE, PickingModuleService } from "../../../modules/picking"
import { plannerLineId } from "../../../lib/order"
import { scanTotals, shrinkWalk } from "../../../lib/picking"
import { loadWave, restoreWaveChanges, WaveChanges, WaveLineRecord, writeWaveChanges } from "../utils/wave-records"

export const followReroutedOrdersStepId = "oms-follow-rerouted-orders"

/**
 * After orders went back to routing, their wave lines keep only what is still reserved at the
 * wave's location (fewer the missing units; nothing when the order now ships from elsewhere).
 * Lines left with nothing leave the wave (free for another one), and the walk ahead shrinks.
 * Restored on a later failure.
 */
export const followReroutedOrdersStep = createStep(
  followReroutedOrdersStepId,
  async (input: { wave_id: string; order_ids: string[] }, { container }) => {
    if (!input.order_ids.length) return new StepResponse<null, WaveChanges>(null, {})
    const picking = container.resolve<PickingModuleService>(PICKING_MODULE)
    const inventory = container.resolve<IInventoryService>(Modules.INVENTORY)
    const { wave, lines } = await loadWave(picking, input.wave_id)
    const affected = lines.filter((l) => l.open && input.order_ids.includes(l.order_id))
    const reservations = affected.length
      ? await inventory.listReservationItems(
          { location_id: wave.stock_location_id, line_item_id: affected.map((l) => l.line_item_id) },
          { select: ["line_item_id", "inventory_item_id", "quantity"], take: null }
        )
      : []
    const held = new Map<string, number>()
    for (const r of reservations) {
      const k = plannerLineId(r.line_item_id!, r.inventory_item_id)
      held.set(k, (held.get(k) ?? 0) + Number(r.quantity))
    }

    const lineChanges: ({ id: string } & Partial<WaveLineRecord>)[] = []
    const after = new Map(lines.map((l) => [l.id, l]))
    for (const line of affected) {
      const quantity = Math.max(0, Math.min(line.quantity_planned - line.short, held.get(plannerLineId(line.line_item_id, line.inventory_item_id)) ?? 0))
      if (quantity === line.quantity) continue
      const change = {
        id: line.id,
        quantity,
        status: "short" as const,
        open: quantity > 0,
      }
      lineChanges.push(change)
      after.set(line.id, { ...line, ...change })
    }
    const walk = shrinkWalk(wave.pick_list, wave.scan_state!, [...after.values()])
    const changes: WaveChanges = {
      wave: { id: wave.id, pick_list: walk.pick_list, scan_state: walk.scan_state, ...scanTotals(walk.scan_state) },
      lines: lineChanges,
    }
    const previous = await writeWaveChanges(picking, changes, { wave: wave as any, lines: lines as any })
    return new StepResponse<null, WaveChanges>(null, previous)
  },
  async (previous: WaveChanges | undefined, { container }) => {
    await restoreWaveChanges(container.resolve<PickingModuleService>(PICKING_MODULE), previous)
  }
)
