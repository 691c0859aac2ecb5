import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PICKING_MODULE, PickingModuleService } from "../../../../../../modules/picking"
import { orderWaveStatus } from "../../../../../../lib/picking"
import type { WaveLineRecord } from "../../../../../../workflows/picking/utils/wave-records"
import { locationNames } from "../../../waves/helpers"
import type { AdminOrderPickingResponse, OrderPickStatus } from "../../../../../../types/picking"

/**
 * GET /admin/oms/orders/:id/picking: the waves the order is in (not canceled ones), how far its
 * picking is (from its latest wave) and its packs. Four queries whatever the order's size.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminOrderPickingResponse>) => {
  const picking = req.scope.resolve<PickingModuleService>(PICKING_MODULE)
  const orderId = req.params.id
  const [lines, packs] = await Promise.all([
    picking.listWaveLines({ order_id: orderId }, { take: null }),
    picking.listPacks({ order_id: orderId }, { take: null }),
  ])
  const waveIds = [...new Set(lines.map((l) => l.wave_id))]
  const waves = waveIds.length ? await picking.listWaves({ id: waveIds, status: { $ne: "canceled" } } as any, { take: null }) : []
  const locationName = await locationNames(req.scope, waves.map((w) => w.stock_location_id))
  waves.sort((a, b) => +new Date(b.created_at) - +new Date(a.created_at))

  const linesOf = (waveId: string) => lines.filter((l) => l.wave_id === waveId) as unknown as WaveLineRecord[]
  const packedIn = new Set(packs.map((p) => p.wave_id))
  const latest = waves[0]
  let pick_status: OrderPickStatus = "not_in_wave"
  if (latest) {
    const status = orderWaveStatus(linesOf(latest.id), packedIn.has(latest.id))
    pick_status =
      status === "short" ? "short" : status === "picked" || status === "packed" ? "picked" : latest.status === "open" ? "in_wave" : "picking"
  }
  res.json({
    waves: waves.map((w) => ({
      wave_id: w.id,
      status: w.status,
      tote: linesOf(w.id)[0]?.tote ?? null,
      location_name: locationName.get(w.stock_location_id) ?? null,
    })),
    pick_status,
    pack_status: packs.length ? "packed" : "not_packed",
    fulfillment_ids: packs.map((p) => p.fulfillment_id).filter((id): id is string => !!id),
  })
}
