import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** updated_at indexes: the dashboard's facts refresh asks which rows changed since its watermark. */
export class Migration20261202110100 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_wave_updated_at" ON "oms_wave" ("updated_at");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_wave_line_updated_at" ON "oms_wave_line" ("updated_at");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_pack_updated_at" ON "oms_pack" ("updated_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_oms_wave_updated_at";`);
    this.addSql(`DROP INDEX IF EXISTS "IDX_oms_wave_line_updated_at";`);
    this.addSql(`DROP INDEX IF EXISTS "IDX_oms_pack_updated_at";`);
  }

}
