import { Migration } from '@mikro-orm/migrations';

export class Migration20261126035204 extends Migration {

  override name = 'Migration20261126035204';

  override up(): void | Promise<void> {
    this.addSql(`create schema if not exists "accounts";`);
    this.addSql(`create table "accounts"."business" ("id" varchar(40) not null, "name" varchar(200) not null, "slug" varchar(100) not null, "support_email" varchar(320) not null, "brand" jsonb not null, "shard" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`alter table "accounts"."business" add constraint "business_slug_unique" unique ("slug");`);

    this.addSql(`create table "accounts"."directory_entry" ("id" varchar(40) not null, "email" varchar(320) not null, "business_id" varchar(40) not null, "customer_id" varchar(40) not null, "mode" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`create index "directory_entry_email_mode_index" on "accounts"."directory_entry" ("email", "mode");`);
    this.addSql(`alter table "accounts"."directory_entry" add constraint "directory_entry_business_id_mode_customer_id_unique" unique ("business_id", "mode", "customer_id");`);

    this.addSql(`create table "accounts"."login_token" ("id" varchar(40) not null, "token_hash" varchar(64) not null, "kind" text not null, "email" varchar(320) not null, "business_id" varchar(40) null, "customer_id" varchar(40) null, "mode" text not null, "expires_at" timestamptz not null, "consumed_at" timestamptz null, "return_url" text null, "flow" varchar(64) null, "created_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`alter table "accounts"."login_token" add constraint "login_token_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "login_token_email_created_at_index" on "accounts"."login_token" ("email", "created_at");`);

    this.addSql(`create table "accounts"."merchant_user" ("id" varchar(40) not null, "email" varchar(320) not null, "business_id" varchar(40) not null, "role" varchar(32) not null, "created_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`alter table "accounts"."merchant_user" add constraint "merchant_user_business_id_email_unique" unique ("business_id", "email");`);

    this.addSql(`create table "accounts"."person" ("id" varchar(40) not null, "email" varchar(320) not null, "name" varchar(100) null, "phone" varchar(16) null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`alter table "accounts"."person" add constraint "person_email_unique" unique ("email");`);

    this.addSql(`create table "accounts"."session" ("id" varchar(40) not null, "id_hash" varchar(64) not null, "email" varchar(320) not null, "mode" text not null, "created_at" timestamptz not null default now(), "last_seen_at" timestamptz not null default now(), "expires_at" timestamptz not null, "revoked_at" timestamptz null, "user_agent" text null, "ip" varchar(64) null, "return_url" text null, "business_id" varchar(40) null, primary key ("id"));`);
    this.addSql(`alter table "accounts"."session" add constraint "session_id_hash_unique" unique ("id_hash");`);
    this.addSql(`create index "session_email_mode_index" on "accounts"."session" ("email", "mode");`);

    this.addSql(`alter table "accounts"."directory_entry" add constraint "directory_entry_mode_check" check ("mode" in ('test', 'live'));`);

    this.addSql(`alter table "accounts"."login_token" add constraint "login_token_kind_check" check ("kind" in ('static', 'unified', 'invite', 'portal'));`);
    this.addSql(`alter table "accounts"."login_token" add constraint "login_token_mode_check" check ("mode" in ('test', 'live'));`);

    this.addSql(`alter table "accounts"."session" add constraint "session_mode_check" check ("mode" in ('test', 'live'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "accounts"."business" cascade;`);
    this.addSql(`drop table if exists "accounts"."directory_entry" cascade;`);
    this.addSql(`drop table if exists "accounts"."login_token" cascade;`);
    this.addSql(`drop table if exists "accounts"."merchant_user" cascade;`);
    this.addSql(`drop table if exists "accounts"."person" cascade;`);
    this.addSql(`drop table if exists "accounts"."session" cascade;`);

    this.addSql(`drop schema if exists "accounts";`);
  }

}
