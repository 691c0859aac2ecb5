import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122122035 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "oms_routing_decision" add column if not exists "fulfilled_at" timestamptz null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_routing_decision_status" ON "oms_routing_decision" ("status") WHERE deleted_at IS NULL AND fulfilled_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_oms_routing_decision_status";`);
    this.addSql(`alter table if exists "oms_routing_decision" drop column if exists "fulfilled_at";`);
  }

}
