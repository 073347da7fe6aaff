import { type Opt } from "@mikro-orm/core";
import { Entity, Enum, Index, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";
import { type Mode, newId } from "@billfold/shared";
import { MODE_VALUES } from "../shared/mode.ts";

/**
 * static: /login/{business}; unified: /login; invite: merchant "Share invite"; portal: API portal
 * session; merchant: dashboard sign-in; email_change: confirms a new profile email.
 */
export const LOGIN_TOKEN_KINDS = ["static", "unified", "invite", "portal", "merchant", "email_change"] as const;
export type LoginTokenKind = (typeof LOGIN_TOKEN_KINDS)[number];

/** A single-use sign-in link. Only the SHA-256 of the token is stored; never expose this entity in GraphQL. */
@Entity({ tableName: "login_token" })
@Index({ properties: ["email", "createdAt"] })
export class LoginToken {
  @PrimaryKey({ type: "string", length: 40 })
  id: string & Opt = newId("ltk");

  @Property({ type: "string", length: 64, unique: true })
  tokenHash!: string;

  @Enum({ items: [...LOGIN_TOKEN_KINDS], type: "string" })
  kind!: LoginTokenKind;

  @Property({ type: "string", length: 320 })
  email!: string;

  @Property({ type: "string", length: 40, nullable: true })
  businessId: (string & Opt) | null = null;

  @Property({ type: "string", length: 40, nullable: true })
  customerId: (string & Opt) | null = null;

  @Enum({ items: [...MODE_VALUES], type: "string" })
  mode!: Mode;

  @Property({ type: "datetime", columnType: "timestamptz" })
  expiresAt!: Date;

  @Property({ type: "datetime", columnType: "timestamptz", nullable: true })
  consumedAt: (Date & Opt) | null = null;

  @Property({ type: "text", nullable: true })
  returnUrl: (string & Opt) | null = null;

  @Property({ type: "string", length: 64, nullable: true })
  flow: (string & Opt) | null = null;

  /** With flow cancel_subscription: which subscription to open. */
  @Property({ type: "string", length: 40, nullable: true })
  subscriptionId: (string & Opt) | null = null;

  /** Kind email_change: the address being replaced (`email` is the new one). */
  @Property({ type: "string", length: 320, nullable: true })
  previousEmail: (string & Opt) | null = null;

  /** Set for kind "merchant". */
  @Property({ type: "string", length: 40, nullable: true })
  merchantUserId: (string & Opt) | null = null;

  @Property({ type: "datetime", columnType: "timestamptz", defaultRaw: "now()" })
  createdAt: Date & Opt = new Date();
}
