import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { pickingConflict } from "../utils/conflict"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { buildPickList, WaveFilters, pickListInput, WavePlan } from "../../../lib/picking"
import { PICKING_MODULE, PickingModuleService } from "../../../modules/picking"
import type { WaveSource } from "../utils/wave-source"

export const createWaveStepId = "oms-create-wave"

export type CreateWaveStepInput = {
  source: WaveSource
  plan: WavePlan
  filters: WaveFilters
  created_by?: string | null
}

/**
 * Stores the wave, its pick list and one line per order line and inventory item. Refuses an
 * empty selection. If another wave took one of the lines in the meantime, the database's
 * unique index refuses the lines and nothing of this wave stays behind.
 */
export const createWaveStep = createStep(
  createWaveStepId,
  async (input: CreateWaveStepInput, { container }) => {
    const { plan, source } = input
    if (!plan.orders.length) {
      throw pickingConflict(
        `No orders at ${plan.location_name} match these filters: nothing routed there is waiting to be picked`
      )
    }
    const picking = container.resolve<PickingModuleService>(PICKING_MODULE)
    const id = generateEntityId(undefined, "owave")
    const pickList = buildPickList(pickListInput(source, plan, id))
    const wave = await picking.createWaves({
      id,
      stock_location_id: plan.stock_location_id,
      status: "open",
      filters: input.filters as Record<string, unknown>,
      pick_list: pickList as unknown as Record<string, unknown>,
      created_by: input.created_by ?? null,
      order_count: plan.counts.orders,
      line_count: plan.counts.lines,
      units_total: plan.counts.units,
    })
    try {
      await picking.insertWaveLines(
        plan.lines.map((l) => ({
          ...l,
          wave_id: id,
          stock_location_id: plan.stock_location_id,
          quantity_planned: l.quantity,
          status: "waiting" as const,
          open: true,
        }))
      )
    } catch (e) {
      await picking.deleteWaves(id)
      if (isUniqueViolation(e)) {
        throw pickingConflict(
          `Another wave at ${plan.location_name} took some of these lines at the same moment; preview again and create the wave from what is left`
        )
      }
      throw e
    }
    return new StepResponse(wave, id)
  },
  async (waveId: string | undefined, { container }) => {
    if (!waveId) return
    const picking = container.resolve<PickingModuleService>(PICKING_MODULE)
    const lines = await picking.listWaveLines({ wave_id: waveId }, { select: ["id"], take: null })
    if (lines.length) await picking.deleteWaveLines(lines.map((l) => l.id))
    await picking.deleteWaves(waveId)
  }
)

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; message?: string; type?: string }
  return err?.code === "23505" || err?.type === MedusaError.Types.DUPLICATE_ERROR || /unique|already exists/i.test(err?.message ?? "")
}
