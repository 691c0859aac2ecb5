import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Verified carrier webhook deliveries, one per (carrier, event key). */
export class Migration20261201150000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "oms_carrier_webhook" ("id" text not null, "carrier" text not null, "carrier_account_id" text not null, "event_key" text not null, "updates" jsonb not null, "processed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "oms_carrier_webhook_pkey" primary key ("id"));`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_carrier_webhook_deleted_at" ON "oms_carrier_webhook" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_oms_carrier_webhook_carrier_event_key_unique" ON "oms_carrier_webhook" ("carrier", "event_key") WHERE deleted_at IS NULL;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "oms_carrier_webhook" cascade;`)
  }
}
