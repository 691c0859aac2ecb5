import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201142848 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "oms_tracking_event" drop constraint if exists "oms_tracking_event_event_key_unique";`);
    this.addSql(`alter table if exists "oms_label" drop constraint if exists "oms_label_reference_unique";`);
    this.addSql(`create table if not exists "oms_carrier_account" ("id" text not null, "carrier" text check ("carrier" in ('offline', 'easypost', 'shippo', 'shipstation', 'sendcloud')) not null, "name" text not null, "base_url" text null, "settings" jsonb not null default '{}', "services" jsonb not null default '[]', "secrets_sealed" text null, "secret_names" text[] not null default '{}', "webhook_secret_sealed" text null, "active" boolean not null default true, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "oms_carrier_account_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_carrier_account_deleted_at" ON "oms_carrier_account" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_carrier_account_carrier" ON "oms_carrier_account" ("carrier") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "oms_label" ("id" text not null, "idempotency_key" text not null, "attempt" integer not null default 1, "reference" text not null, "kind" text check ("kind" in ('outbound', 'return')) not null default 'outbound', "status" text check ("status" in ('pending', 'purchased', 'failed', 'unknown', 'void_pending', 'voided')) not null default 'pending', "order_id" text null, "fulfillment_id" text null, "location_id" text null, "carrier_account_id" text not null, "carrier" text not null, "service_code" text null, "request" jsonb not null, "rate" jsonb null, "rate_decision" text null, "format" text check ("format" in ('pdf', 'zpl')) not null default 'pdf', "size" text not null default '4x6', "carrier_label_id" text null, "carrier_shipment_id" text null, "parcels" jsonb null, "tracking_numbers" text[] not null default '{}', "amount" real null, "currency_code" text null, "carrier_data" jsonb null, "failure" jsonb null, "failure_message" text null, "void_message" text null, "purchased_at" timestamptz null, "voided_at" timestamptz null, "created_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "oms_label_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_label_deleted_at" ON "oms_label" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_oms_label_one_live_per_key" ON "oms_label" ("idempotency_key") WHERE status IN ('pending', 'unknown', 'purchased') AND deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_oms_label_reference_unique" ON "oms_label" ("reference") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_label_order_id" ON "oms_label" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_label_fulfillment_id" ON "oms_label" ("fulfillment_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_label_status" ON "oms_label" ("status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "oms_tracking_event" ("id" text not null, "label_id" text not null, "tracking_number" text not null, "status" text check ("status" in ('pre_transit', 'in_transit', 'out_for_delivery', 'delivered', 'failure', 'returned', 'unknown')) not null, "occurred_at" timestamptz not null, "description" text not null default '', "location" text null, "event_key" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "oms_tracking_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_tracking_event_deleted_at" ON "oms_tracking_event" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_oms_tracking_event_event_key_unique" ON "oms_tracking_event" ("event_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_tracking_event_label_id_occurred_at" ON "oms_tracking_event" ("label_id", "occurred_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_tracking_event_tracking_number" ON "oms_tracking_event" ("tracking_number") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "oms_carrier_account" cascade;`);

    this.addSql(`drop table if exists "oms_label" cascade;`);

    this.addSql(`drop table if exists "oms_tracking_event" cascade;`);
  }

}
