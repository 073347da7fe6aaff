import { type Opt } from "@mikro-orm/core";
import { Entity, Enum, Index, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";
import { type Mode, newId } from "@billfold/shared";
import { MODE_VALUES } from "../shared/mode.ts";

export const SESSION_KINDS = ["person", "merchant"] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/** A signed-in browser. Only the SHA-256 of the session token is stored; never expose this entity in GraphQL. */
@Entity({ tableName: "session" })
@Index({ properties: ["email", "mode"] })
export class Session {
  @PrimaryKey({ type: "string", length: 40 })
  id: string & Opt = newId("ses");

  @Property({ type: "string", length: 64, unique: true })
  idHash!: string;

  @Property({ type: "string", length: 320 })
  email!: string;

  @Enum({ items: [...MODE_VALUES], type: "string" })
  mode!: Mode;

  @Property({ type: "datetime", columnType: "timestamptz", defaultRaw: "now()" })
  createdAt: Date & Opt = new Date();

  @Property({ type: "datetime", columnType: "timestamptz", defaultRaw: "now()" })
  lastSeenAt: Date & Opt = new Date();

  /** Absolute end of the session, whatever the activity. */
  @Property({ type: "datetime", columnType: "timestamptz" })
  expiresAt!: Date;

  @Property({ type: "datetime", columnType: "timestamptz", nullable: true })
  revokedAt: (Date & Opt) | null = null;

  @Property({ type: "text", nullable: true })
  userAgent: (string & Opt) | null = null;

  @Property({ type: "string", length: 64, nullable: true })
  ip: (string & Opt) | null = null;

  @Property({ type: "text", nullable: true })
  returnUrl: (string & Opt) | null = null;

  /** The business whose login page or link started the session, if any. */
  @Property({ type: "string", length: 40, nullable: true })
  businessId: (string & Opt) | null = null;

  /** A person (customer portal) or a merchant user (dashboard). */
  @Enum({ items: [...SESSION_KINDS], type: "string", default: "person" })
  kind: SessionKind & Opt = "person";

  /** Sessions from merchant-made links (invite, portal) see only that business's accounts. */
  @Property({ type: "boolean", default: false })
  businessOnly: boolean & Opt = false;

  @Property({ type: "string", length: 40, nullable: true })
  merchantUserId: (string & Opt) | null = null;
}
