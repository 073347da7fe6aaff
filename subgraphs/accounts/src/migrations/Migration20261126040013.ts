import { Migration } from '@mikro-orm/migrations';

export class Migration20261126040013 extends Migration {

  override name = 'Migration20261126040013';

  override up(): void | Promise<void> {
    this.addSql(`create table "accounts"."email_message" ("id" varchar(40) not null, "to_address" varchar(320) not null, "subject" varchar(300) not null, "text" text not null, "html" text not null, "business_id" varchar(40) null, "created_at" timestamptz not null default now(), "sent_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "email_message_to_address_created_at_index" on "accounts"."email_message" ("to_address", "created_at");`);

    this.addSql(`alter table "accounts"."login_token" drop constraint "login_token_kind_check";`);
    this.addSql(`alter table "accounts"."login_token" add "subscription_id" varchar(40) null, add "merchant_user_id" varchar(40) null;`);
    this.addSql(`alter table "accounts"."login_token" add constraint "login_token_kind_check" check ("kind" in ('static', 'unified', 'invite', 'portal', 'merchant', 'email_change'));`);

    this.addSql(`alter table "accounts"."session" add "kind" text not null default 'person', add "business_only" boolean not null default false, add "merchant_user_id" varchar(40) null;`);
    this.addSql(`alter table "accounts"."session" add constraint "session_kind_check" check ("kind" in ('person', 'merchant'));`);

    // rate-limiter-flexible's RateLimiterPostgres table (not an entity: the library owns its rows).
    this.addSql(`create table if not exists "accounts"."rate_limit" ("key" varchar(255) primary key, "points" integer not null default 0, "expire" bigint);`);
    this.addSql(`create index if not exists "merchant_user_email_index" on "accounts"."merchant_user" ("email");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "accounts"."rate_limit";`);
    this.addSql(`drop index if exists "accounts"."merchant_user_email_index";`);
    this.addSql(`drop table if exists "accounts"."email_message" cascade;`);

    this.addSql(`alter table "accounts"."login_token" drop constraint "login_token_kind_check";`);
    this.addSql(`alter table "accounts"."login_token" drop column "subscription_id", drop column "merchant_user_id";`);
    this.addSql(`alter table "accounts"."login_token" add constraint "login_token_kind_check" check ("kind" in ('static', 'unified', 'invite', 'portal'));`);

    this.addSql(`alter table "accounts"."session" drop constraint "session_kind_check";`);
    this.addSql(`alter table "accounts"."session" drop column "kind", drop column "business_only", drop column "merchant_user_id";`);
  }

}
