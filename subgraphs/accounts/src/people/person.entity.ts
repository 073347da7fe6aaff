import { type Opt } from "@mikro-orm/core";
import { Entity, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";
import { newId } from "@billfold/shared";

/** A person is an email; the row exists once they sign in or edit their profile. */
@Entity({ tableName: "person" })
export class Person {
  @PrimaryKey({ type: "string", length: 40 })
  id: string & Opt = newId("per");

  /** Always stored trimmed and lower-case. */
  @Property({ type: "string", length: 320, unique: true })
  email!: string;

  @Property({ type: "string", length: 100, nullable: true })
  name: (string & Opt) | null = null;

  /** E.164, e.g. +14155550123. */
  @Property({ type: "string", length: 16, nullable: true })
  phone: (string & Opt) | null = null;

  @Property({ type: "datetime", columnType: "timestamptz", defaultRaw: "now()" })
  createdAt: Date & Opt = new Date();

  @Property({ type: "datetime", columnType: "timestamptz", defaultRaw: "now()", onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}
