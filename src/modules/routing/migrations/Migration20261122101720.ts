import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122101720 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "oms_simulation" ("id" text not null, "rule_set_id" text not null, "window" jsonb not null, "status" text check ("status" in ('queued', 'running', 'done', 'canceled', 'failed')) not null default 'queued', "progress" jsonb not null, "totals" jsonb null, "rows" jsonb null, "error" text null, "created_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "oms_simulation_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_simulation_deleted_at" ON "oms_simulation" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "oms_simulation" cascade;`);
  }

}
