import type { EntityManager } from "@mikro-orm/postgresql";
import type { Mode } from "@billfold/shared";
import { LoginToken } from "../login/login-token.entity.ts";
import { normalizeEmail } from "../shared/email.util.ts";
import { hashToken, newSecretToken } from "../sessions/token.util.ts";
import {
  type ExchangeExpectation,
  type LinkKind,
  type LinkStatus,
  type RefusalReason,
  exchangeRefusal,
  isTokenShaped,
  linkExpiry,
  linkStatus,
  linkUrl,
} from "./access.policy.ts";

export interface NewLink {
  kind: LinkKind;
  email: string;
  mode: Mode;
  businessId?: string | null;
  customerId?: string | null;
  merchantUserId?: string | null;
  returnUrl?: string | null;
  flow?: string | null;
  subscriptionId?: string | null;
  /** email_change only: the address being replaced. */
  previousEmail?: string | null;
  /** Portal sessions only. */
  ttlSeconds?: number | null;
}

/** Persists a new link (hash only) in `em`; the caller flushes. The raw link exists only in the answer. */
export function createLinkToken(em: EntityManager, publicUrl: string, input: NewLink, now = new Date()): { link: string; row: LoginToken } {
  const token = newSecretToken();
  const row = em.create(LoginToken, {
    tokenHash: hashToken(token),
    kind: input.kind,
    email: normalizeEmail(input.email),
    mode: input.mode,
    businessId: input.businessId ?? null,
    customerId: input.customerId ?? null,
    merchantUserId: input.merchantUserId ?? null,
    returnUrl: input.returnUrl ?? null,
    flow: input.flow ?? null,
    subscriptionId: input.subscriptionId ?? null,
    previousEmail: input.previousEmail ? normalizeEmail(input.previousEmail) : null,
    expiresAt: linkExpiry(input.kind, now, input.ttlSeconds),
    createdAt: now,
  });
  return { link: linkUrl(publicUrl, token), row };
}

export function findLinkToken(em: EntityManager, token: string): Promise<LoginToken | null> {
  if (!isTokenShaped(token)) return Promise.resolve(null);
  return em.findOne(LoginToken, { tokenHash: hashToken(token) });
}

export async function previewLinkToken(em: EntityManager, token: string, now = new Date()): Promise<{ row: LoginToken | null; status: LinkStatus }> {
  const row = await findLinkToken(em, token);
  return { row, status: linkStatus(row, now) };
}

/**
 * Consumes a link in one statement (UPDATE … WHERE consumed_at IS NULL AND expires_at > now
 * RETURNING), so two concurrent exchanges cannot both win. On refusal, says why.
 */
export async function consumeLinkToken(
  em: EntityManager,
  token: string,
  now: Date,
  expect: ExchangeExpectation = {},
  /** Sign-in links by default; "email_change" consumes only an email-change confirmation. */
  purpose: "sign_in" | "email_change" = "sign_in",
): Promise<{ row: LoginToken } | { reason: RefusalReason; row: LoginToken | null }> {
  if (!isTokenShaped(token)) return { reason: "unknown", row: null };
  const tokenHash = hashToken(token);
  const rows: LoginToken[] = await em
    .createQueryBuilder(LoginToken)
    .update({ consumedAt: now })
    .where({
      tokenHash,
      consumedAt: null,
      expiresAt: { $gt: now },
      kind: purpose === "email_change" ? "email_change" : { $ne: "email_change" },
      ...(expect.businessId ? { businessId: expect.businessId } : {}),
      ...(expect.mode ? { mode: expect.mode } : {}),
    })
    .returning("*" as never)
    .execute("all", false);
  if (rows.length === 1) return { row: em.map(LoginToken, rows[0] as never) };
  const row = await em.findOne(LoginToken, { tokenHash });
  if (purpose === "email_change") {
    const status = row?.kind === "email_change" ? linkStatus(row, now) : "unknown";
    return { reason: status === "valid" ? "used" : status, row };
  }
  return { reason: exchangeRefusal(row, now, expect) ?? "used", row };
}
