import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202103000 extends Migration {

  override async up(): Promise<void> {
    // The facts table has no model: only raw SQL writes it (whole orders at a time, see
    // queries/facts.ts) and reads it, so it carries no id or timestamps, just the facts' columns.
    this.addSql(`create table if not exists "oms_metric_fact" ("metric" text not null, "dim" text null, "key" text null, "label" text null, "order_id" text not null, "at" timestamptz not null, "sales_channel_id" text null, "location_ids" text[] not null default '{}', "carriers" text[] not null default '{}', "value" double precision null, "den" double precision null, "units" double precision null);`);
    // The page reads one metric's facts (dim null) and its dims over a range, in two scans.
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_metric_fact_facts" ON "oms_metric_fact" ("metric", "at") WHERE dim IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_metric_fact_dims" ON "oms_metric_fact" ("metric", "at") WHERE dim IS NOT NULL;`);
    // The page sends its fifteen statements at once: parallel workers per scan only add their
    // start-up to work that already fills the cores.
    this.addSql(`ALTER TABLE "oms_metric_fact" SET (parallel_workers = 0);`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_metric_fact_order_id" ON "oms_metric_fact" ("order_id");`);

    this.addSql(`create table if not exists "oms_metric_facts_state" ("id" text not null, "version" text not null, "watermark" timestamptz not null, "orders_refreshed" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "oms_metric_facts_state_pkey" primary key ("id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "oms_metric_fact" cascade;`);

    this.addSql(`drop table if exists "oms_metric_facts_state" cascade;`);
  }

}
