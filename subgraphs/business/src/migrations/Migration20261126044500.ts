import { Migration } from '@mikro-orm/migrations';

/** License keys: keys that name their business and mode (longer), the subscription-driven disable, public API rate limits. */
export class Migration20261126044500 extends Migration {

  override name = 'Migration20261126044500';

  override up(): void | Promise<void> {
    this.addSql(`alter table "business"."license_key" alter column "key" type varchar(80) using ("key"::varchar(80));`);
    this.addSql(`alter table "business"."license_key" add column "disable_at" timestamptz null;`);
    this.addSql(`create index "license_key_subscription_id_index" on "business"."license_key" ("subscription_id");`);
    // rate-limiter-flexible's table for the public license API (every shard process counts together).
    this.addSql(`create table if not exists "business"."rate_limit" ("key" varchar(255) primary key, "points" integer not null default 0, "expire" bigint);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "business"."rate_limit";`);
    this.addSql(`drop index if exists "business"."license_key_subscription_id_index";`);
    this.addSql(`alter table "business"."license_key" drop column "disable_at";`);
    this.addSql(`alter table "business"."license_key" alter column "key" type varchar(64) using ("key"::varchar(64));`);
  }

}
