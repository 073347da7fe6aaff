import { Migration } from '@mikro-orm/migrations';

export class Migration20261126035201 extends Migration {

  override name = 'Migration20261126035201';

  override up(): void | Promise<void> {
    this.addSql(`create schema if not exists "business";`);
    this.addSql(`create table "business"."api_key" ("id" varchar(40) not null, "business_id" varchar(40) not null, "mode" text not null, "prefix" varchar(20) not null, "key_hash" varchar(64) not null, "name" varchar(100) not null, "created_at" timestamptz not null default now(), "last_used_at" timestamptz null, "revoked_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "business"."api_key" add constraint "api_key_key_hash_unique" unique ("key_hash");`);
    this.addSql(`create index "api_key_business_id_mode_created_at_index" on "business"."api_key" ("business_id", "mode", "created_at");`);

    this.addSql(`create table "business"."customer" ("id" varchar(40) not null, "business_id" varchar(40) not null, "mode" text not null, "email" varchar(320) not null, "name" varchar(200) null, "phone" varchar(40) null, "created_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`create index "customer_business_id_mode_created_at_id_index" on "business"."customer" ("business_id", "mode", "created_at", "id");`);
    this.addSql(`alter table "business"."customer" add constraint "customer_business_id_mode_email_unique" unique ("business_id", "mode", "email");`);

    this.addSql(`create table "business"."payment_method" ("id" varchar(40) not null, "business_id" varchar(40) not null, "mode" text not null, "customer_id" varchar(40) not null, "processor_token" varchar(100) not null, "brand" varchar(20) not null, "last4" varchar(4) not null, "exp_month" smallint not null, "exp_year" smallint not null, "is_default" boolean not null default false, "created_at" timestamptz not null default now(), "removed_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "payment_method_business_id_mode_customer_id_removed_at_index" on "business"."payment_method" ("business_id", "mode", "customer_id", "removed_at");`);

    this.addSql(`create table "business"."product" ("id" varchar(40) not null, "business_id" varchar(40) not null, "mode" text not null, "name" varchar(200) not null, "description" text null, "kind" text not null, "price_amount" int not null, "currency" varchar(3) not null, "interval" text null, "interval_count" int not null default 1, "tax_rate_bps" int not null default 0, "plan_group" varchar(100) null, "license_settings" jsonb not null, "active" boolean not null default true, "created_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`create index "product_business_id_mode_active_index" on "business"."product" ("business_id", "mode", "active");`);

    this.addSql(`create table "business"."shop" ("business_id" varchar(40) not null, "mode" text not null, "name" varchar(200) not null, "invoice_prefix" varchar(20) not null, "invoice_counter" int not null default 0, "settings" jsonb not null, "test_clock" timestamptz null, "created_at" timestamptz not null default now(), primary key ("business_id", "mode"));`);

    this.addSql(`create table "business"."subscription" ("id" varchar(40) not null, "business_id" varchar(40) not null, "mode" text not null, "customer_id" varchar(40) not null, "product_id" varchar(40) not null, "status" text not null, "quantity" int not null default 1, "amount" int not null, "currency" varchar(3) not null, "interval" text not null, "interval_count" int not null default 1, "current_period_start" timestamptz null, "current_period_end" timestamptz null, "next_billing_date" timestamptz null, "cancel_at_period_end" boolean not null default false, "cancelled_at" timestamptz null, "cancel_reason" varchar(100) null, "cancel_comment" text null, "ended_at" timestamptz null, "payment_method_id" varchar(40) null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, primary key ("id"));`);
    this.addSql(`create index "subscription_status_next_billing_date_index" on "business"."subscription" ("status", "next_billing_date");`);
    this.addSql(`create index "subscription_business_id_mode_created_at_id_index" on "business"."subscription" ("business_id", "mode", "created_at", "id");`);
    this.addSql(`create index "subscription_business_id_mode_status_created_at_index" on "business"."subscription" ("business_id", "mode", "status", "created_at");`);
    this.addSql(`create index "subscription_business_id_mode_customer_id_created_at_index" on "business"."subscription" ("business_id", "mode", "customer_id", "created_at");`);

    this.addSql(`create table "business"."license_key" ("id" varchar(40) not null, "business_id" varchar(40) not null, "mode" text not null, "customer_id" varchar(40) not null, "product_id" varchar(40) not null, "subscription_id" varchar(40) null, "key" varchar(64) not null, "status" text not null default 'active', "activation_limit" int null, "activations_used" int not null default 0, "expires_at" timestamptz null, "created_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`alter table "business"."license_key" add constraint "license_key_key_unique" unique ("key");`);
    this.addSql(`create index "license_key_business_id_mode_created_at_id_index" on "business"."license_key" ("business_id", "mode", "created_at", "id");`);
    this.addSql(`create index "license_key_business_id_mode_customer_id_created_at_index" on "business"."license_key" ("business_id", "mode", "customer_id", "created_at");`);

    this.addSql(`create table "business"."license_instance" ("id" varchar(40) not null, "business_id" varchar(40) not null, "mode" text not null, "license_key_id" varchar(40) not null, "name" varchar(200) not null, "created_at" timestamptz not null default now(), "deactivated_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "license_instance_license_key_id_deactivated_at_index" on "business"."license_instance" ("license_key_id", "deactivated_at");`);

    this.addSql(`create table "business"."invoice" ("id" varchar(40) not null, "business_id" varchar(40) not null, "mode" text not null, "customer_id" varchar(40) not null, "subscription_id" varchar(40) null, "number" varchar(40) not null, "status" text not null, "currency" varchar(3) not null, "subtotal" int not null, "tax" int not null, "total" int not null, "issued_at" timestamptz not null default now(), "lines" jsonb not null, primary key ("id"));`);
    this.addSql(`create index "invoice_business_id_mode_issued_at_id_index" on "business"."invoice" ("business_id", "mode", "issued_at", "id");`);
    this.addSql(`create index "invoice_business_id_mode_customer_id_issued_at_index" on "business"."invoice" ("business_id", "mode", "customer_id", "issued_at");`);
    this.addSql(`alter table "business"."invoice" add constraint "invoice_business_id_mode_number_unique" unique ("business_id", "mode", "number");`);

    this.addSql(`create table "business"."payment" ("id" varchar(40) not null, "business_id" varchar(40) not null, "mode" text not null, "customer_id" varchar(40) not null, "subscription_id" varchar(40) null, "invoice_id" varchar(40) null, "amount" int not null, "currency" varchar(3) not null, "status" text not null, "failure_reason" varchar(200) null, "payment_method_id" varchar(40) null, "idempotency_key" varchar(200) null, "created_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`create index "payment_business_id_mode_customer_id_created_at_index" on "business"."payment" ("business_id", "mode", "customer_id", "created_at");`);
    this.addSql(`alter table "business"."payment" add constraint "payment_business_id_mode_idempotency_key_unique" unique ("business_id", "mode", "idempotency_key");`);

    this.addSql(`create table "business"."refund" ("id" varchar(40) not null, "business_id" varchar(40) not null, "mode" text not null, "payment_id" varchar(40) not null, "amount" int not null, "currency" varchar(3) not null, "status" text not null, "reason" varchar(200) null, "created_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`create index "refund_payment_id_created_at_index" on "business"."refund" ("payment_id", "created_at");`);

    this.addSql(`alter table "business"."api_key" add constraint "api_key_mode_check" check ("mode" in ('test', 'live'));`);

    this.addSql(`alter table "business"."customer" add constraint "customer_mode_check" check ("mode" in ('test', 'live'));`);

    this.addSql(`alter table "business"."payment_method" add constraint "payment_method_customer_id_foreign" foreign key ("customer_id") references "business"."customer" ("id");`);
    this.addSql(`alter table "business"."payment_method" add constraint "payment_method_mode_check" check ("mode" in ('test', 'live'));`);

    this.addSql(`alter table "business"."product" add constraint "product_mode_check" check ("mode" in ('test', 'live'));`);
    this.addSql(`alter table "business"."product" add constraint "product_kind_check" check ("kind" in ('one_time', 'subscription'));`);
    this.addSql(`alter table "business"."product" add constraint "product_interval_check" check ("interval" in ('day', 'week', 'month', 'year'));`);

    this.addSql(`alter table "business"."shop" add constraint "shop_mode_check" check ("mode" in ('test', 'live'));`);

    this.addSql(`alter table "business"."subscription" add constraint "subscription_customer_id_foreign" foreign key ("customer_id") references "business"."customer" ("id");`);
    this.addSql(`alter table "business"."subscription" add constraint "subscription_product_id_foreign" foreign key ("product_id") references "business"."product" ("id");`);
    this.addSql(`alter table "business"."subscription" add constraint "subscription_payment_method_id_foreign" foreign key ("payment_method_id") references "business"."payment_method" ("id") on delete set null;`);
    this.addSql(`alter table "business"."subscription" add constraint "subscription_mode_check" check ("mode" in ('test', 'live'));`);
    this.addSql(`alter table "business"."subscription" add constraint "subscription_status_check" check ("status" in ('pending', 'active', 'on_hold', 'paused', 'cancelled', 'failed', 'expired'));`);
    this.addSql(`alter table "business"."subscription" add constraint "subscription_interval_check" check ("interval" in ('day', 'week', 'month', 'year'));`);

    this.addSql(`alter table "business"."license_key" add constraint "license_key_customer_id_foreign" foreign key ("customer_id") references "business"."customer" ("id");`);
    this.addSql(`alter table "business"."license_key" add constraint "license_key_product_id_foreign" foreign key ("product_id") references "business"."product" ("id");`);
    this.addSql(`alter table "business"."license_key" add constraint "license_key_subscription_id_foreign" foreign key ("subscription_id") references "business"."subscription" ("id") on delete set null;`);
    this.addSql(`alter table "business"."license_key" add constraint "license_key_mode_check" check ("mode" in ('test', 'live'));`);
    this.addSql(`alter table "business"."license_key" add constraint "license_key_status_check" check ("status" in ('active', 'disabled', 'expired'));`);

    this.addSql(`alter table "business"."license_instance" add constraint "license_instance_license_key_id_foreign" foreign key ("license_key_id") references "business"."license_key" ("id");`);
    this.addSql(`alter table "business"."license_instance" add constraint "license_instance_mode_check" check ("mode" in ('test', 'live'));`);

    this.addSql(`alter table "business"."invoice" add constraint "invoice_customer_id_foreign" foreign key ("customer_id") references "business"."customer" ("id");`);
    this.addSql(`alter table "business"."invoice" add constraint "invoice_subscription_id_foreign" foreign key ("subscription_id") references "business"."subscription" ("id") on delete set null;`);
    this.addSql(`alter table "business"."invoice" add constraint "invoice_mode_check" check ("mode" in ('test', 'live'));`);
    this.addSql(`alter table "business"."invoice" add constraint "invoice_status_check" check ("status" in ('paid', 'open', 'void', 'uncollectible'));`);

    this.addSql(`alter table "business"."payment" add constraint "payment_customer_id_foreign" foreign key ("customer_id") references "business"."customer" ("id");`);
    this.addSql(`alter table "business"."payment" add constraint "payment_subscription_id_foreign" foreign key ("subscription_id") references "business"."subscription" ("id") on delete set null;`);
    this.addSql(`alter table "business"."payment" add constraint "payment_invoice_id_foreign" foreign key ("invoice_id") references "business"."invoice" ("id") on delete set null;`);
    this.addSql(`alter table "business"."payment" add constraint "payment_payment_method_id_foreign" foreign key ("payment_method_id") references "business"."payment_method" ("id") on delete set null;`);
    this.addSql(`alter table "business"."payment" add constraint "payment_mode_check" check ("mode" in ('test', 'live'));`);
    this.addSql(`alter table "business"."payment" add constraint "payment_status_check" check ("status" in ('succeeded', 'failed', 'processing'));`);

    this.addSql(`alter table "business"."refund" add constraint "refund_payment_id_foreign" foreign key ("payment_id") references "business"."payment" ("id");`);
    this.addSql(`alter table "business"."refund" add constraint "refund_mode_check" check ("mode" in ('test', 'live'));`);
    this.addSql(`alter table "business"."refund" add constraint "refund_status_check" check ("status" in ('succeeded', 'failed', 'pending'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "business"."payment_method" drop constraint "payment_method_customer_id_foreign";`);
    this.addSql(`alter table "business"."subscription" drop constraint "subscription_customer_id_foreign";`);
    this.addSql(`alter table "business"."license_key" drop constraint "license_key_customer_id_foreign";`);
    this.addSql(`alter table "business"."invoice" drop constraint "invoice_customer_id_foreign";`);
    this.addSql(`alter table "business"."payment" drop constraint "payment_customer_id_foreign";`);
    this.addSql(`alter table "business"."subscription" drop constraint "subscription_payment_method_id_foreign";`);
    this.addSql(`alter table "business"."payment" drop constraint "payment_payment_method_id_foreign";`);
    this.addSql(`alter table "business"."subscription" drop constraint "subscription_product_id_foreign";`);
    this.addSql(`alter table "business"."license_key" drop constraint "license_key_product_id_foreign";`);
    this.addSql(`alter table "business"."license_key" drop constraint "license_key_subscription_id_foreign";`);
    this.addSql(`alter table "business"."invoice" drop constraint "invoice_subscription_id_foreign";`);
    this.addSql(`alter table "business"."payment" drop constraint "payment_subscription_id_foreign";`);
    this.addSql(`alter table "business"."license_instance" drop constraint "license_instance_license_key_id_foreign";`);
    this.addSql(`alter table "business"."payment" drop constraint "payment_invoice_id_foreign";`);
    this.addSql(`alter table "business"."refund" drop constraint "refund_payment_id_foreign";`);

    this.addSql(`drop table if exists "business"."api_key" cascade;`);
    this.addSql(`drop table if exists "business"."customer" cascade;`);
    this.addSql(`drop table if exists "business"."payment_method" cascade;`);
    this.addSql(`drop table if exists "business"."product" cascade;`);
    this.addSql(`drop table if exists "business"."shop" cascade;`);
    this.addSql(`drop table if exists "business"."subscription" cascade;`);
    this.addSql(`drop table if exists "business"."license_key" cascade;`);
    this.addSql(`drop table if exists "business"."license_instance" cascade;`);
    this.addSql(`drop table if exists "business"."invoice" cascade;`);
    this.addSql(`drop table if exists "business"."payment" cascade;`);
    this.addSql(`drop table if exists "business"."refund" cascade;`);

    this.addSql(`drop schema if exists "business";`);
  }

}
