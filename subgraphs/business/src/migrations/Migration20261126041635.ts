import { Migration } from '@mikro-orm/migrations';

export class Migration20261126041635 extends Migration {

  override name = 'Migration20261126041635';

  override up(): void | Promise<void> {
    this.addSql(`alter table "business"."api_key" alter column "prefix" type varchar(64) using ("prefix"::varchar(64));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "business"."api_key" alter column "prefix" type varchar(20) using ("prefix"::varchar(20));`);
  }

}
