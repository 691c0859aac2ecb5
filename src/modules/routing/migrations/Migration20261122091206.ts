import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122091206 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "oms_routing_decision" drop constraint if exists "oms_routing_decision_order_id_unique";`);
    this.addSql(`create table if not exists "oms_routing_decision" ("id" text not null, "order_id" text not null, "status" text check ("status" in ('routed', 'partially_routed', 'held', 'backordered', 'canceled')) not null, "method" text not null, "rule_set" text not null default 'default', "location_ids" text[] not null default '{}', "plan" jsonb not null, "trace" jsonb not null, "history" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "oms_routing_decision_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_routing_decision_deleted_at" ON "oms_routing_decision" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_oms_routing_decision_order_id_unique" ON "oms_routing_decision" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_routing_decision_created_at" ON "oms_routing_decision" ("created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "oms_routing_decision" cascade;`);
  }

}
