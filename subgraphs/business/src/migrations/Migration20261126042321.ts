import { Migration } from '@mikro-orm/migrations';

export class Migration20261126042321 extends Migration {

  override name = 'Migration20261126042321';

  override up(): void | Promise<void> {
    this.addSql(`create table "business"."webhook_endpoint" ("id" varchar(40) not null, "business_id" varchar(40) not null, "mode" text not null, "url" varchar(2048) not null, "secret" text not null, "event_types" text[] not null, "active" boolean not null default true, "created_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "webhook_endpoint_business_id_mode_created_at_index" on "business"."webhook_endpoint" ("business_id", "mode", "created_at");`);

    this.addSql(`create table "business"."webhook_event" ("id" varchar(40) not null, "business_id" varchar(40) not null, "mode" text not null, "type" text not null, "payload" jsonb not null, "created_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`create index "webhook_event_business_id_mode_created_at_index" on "business"."webhook_event" ("business_id", "mode", "created_at");`);

    this.addSql(`create table "business"."webhook_delivery" ("id" varchar(40) not null, "business_id" varchar(40) not null, "mode" text not null, "event_id" varchar(40) not null, "endpoint_id" varchar(40) not null, "attempt" int not null, "status" text not null default 'pending', "response_status" int null, "response_body" text null, "duration_ms" int null, "next_attempt_at" timestamptz null, "created_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`create index "webhook_delivery_event_id_endpoint_id_index" on "business"."webhook_delivery" ("event_id", "endpoint_id");`);
    this.addSql(`create index "webhook_delivery_endpoint_id_created_at_id_index" on "business"."webhook_delivery" ("endpoint_id", "created_at", "id");`);


    this.addSql(`alter table "business"."webhook_endpoint" add constraint "webhook_endpoint_mode_check" check ("mode" in ('test', 'live'));`);

    this.addSql(`alter table "business"."webhook_event" add constraint "webhook_event_mode_check" check ("mode" in ('test', 'live'));`);

    this.addSql(`alter table "business"."webhook_delivery" add constraint "webhook_delivery_event_id_foreign" foreign key ("event_id") references "business"."webhook_event" ("id");`);
    this.addSql(`alter table "business"."webhook_delivery" add constraint "webhook_delivery_endpoint_id_foreign" foreign key ("endpoint_id") references "business"."webhook_endpoint" ("id");`);
    this.addSql(`alter table "business"."webhook_delivery" add constraint "webhook_delivery_mode_check" check ("mode" in ('test', 'live'));`);
    this.addSql(`alter table "business"."webhook_delivery" add constraint "webhook_delivery_status_check" check ("status" in ('pending', 'succeeded', 'failed'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "business"."webhook_delivery" drop constraint "webhook_delivery_endpoint_id_foreign";`);
    this.addSql(`alter table "business"."webhook_delivery" drop constraint "webhook_delivery_event_id_foreign";`);

    this.addSql(`drop table if exists "business"."webhook_endpoint" cascade;`);
    this.addSql(`drop table if exists "business"."webhook_event" cascade;`);
    this.addSql(`drop table if exists "business"."webhook_delivery" cascade;`);

  }

}
