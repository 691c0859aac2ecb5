import { Context } from "@medusajs/framework/types"
import { generateEntityId, InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { OmsOptions, parseOmsOptions } from "../../lib/config/options"
import { Bin } from "./models/bin"
import { Pack } from "./models/pack"
import { Wave } from "./models/wave"
import { WaveLine } from "./models/wave-line"
import type { SqlExecutor } from "../../lib/metrics/sql"

/** A wave line as the wave build writes it (see insertWaveLines). */
export type NewWaveLine = {
  wave_id: string
  stock_location_id: string
  order_id: string
  line_item_id: string
  inventory_item_id: string
  variant_id: string | null
  sku: string | null
  quantity: number
  quantity_planned: number
  tote: number
  status: "waiting"
  open: true
}

/** Generated CRUD for bins, waves, wave lines and packs, plus the plugin's validated options. */
class PickingModuleService extends MedusaService({
  Bin,
  Wave,
  WaveLine,
  Pack,
}) {
  protected readonly omsOptions_: OmsOptions

  constructor(container: Record<string, unknown>, options?: Record<string, unknown>) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.omsOptions_ = parseOmsOptions(options ?? {})
  }

  /** The plugin's options with defaults filled in (the walk order lives under `picking`). */
  getOmsOptions(): OmsOptions {
    return this.omsOptions_
  }

  /**
   * A wave's lines in one INSERT, however many there are: the generated create hydrates an
   * entity per row and sends batches, which cost seconds for a 5,000-line wave (see
   * docs/benchmarks.md, picking). The unique index on open lines still refuses a line another
   * open wave holds (the error carries Postgres' code 23505). Returns the new ids in order.
   */
  @InjectTransactionManager()
  async insertWaveLines(rows: NewWaveLine[], @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    if (!rows.length) return []
    const withIds = rows.map((row) => ({ id: generateEntityId(undefined, "owline"), ...row }))
    const manager = sharedContext.transactionManager as { execute: (sql: string, params: unknown[]) => Promise<unknown> }
    await manager.execute(
      `INSERT INTO oms_wave_line
         (id, wave_id, stock_location_id, order_id, line_item_id, inventory_item_id, variant_id, sku,
          quantity, quantity_planned, tote, status, open)
       SELECT id, wave_id, stock_location_id, order_id, line_item_id, inventory_item_id, variant_id, sku,
              quantity, quantity_planned, tote, status, open
         FROM jsonb_to_recordset(?::jsonb) AS r(
           id text, wave_id text, stock_location_id text, order_id text, line_item_id text,
           inventory_item_id text, variant_id text, sku text, quantity int, quantity_planned int,
           tote int, status text, open boolean)`,
      [JSON.stringify(withIds)]
    )
    return withIds.map((r) => r.id)
  }

  /**
   * Counts one refused scan (wrong bin or wrong item) on a wave: one atomic UPDATE, so scans
   * racing on two scanners each count, and it stays counted though the scan itself is refused.
   */
  @InjectManager()
  async countWrongScan(waveId: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await (sharedContext.manager as unknown as SqlExecutor).execute(
      `UPDATE oms_wave SET wrong_scans = wrong_scans + 1 WHERE id = ? AND deleted_at IS NULL`,
      [waveId]
    )
  }
}

export default PickingModuleService
