import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201205616 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "oms_wave" add column if not exists "wrong_scans" integer not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "oms_wave" drop column if exists "wrong_scans";`);
  }

}
