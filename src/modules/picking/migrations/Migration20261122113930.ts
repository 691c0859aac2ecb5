import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122113930 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "oms_pack" drop constraint if exists "oms_pack_wave_id_order_id_unique";`);
    this.addSql(`alter table if exists "oms_bin" drop constraint if exists "oms_bin_stock_location_id_inventory_item_id_unique";`);
    this.addSql(`create table if not exists "oms_bin" ("id" text not null, "stock_location_id" text not null, "inventory_item_id" text not null, "code" text not null, "walk_sequence" integer null, "walk_sequence_source" text check ("walk_sequence_source" in ('code', 'manual')) not null default 'code', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "oms_bin_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_bin_deleted_at" ON "oms_bin" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_oms_bin_stock_location_id_inventory_item_id_unique" ON "oms_bin" ("stock_location_id", "inventory_item_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_bin_stock_location_id_code" ON "oms_bin" ("stock_location_id", "code") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "oms_pack" ("id" text not null, "wave_id" text not null, "order_id" text not null, "status" text check ("status" in ('packed')) not null default 'packed', "fulfillment_id" text null, "parcel" jsonb null, "items" jsonb null, "packed_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "oms_pack_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_pack_deleted_at" ON "oms_pack" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_oms_pack_wave_id_order_id_unique" ON "oms_pack" ("wave_id", "order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_pack_order_id" ON "oms_pack" ("order_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "oms_wave" ("id" text not null, "stock_location_id" text not null, "status" text check ("status" in ('open', 'picking', 'picked', 'packed', 'cancelled')) not null default 'open', "filters" jsonb not null, "pick_list" jsonb not null, "scan_state" jsonb null, "created_by" text null, "order_count" integer not null default 0, "line_count" integer not null default 0, "units_total" integer not null default 0, "units_picked" integer not null default 0, "units_short" integer not null default 0, "packed_orders" integer not null default 0, "started_at" timestamptz null, "picked_at" timestamptz null, "packed_at" timestamptz null, "cancelled_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "oms_wave_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_wave_deleted_at" ON "oms_wave" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_wave_stock_location_id_status" ON "oms_wave" ("stock_location_id", "status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "oms_wave_line" ("id" text not null, "wave_id" text not null, "stock_location_id" text not null, "order_id" text not null, "line_item_id" text not null, "inventory_item_id" text not null, "variant_id" text null, "sku" text null, "quantity" integer not null, "quantity_planned" integer not null, "picked" integer not null default 0, "short" integer not null default 0, "tote" integer not null, "status" text check ("status" in ('waiting', 'picked', 'short', 'packed', 'cancelled')) not null default 'waiting', "open" boolean not null default true, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "oms_wave_line_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_wave_line_deleted_at" ON "oms_wave_line" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_oms_wave_line_one_open_wave" ON "oms_wave_line" ("line_item_id", "inventory_item_id", "stock_location_id") WHERE open = true AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_wave_line_wave_id" ON "oms_wave_line" ("wave_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_wave_line_order_id" ON "oms_wave_line" ("order_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "oms_bin" cascade;`);

    this.addSql(`drop table if exists "oms_pack" cascade;`);

    this.addSql(`drop table if exists "oms_wave" cascade;`);

    this.addSql(`drop table if exists "oms_wave_line" cascade;`);
  }

}
