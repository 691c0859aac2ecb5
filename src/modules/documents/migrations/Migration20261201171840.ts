import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201171840 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "oms_document" ("id" text not null, "kind" text check ("kind" in ('invoice', 'credit_note')) not null, "number" text not null, "store_id" text not null, "year" integer not null, "sequence" integer not null, "source_key" text not null, "order_id" text not null, "order_display_id" integer null, "customer_id" text null, "invoice_id" text null, "refund_id" text null, "return_id" text null, "return_case_id" text null, "locale" text not null default 'en', "currency_code" text not null, "total" real not null, "tax_total" real not null, "content" jsonb not null, "file_base64" text not null, "file_sha256" text not null, "file_size" integer not null, "issued_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "oms_document_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_document_deleted_at" ON "oms_document" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_oms_document_kind_number" ON "oms_document" ("kind", "number") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_oms_document_source_key" ON "oms_document" ("source_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_document_order_id" ON "oms_document" ("order_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "oms_document_sequence" ("id" text not null, "store_id" text not null, "kind" text check ("kind" in ('invoice', 'credit_note')) not null, "year" integer not null, "next" integer not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "oms_document_sequence_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_document_sequence_deleted_at" ON "oms_document_sequence" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_oms_document_sequence_scope" ON "oms_document_sequence" ("store_id", "kind", "year") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "oms_document_settings" ("id" text not null, "store_id" text not null, "seller" jsonb not null, "invoice_format" text not null default 'INV-{YYYY}-{SEQ:5}', "credit_note_format" text not null default 'CN-{YYYY}-{SEQ:5}', "invoice_trigger" text check ("invoice_trigger" in ('capture', 'fulfillment')) not null default 'capture', "default_locale" text not null default 'en', "paper" text check ("paper" in ('a4', 'letter')) not null default 'a4', "public_url" text null, "disabled_messages" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "oms_document_settings_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_document_settings_deleted_at" ON "oms_document_settings" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_oms_document_settings_store" ON "oms_document_settings" ("store_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "oms_message_template" ("id" text not null, "kind" text not null, "locale" text not null, "subject" text not null, "body" text not null, "updated_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "oms_message_template_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_message_template_deleted_at" ON "oms_message_template" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_oms_message_template_kind_locale" ON "oms_message_template" ("kind", "locale") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "oms_sent_message" ("id" text not null, "idempotency_key" text not null, "kind" text not null, "entity_id" text not null, "order_id" text not null, "template_key" text not null, "locale" text not null, "to" text not null, "status" text check ("status" in ('sending', 'sent', 'failed')) not null default 'sending', "notification_id" text null, "subject" text null, "error" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "oms_sent_message_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_sent_message_deleted_at" ON "oms_sent_message" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_oms_sent_message_key" ON "oms_sent_message" ("idempotency_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_sent_message_order_id" ON "oms_sent_message" ("order_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "oms_document" cascade;`);

    this.addSql(`drop table if exists "oms_document_sequence" cascade;`);

    this.addSql(`drop table if exists "oms_document_settings" cascade;`);

    this.addSql(`drop table if exists "oms_message_template" cascade;`);

    this.addSql(`drop table if exists "oms_sent_message" cascade;`);
  }

}
