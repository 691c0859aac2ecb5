import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122092028 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "oms_rule_set" drop constraint if exists "oms_rule_set_status_unique";`);
    this.addSql(`alter table if exists "oms_rule_set" drop constraint if exists "oms_rule_set_sales_channel_id_unique";`);
    this.addSql(`create table if not exists "oms_rule_set" ("id" text not null, "name" text not null, "version" integer not null default 1, "status" text check ("status" in ('draft', 'active', 'archived')) not null default 'draft', "sales_channel_id" text null, "definition" jsonb not null, "created_by" text null, "activated_at" timestamptz null, "archived_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "oms_rule_set_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_rule_set_deleted_at" ON "oms_rule_set" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_oms_rule_set_sales_channel_id_unique" ON "oms_rule_set" ("sales_channel_id") WHERE status = 'active' AND sales_channel_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_oms_rule_set_status_unique" ON "oms_rule_set" ("status") WHERE status = 'active' AND sales_channel_id IS NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "oms_rule_set" cascade;`);
  }

}
