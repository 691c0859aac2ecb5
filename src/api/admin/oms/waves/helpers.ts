import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PickStop, ScanPhase, ScanProgress, scanProgress, ScanState, startScan, orderWaveStatus } from "../../../../lib/picking"
import { PICKING_MODULE, PickingModuleService } from "../../../../modules/picking"
import { loadWave, loadWaveRow, WaveLineRecord, WaveRecord } from "../../../../workflows/picking/utils/wave-records"
import type { WaveDetail, WaveOrder, WaveScan, WaveStatus, WaveSummary } from "../../../../types/picking"

/** The scan route's view of a wave: its progress, where the picker is, and its status. */
type ScanView = { progress: ScanProgress; scan: WaveScan; status: WaveStatus }

/** Stock location names by id, in one query (none for no ids). */
export async function locationNames(scope: MedusaContainer, ids: string[]) {
  if (!ids.length) return new Map<string, string>()
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "stock_location", fields: ["id", "name"], filters: { id: [...new Set(ids)] } })
  return new Map((data as { id: string; name: string }[]).map((l) => [l.id, l.name]))
}

function summarise(wave: WaveRecord, names: Map<string, string>): WaveSummary {
  return {
    id: wave.id,
    stock_location_id: wave.stock_location_id,
    location_name: names.get(wave.stock_location_id) ?? null,
    status: wave.status,
    orders: wave.order_count,
    lines: wave.line_count,
    units_total: wave.units_total,
    units_picked: wave.units_picked,
    units_short: wave.units_short,
    packed_orders: wave.packed_orders,
    created_at: wave.created_at,
  }
}

/** Waves, newest first, with their location names (two queries). */
export async function listWaveSummaries(
  scope: MedusaContainer,
  filters: { status?: string | string[]; stock_location_id?: string },
  page: { limit: number; offset: number }
) {
  const picking = scope.resolve<PickingModuleService>(PICKING_MODULE)
  const where: Record<string, unknown> = {}
  if (filters.status) where.status = filters.status
  if (filters.stock_location_id) where.stock_location_id = filters.stock_location_id
  const [waves, count] = await picking.listAndCountWaves(where as any, {
    take: page.limit,
    skip: page.offset,
    order: { created_at: "DESC" },
  })
  const names = await locationNames(scope, waves.map((w) => w.stock_location_id))
  return { waves: waves.map((w) => summarise(w as unknown as WaveRecord, names)), count }
}

/** A wave with its pick list, progress, where the picker is, and its orders (five queries). */
export async function getWaveDetail(scope: MedusaContainer, waveId: string): Promise<WaveDetail> {
  const picking = scope.resolve<PickingModuleService>(PICKING_MODULE)
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { wave, lines } = await loadWave(picking, waveId)
  const orderIds = [...new Set(lines.map((l) => l.order_id))]
  const [names, packs, { data: orders }] = await Promise.all([
    locationNames(scope, [wave.stock_location_id]),
    picking.listPacks({ wave_id: wave.id }, { take: null }),
    query.graph({ entity: "order", fields: ["id", "display_id"], filters: { id: orderIds } }),
  ])
  const displayId = new Map((orders as { id: string; display_id: number }[]).map((o) => [o.id, Number(o.display_id)]))
  const packOf = new Map(packs.map((p) => [p.order_id, p]))
  const byOrder = new Map<string, WaveLineRecord[]>()
  for (const l of lines) byOrder.set(l.order_id, [...(byOrder.get(l.order_id) ?? []), l])

  const scanState = wave.scan_state
  const progress: ScanProgress = scanProgress(scanState ?? startScan(wave.pick_list))
  const currentStop = scanState ? currentStopOf(wave.pick_list.stops, scanState) : null
  const phase: ScanPhase = scanState?.phase ?? "bin"

  const orderViews: WaveOrder[] = [...byOrder].map(([orderId, ls]) => ({
    order_id: orderId,
    display_id: displayId.get(orderId) ?? null,
    tote: ls[0].tote,
    status: orderWaveStatus(ls, packOf.has(orderId)),
    fulfillment_id: packOf.get(orderId)?.fulfillment_id ?? null,
    units: ls.reduce((s, l) => s + (l.status === "canceled" ? 0 : l.quantity), 0),
    units_short: ls.reduce((s, l) => s + (l.quantity_planned - l.quantity), 0),
  }))
  orderViews.sort((a, b) => a.tote - b.tote)

  return {
    ...summarise(wave, names),
    filters: wave.filters,
    started_at: wave.started_at,
    picked_at: wave.picked_at,
    packed_at: wave.packed_at,
    canceled_at: wave.canceled_at,
    pick_list: wave.pick_list,
    progress,
    scan: { current_stop: currentStop, phase },
    orders: orderViews,
  }
}

/**
 * The stop the picker stands at, with the units counted there so far (so a page reloaded in
 * the middle of a stop shows "3 of 5", not "0 of 5"); null before the start and after the walk.
 */
function currentStopOf(stops: PickStop[], state: ScanState): (PickStop & { picked: number }) | null {
  if (state.current === null) return null
  const stop = stops.find((s) => s.index === state.current)
  if (!stop) return null
  return { ...stop, picked: state.stops.find((s) => s.index === state.current)?.picked ?? 0 }
}

/** What the scan route answers: the wave's progress and where the picker is now. */
export async function getScanView(scope: MedusaContainer, waveId: string): Promise<ScanView> {
  const wave = await loadWaveRow(scope.resolve<PickingModuleService>(PICKING_MODULE), waveId)
  const state = wave.scan_state ?? startScan(wave.pick_list)
  return {
    progress: scanProgress(state),
    scan: {
      current_stop: currentStopOf(wave.pick_list.stops, state),
      phase: state.phase,
    },
    status: wave.status,
  }
}
