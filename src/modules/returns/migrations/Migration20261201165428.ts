import { Migration } from "@medusajs/framework/mikro-orm/migrations";

// Money columns are double precision (the generator writes float4 "real", too coarse for a
// ledger of sums); amounts are rounded to cents where they are computed.

export class Migration20261201165428 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "oms_store_credit_entry" drop constraint if exists "oms_store_credit_entry_idempotency_key_unique";`);
    this.addSql(`alter table if exists "oms_return_guest_token" drop constraint if exists "oms_return_guest_token_token_hash_unique";`);
    this.addSql(`alter table if exists "oms_return_case" drop constraint if exists "oms_return_case_resolution_key_unique";`);
    this.addSql(`alter table if exists "oms_return_case" drop constraint if exists "oms_return_case_return_id_unique";`);
    this.addSql(`alter table if exists "oms_return_case" drop constraint if exists "oms_return_case_rma_code_unique";`);
    this.addSql(`create table if not exists "oms_return_case" ("id" text not null, "rma_code" text not null, "order_id" text not null, "order_display_id" integer null, "return_id" text null, "customer_id" text null, "email" text null, "currency_code" text not null, "status" text check ("status" in ('requested', 'receiving', 'inspected', 'resolved', 'canceled')) not null default 'requested', "source" text check ("source" in ('store', 'core_route', 'admin')) not null default 'store', "method" text check ("method" in ('label', 'drop_off', 'keep_it')) not null default 'drop_off', "resolution" text check ("resolution" in ('refund', 'store_credit', 'exchange')) not null default 'refund', "policy_id" text null, "terms" jsonb not null, "label_id" text null, "tracking_number" text null, "exchange_items" jsonb null, "exchange_id" text null, "expected_refund" double precision null, "breakdown" jsonb null, "resolution_key" text null, "resolution_status" text check ("resolution_status" in ('none', 'pending', 'done', 'failed')) not null default 'none', "resolution_result" jsonb null, "resolution_error" text null, "note" text null, "requested_at" timestamptz not null, "received_at" timestamptz null, "inspected_at" timestamptz null, "resolved_at" timestamptz null, "canceled_at" timestamptz null, "cancel_reason" text null, "created_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "oms_return_case_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_return_case_deleted_at" ON "oms_return_case" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_oms_return_case_rma_code_unique" ON "oms_return_case" ("rma_code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_oms_return_case_return_id_unique" ON "oms_return_case" ("return_id") WHERE return_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_oms_return_case_resolution_key_unique" ON "oms_return_case" ("resolution_key") WHERE resolution_key IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_return_case_order_id" ON "oms_return_case" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_return_case_status_requested_at" ON "oms_return_case" ("status", "requested_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_return_case_tracking_number" ON "oms_return_case" ("tracking_number") WHERE tracking_number IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_return_case_customer_id" ON "oms_return_case" ("customer_id") WHERE customer_id IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "oms_return_guest_token" ("id" text not null, "token_hash" text not null, "order_id" text not null, "email" text not null, "expires_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "oms_return_guest_token_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_return_guest_token_deleted_at" ON "oms_return_guest_token" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_oms_return_guest_token_token_hash_unique" ON "oms_return_guest_token" ("token_hash") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "oms_return_inspection" ("id" text not null, "return_line_id" text null, "scanned_code" text null, "grade" text check ("grade" in ('new', 'opened', 'damaged', 'missing', 'wrong_item')) not null, "quantity" integer not null, "disposition" text check ("disposition" in ('restock', 'write_off', 'refurbish', 'return_to_vendor', 'none')) not null, "location_id" text null, "note" text null, "inspected_by" text null, "return_case_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "oms_return_inspection_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_return_inspection_return_case_id" ON "oms_return_inspection" ("return_case_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_return_inspection_deleted_at" ON "oms_return_inspection" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_return_inspection_grade" ON "oms_return_inspection" ("grade") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "oms_return_line" ("id" text not null, "order_line_item_id" text not null, "variant_id" text null, "product_id" text null, "inventory_item_id" text null, "sku" text null, "barcode" text null, "title" text not null, "quantity" integer not null, "unit_refund" double precision not null, "reason_id" text null, "reason_value" text null, "note" text null, "photo_urls" text[] not null default '{}', "keep_it" boolean not null default false, "destination_location_id" text null, "destination_sentence" text null, "return_case_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "oms_return_line_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_return_line_return_case_id" ON "oms_return_line" ("return_case_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_return_line_deleted_at" ON "oms_return_line" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_return_line_order_line_item_id" ON "oms_return_line" ("order_line_item_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "oms_return_policy" ("id" text not null, "name" text not null, "active" boolean not null default true, "priority" integer not null default 100, "market" jsonb null, "definition" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "oms_return_policy_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_return_policy_deleted_at" ON "oms_return_policy" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_return_policy_active_priority" ON "oms_return_policy" ("active", "priority") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "oms_store_credit_entry" ("id" text not null, "customer_id" text not null, "currency_code" text not null, "amount" double precision not null, "kind" text check ("kind" in ('issue', 'spend', 'release', 'adjust')) not null, "idempotency_key" text not null, "reference_type" text null, "reference_id" text null, "note" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "oms_store_credit_entry_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_store_credit_entry_deleted_at" ON "oms_store_credit_entry" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_oms_store_credit_entry_idempotency_key_unique" ON "oms_store_credit_entry" ("idempotency_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_store_credit_entry_customer_id_currency_code" ON "oms_store_credit_entry" ("customer_id", "currency_code") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "oms_return_inspection" add constraint "oms_return_inspection_return_case_id_foreign" foreign key ("return_case_id") references "oms_return_case" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table if exists "oms_return_line" add constraint "oms_return_line_return_case_id_foreign" foreign key ("return_case_id") references "oms_return_case" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "oms_return_inspection" drop constraint if exists "oms_return_inspection_return_case_id_foreign";`);

    this.addSql(`alter table if exists "oms_return_line" drop constraint if exists "oms_return_line_return_case_id_foreign";`);

    this.addSql(`drop table if exists "oms_return_case" cascade;`);

    this.addSql(`drop table if exists "oms_return_guest_token" cascade;`);

    this.addSql(`drop table if exists "oms_return_inspection" cascade;`);

    this.addSql(`drop table if exists "oms_return_line" cascade;`);

    this.addSql(`drop table if exists "oms_return_policy" cascade;`);

    this.addSql(`drop table if exists "oms_store_credit_entry" cascade;`);
  }

}
