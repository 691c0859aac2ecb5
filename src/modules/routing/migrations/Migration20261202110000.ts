import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** updated_at indexes: the dashboard's facts refresh asks which rows changed since its watermark. */
export class Migration20261202110000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_routing_decision_updated_at" ON "oms_routing_decision" ("updated_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_oms_routing_decision_updated_at";`);
  }

}
