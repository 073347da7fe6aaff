import { Migration } from '@mikro-orm/migrations';

/** Money operations: idempotency records of customer mutations, credit left by a downgrade. */
export class Migration20261126050000 extends Migration {

  override name = 'Migration20261126050000';

  override up(): void | Promise<void> {
    this.addSql(`create table "business"."idempotency_record" ("business_id" varchar(40) not null, "mode" text not null, "key" varchar(200) not null, "request_hash" varchar(64) not null, "response" jsonb not null, "created_at" timestamptz not null default now(), primary key ("business_id", "mode", "key"));`);
    this.addSql(`create index "idempotency_record_created_at_index" on "business"."idempotency_record" ("created_at");`);
    this.addSql(`alter table "business"."idempotency_record" add constraint "idempotency_record_mode_check" check ("mode" in ('test', 'live'));`);

    this.addSql(`alter table "business"."subscription" add "credit_balance" int not null default 0;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "business"."idempotency_record" cascade;`);

    this.addSql(`alter table "business"."subscription" drop column "credit_balance";`);
  }

}
