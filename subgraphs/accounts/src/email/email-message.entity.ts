import { type Opt } from "@mikro-orm/core";
import { Entity, Index, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";
import { newId } from "@billfold/shared";

/** An email Billfold sends; written in the transaction that caused it, sent by a job after commit. */
@Entity({ tableName: "email_message" })
@Index({ properties: ["to", "createdAt"] })
export class EmailMessage {
  @PrimaryKey({ type: "string", length: 40 })
  id: string & Opt = newId("eml");

  @Property({ type: "string", length: 320, fieldName: "to_address" })
  to!: string;

  @Property({ type: "string", length: 300 })
  subject!: string;

  @Property({ type: "text" })
  text!: string;

  @Property({ type: "text" })
  html!: string;

  @Property({ type: "string", length: 40, nullable: true })
  businessId: (string & Opt) | null = null;

  @Property({ type: "datetime", columnType: "timestamptz", defaultRaw: "now()" })
  createdAt: Date & Opt = new Date();

  @Property({ type: "datetime", columnType: "timestamptz", nullable: true })
  sentAt: (Date & Opt) | null = null;
}
