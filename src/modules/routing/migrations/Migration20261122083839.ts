import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122083839 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "oms_location_profile" drop constraint if exists "oms_location_profile_stock_location_id_unique";`);
    this.addSql(`create table if not exists "oms_location_profile" ("id" text not null, "stock_location_id" text not null, "active" boolean not null default true, "priority" integer not null default 0, "markets" text[] not null default '{}', "daily_capacity" integer null, "safety_stock" integer not null default 0, "latitude" real null, "longitude" real null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "oms_location_profile_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_location_profile_deleted_at" ON "oms_location_profile" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_oms_location_profile_stock_location_id_unique" ON "oms_location_profile" ("stock_location_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "oms_location_profile" cascade;`);
  }

}
