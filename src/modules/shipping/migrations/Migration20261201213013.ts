import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201213013 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_label_purchased_outbound" ON "oms_label" ("purchased_at") WHERE kind = 'outbound' AND status = 'purchased' AND deleted_at IS NULL;`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_oms_tracking_event_delivered" ON "oms_tracking_event" ("occurred_at", "label_id") WHERE status = 'delivered' AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_oms_label_purchased_outbound";`);

    this.addSql(`drop index if exists "IDX_oms_tracking_event_delivered";`);
  }

}
