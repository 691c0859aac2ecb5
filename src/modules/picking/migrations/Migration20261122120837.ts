import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122120837 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_wave_line_stock_location_id" ON "oms_wave_line" ("stock_location_id") WHERE open = true AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_oms_wave_line_stock_location_id";`);
  }

}
