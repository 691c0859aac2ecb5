import { MedusaError } from "@medusajs/framework/utils"
import { pickingConflict } from "./conflict"
import type { PickList, ScanState, WaveLineStatus } from "../../../lib/picking"
import { PickingModuleService } from "../../../modules/picking"

export type WaveStatus = "open" | "picking" | "picked" | "packed" | "canceled"
export type { WaveLineStatus }

export type WaveRecord = {
  id: string
  stock_location_id: string
  status: WaveStatus
  filters: Record<string, unknown>
  pick_list: PickList
  scan_state: ScanState | null
  created_by: string | null
  order_count: number
  line_count: number
  units_total: number
  units_picked: number
  units_short: number
  packed_orders: number
  started_at: Date | null
  picked_at: Date | null
  packed_at: Date | null
  canceled_at: Date | null
  created_at: Date
}

export type WaveLineRecord = {
  id: string
  wave_id: string
  stock_location_id: string
  order_id: string
  line_item_id: string
  inventory_item_id: string
  variant_id: string | null
  sku: string | null
  quantity: number
  quantity_planned: number
  picked: number
  short: number
  tote: number
  status: WaveLineStatus
  open: boolean
}

/**
 * The wave row alone, or 404. A scan that does not close a stop needs nothing more, so the
 * scan path does not read a large wave's thousands of lines three times per scan.
 */
export async function loadWaveRow(picking: PickingModuleService, waveId: string): Promise<WaveRecord> {
  const [wave] = await picking.listWaves({ id: waveId })
  if (!wave) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Wave with id: ${waveId} was not found`)
  return wave as unknown as WaveRecord
}

/** The wave's lines, or only those of one inventory item (a stop) or one order (a pack). */
export async function loadWaveLines(
  picking: PickingModuleService,
  waveId: string,
  only: { inventory_item_id?: string; order_id?: string } = {}
) {
  return (await picking.listWaveLines({ ...only, wave_id: waveId }, { take: null })) as unknown as WaveLineRecord[]
}

/** The wave and its lines, or 404. */
export async function loadWave(picking: PickingModuleService, waveId: string) {
  const wave = await loadWaveRow(picking, waveId)
  return { wave, lines: await loadWaveLines(picking, waveId) }
}

/** 409 unless the wave is in one of the given statuses; `doing` completes "cannot ... ". */
export function requireStatus(wave: WaveRecord, allowed: WaveStatus[], doing: string) {
  if (allowed.includes(wave.status)) return
  const hint: Record<WaveStatus, string> = {
    open: "start picking first",
    picking: "it is being picked",
    picked: "every stop is walked",
    packed: "its orders are packed",
    canceled: "it was canceled",
  }
  throw pickingConflict(`Wave ${wave.id} is ${wave.status}: cannot ${doing} (${hint[wave.status]})`)
}

type Row = { id: string } & Record<string, unknown>
/** The previous values of exactly the fields a write changed, to put them back. */
export type WaveChanges = { wave?: Row; lines?: Row[] }

/**
 * Writes changes to a wave and some of its lines (batched), returning what they were before,
 * so a step's compensation can restore them with restoreWaveChanges.
 */
export async function writeWaveChanges(
  picking: PickingModuleService,
  changes: WaveChanges,
  before: { wave?: Record<string, unknown>; lines?: Record<string, unknown>[] }
): Promise<WaveChanges> {
  const previous: WaveChanges = {}
  if (changes.wave) {
    previous.wave = pick(before.wave ?? {}, changes.wave)
    await picking.updateWaves(changes.wave as any)
  }
  if (changes.lines?.length) {
    const byId = new Map((before.lines ?? []).map((l) => [l.id as string, l]))
    previous.lines = changes.lines.map((l) => pick(byId.get(l.id) ?? {}, l))
    await picking.updateWaveLines(changes.lines as any)
  }
  return previous
}

export async function restoreWaveChanges(picking: PickingModuleService, previous: WaveChanges | undefined) {
  if (!previous) return
  if (previous.wave) await picking.updateWaves(previous.wave as any)
  if (previous.lines?.length) await picking.updateWaveLines(previous.lines as any)
}

function pick(source: Record<string, unknown>, like: Row): Row {
  const out: Row = { id: like.id }
  for (const k of Object.keys(like)) if (k !== "id") out[k] = source[k] ?? null
  return out
}
