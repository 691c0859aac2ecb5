import { pickingConflict } from "../utils/conflict"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { type Parcel, everyOrderPacked } from "../../../lib/picking"
import { PICKING_MODULE, PickingModuleService } from "../../../modules/picking"
import { loadWave, restoreWaveChanges, WaveChanges, writeWaveChanges } from "../utils/wave-records"

export const recordPackStepId = "oms-record-pack"

export type RecordPackInput = {
  wave_id: string
  order_id: string
  fulfillment_id: string
  parcel: Parcel
  items: { line_item_id: string; quantity: number }[]
  actor?: string
}

type Undo = { pack_id: string; previous: WaveChanges }

/**
 * Records the order as packed in the wave: the pack (with its fulfillment and parcel), the
 * order's lines closed, the wave's packed count, and the wave packed once every order still in
 * it is. The unique index on (wave, order) refuses a second pack. Undone on failure.
 */
export const recordPackStep = createStep(
  recordPackStepId,
  async (input: RecordPackInput, { container }) => {
    const picking = container.resolve<PickingModuleService>(PICKING_MODULE)
    const pack = await picking
      .createPacks({
        wave_id: input.wave_id,
        order_id: input.order_id,
        status: "packed",
        fulfillment_id: input.fulfillment_id,
        parcel: input.parcel as unknown as Record<string, unknown>,
        items: input.items as unknown as Record<string, unknown>,
        packed_by: input.actor ?? null,
      })
      .catch((e: Error) => {
        throw pickingConflict(`Order ${input.order_id} is packed in wave ${input.wave_id} already (${e.message})`)
      })

    const [{ wave, lines }, packs] = await Promise.all([
      loadWave(picking, input.wave_id),
      picking.listPacks({ wave_id: input.wave_id }, { select: ["order_id"], take: null }),
    ])
    const packed = new Set(packs.map((p) => p.order_id))
    const changes: WaveChanges = {
      wave: {
        id: wave.id,
        packed_orders: packed.size,
        ...(wave.status === "picked" && everyOrderPacked(lines, packed) ? { status: "packed", packed_at: new Date() } : {}),
      },
      lines: lines
        .filter((l) => l.order_id === input.order_id && l.open)
        .map((l) => ({ id: l.id, status: "packed", open: false })),
    }
    const previous = await writeWaveChanges(picking, changes, { wave: wave as any, lines: lines as any })
    return new StepResponse({ id: pack.id, status: "packed" as const, fulfillment_id: input.fulfillment_id }, {
      pack_id: pack.id,
      previous,
    } as Undo)
  },
  async (undo: Undo | undefined, { container }) => {
    if (!undo) return
    const picking = container.resolve<PickingModuleService>(PICKING_MODULE)
    await restoreWaveChanges(picking, undo.previous)
    await picking.deletePacks(undo.pack_id)
  }
)
