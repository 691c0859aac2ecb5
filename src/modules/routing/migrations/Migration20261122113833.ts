import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122113833 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "oms_shadow_result" drop constraint if exists "oms_shadow_result_rule_set_id_order_id_unique";`);
    this.addSql(`create table if not exists "oms_shadow_result" ("id" text not null, "rule_set_id" text not null, "order_id" text not null, "decision_id" text not null, "agrees" boolean not null, "live" jsonb not null, "shadow" jsonb not null, "changes" text not null default '', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "oms_shadow_result_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_shadow_result_deleted_at" ON "oms_shadow_result" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_oms_shadow_result_rule_set_id_order_id_unique" ON "oms_shadow_result" ("rule_set_id", "order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_shadow_result_rule_set_id_agrees" ON "oms_shadow_result" ("rule_set_id", "agrees") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "oms_rule_set" add column if not exists "shadow" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "oms_shadow_result" cascade;`);

    this.addSql(`alter table if exists "oms_rule_set" drop column if exists "shadow";`);
  }

}
