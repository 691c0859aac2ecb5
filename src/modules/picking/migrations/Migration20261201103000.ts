import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Medusa's spelling: wave and wave line status `cancelled` -> `canceled`, and the wave's
 * `cancelled_at` -> `canceled_at` (renamed, so the times stay). Stored rows are rewritten
 * between dropping the old check constraints and adding the new ones.
 */
export class Migration20261201103000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "oms_wave" drop constraint if exists "oms_wave_status_check";`);
    this.addSql(`alter table if exists "oms_wave_line" drop constraint if exists "oms_wave_line_status_check";`);
    this.addSql(`update "oms_wave" set "status" = 'canceled' where "status" = 'cancelled';`);
    this.addSql(`update "oms_wave_line" set "status" = 'canceled' where "status" = 'cancelled';`);
    this.addSql(`alter table if exists "oms_wave" add constraint "oms_wave_status_check" check("status" in ('open', 'picking', 'picked', 'packed', 'canceled'));`);
    this.addSql(`alter table if exists "oms_wave_line" add constraint "oms_wave_line_status_check" check("status" in ('waiting', 'picked', 'short', 'packed', 'canceled'));`);
    this.addSql(`alter table if exists "oms_wave" rename column "cancelled_at" to "canceled_at";`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "oms_wave" rename column "canceled_at" to "cancelled_at";`);
    this.addSql(`alter table if exists "oms_wave" drop constraint if exists "oms_wave_status_check";`);
    this.addSql(`alter table if exists "oms_wave_line" drop constraint if exists "oms_wave_line_status_check";`);
    this.addSql(`update "oms_wave" set "status" = 'cancelled' where "status" = 'canceled';`);
    this.addSql(`update "oms_wave_line" set "status" = 'cancelled' where "status" = 'canceled';`);
    this.addSql(`alter table if exists "oms_wave" add constraint "oms_wave_status_check" check("status" in ('open', 'picking', 'picked', 'packed', 'cancelled'));`);
    this.addSql(`alter table if exists "oms_wave_line" add constraint "oms_wave_line_status_check" check("status" in ('waiting', 'picked', 'short', 'packed', 'cancelled'));`);
  }

}
