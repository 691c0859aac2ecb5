import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201213017 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_wave_picked_at" ON "oms_wave" ("picked_at") WHERE picked_at IS NOT NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_oms_wave_picked_at";`);
  }

}
