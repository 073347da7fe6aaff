import { type Opt } from "@mikro-orm/core";
import { Entity, Index, PrimaryKey, Property, Unique } from "@mikro-orm/decorators/legacy";
import { newId } from "@billfold/shared";

/** A person who may use a business's merchant dashboard. */
@Entity({ tableName: "merchant_user" })
@Unique({ properties: ["businessId", "email"] })
@Index({ properties: ["email"] })
export class MerchantUser {
  @PrimaryKey({ type: "string", length: 40 })
  id: string & Opt = newId("mus");

  @Property({ type: "string", length: 320 })
  email!: string;

  @Property({ type: "string", length: 40 })
  businessId!: string;

  @Property({ type: "string", length: 32 })
  role!: string;

  @Property({ type: "datetime", columnType: "timestamptz", defaultRaw: "now()" })
  createdAt: Date & Opt = new Date();
}
