import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122114419 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "oms_rule_set" add column if not exists "history" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "oms_rule_set" drop column if exists "history";`);
  }

}
