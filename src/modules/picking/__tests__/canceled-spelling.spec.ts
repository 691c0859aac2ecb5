import path from "path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { PICKING_MODULE } from ".."
import { Bin } from "../models/bin"
import { Pack } from "../models/pack"
import { Wave } from "../models/wave"
import { WaveLine } from "../models/wave-line"
import PickingModuleService from "../service"

jest.setTimeout(60_000)

const SPELLING = "Migration20261201103000"

/**
 * The migration to Medusa's spelling, run by MikroORM's migrator over the module's real
 * migrations: rows written as `cancelled` before it read as `canceled` after it, with their time.
 */
moduleIntegrationTestRunner<PickingModuleService>({
  moduleName: PICKING_MODULE,
  moduleModels: [Bin, Wave, WaveLine, Pack],
  resolve: "./src/modules/picking",
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  testSuite: ({ service, MikroOrmWrapper }) => {
    describe("the canceled spelling migration", () => {
      const sql = (query: string, params: unknown[] = []) => MikroOrmWrapper.forkManager().execute(query, params)
      const migrator = () => MikroOrmWrapper.getOrm().getMigrator()

      it("rewrites waves and wave lines stored as cancelled, keeping when they were canceled", async () => {
        await migrator().down({ migrations: [SPELLING] })
        const canceledAt = new Date("2026-11-30T09:15:00Z")
        await sql(
          `insert into "oms_wave" ("id", "stock_location_id", "status", "filters", "pick_list", "cancelled_at") values
           ('owave_old', 'sloc_1', 'cancelled', '{}', '{}', ?), ('owave_open', 'sloc_1', 'open', '{}', '{}', null)`,
          [canceledAt]
        )
        await sql(
          `insert into "oms_wave_line" ("id", "wave_id", "stock_location_id", "order_id", "line_item_id", "inventory_item_id", "quantity", "quantity_planned", "tote", "status", "open") values
           ('owline_old', 'owave_old', 'sloc_1', 'order_1', 'ordli_1', 'iitem_1', 2, 2, 1, 'cancelled', false),
           ('owline_open', 'owave_open', 'sloc_1', 'order_2', 'ordli_2', 'iitem_1', 1, 1, 1, 'waiting', true)`
        )

        await migrator().up({ migrations: [SPELLING] })

        const waves = await service.listWaves({}, { order: { id: "ASC" } })
        expect(waves.map((w) => [w.id, w.status, w.canceled_at?.toISOString() ?? null])).toEqual([
          ["owave_old", "canceled", canceledAt.toISOString()],
          ["owave_open", "open", null],
        ])
        const lines = await service.listWaveLines({}, { order: { id: "ASC" } })
        expect(lines.map((l) => [l.id, l.status])).toEqual([
          ["owline_old", "canceled"],
          ["owline_open", "waiting"],
        ])
      })

      it("refuses the old spelling once migrated", async () => {
        await expect(
          sql(`insert into "oms_wave" ("id", "stock_location_id", "status", "filters", "pick_list") values ('owave_x', 'sloc_1', 'cancelled', '{}', '{}')`)
        ).rejects.toThrow(/oms_wave_status_check/)
        await expect(
          service.createWaves({ stock_location_id: "sloc_1", status: "canceled", filters: {}, pick_list: {}, canceled_at: new Date() } as any)
        ).resolves.toEqual(expect.objectContaining({ status: "canceled" }))
      })
    })
  },
})
