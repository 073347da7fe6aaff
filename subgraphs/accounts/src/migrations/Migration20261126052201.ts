import { Migration } from '@mikro-orm/migrations';

/** login_token.previous_email: the address an email_change link replaces. */
export class Migration20261126052201 extends Migration {

  override name = 'Migration20261126052201';

  override up(): void | Promise<void> {
    this.addSql(`alter table "accounts"."login_token" add "previous_email" varchar(320) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "accounts"."login_token" drop column "previous_email";`);
  }

}
