import type { EntityManager } from "@mikro-orm/postgresql";
import { type Mode, badInput, forbidden } from "@billfold/shared";
import { consumeLinkToken, createLinkToken } from "../access/link-token.service.ts";
import { validEmail } from "../access/login-link.service.ts";
import { DirectoryEntry } from "../directory/directory-entry.entity.ts";
import { queueEmail } from "../email/email.service.ts";
import { emailChangeConfirmEmail, emailChangeNoticeEmail } from "../email/email.templates.ts";
import { LoginToken } from "../login/login-token.entity.ts";
import { Person } from "../people/person.entity.ts";
import { requirePerson } from "../people/profile.service.ts";
import { Session } from "../sessions/session.entity.ts";
import type { AccountsContext } from "../shared/context.ts";
import { normalizeEmail } from "../shared/email.util.ts";
import { enqueueShardCustomerEmails } from "./shard-email.job.ts";

const TAKEN = "This email is already used by another account, so it can't be used here. Choose another address.";

const REFUSALS = {
  expired: "This confirmation link has expired. Ask for a new one from your profile.",
  used: "This confirmation link was already used.",
  unknown: "This confirmation link is not valid.",
  other_mode: "This confirmation link is not valid.",
  other_business: "This confirmation link is not valid.",
} as const;

/** True when another person holds `email` in this mode (a directory entry) or has a profile under it. */
async function emailTaken(em: EntityManager, email: string, mode: Mode): Promise<boolean> {
  const [entries, people] = await Promise.all([em.count(DirectoryEntry, { email, mode }), em.count(Person, { email })]);
  return entries + people > 0;
}

/**
 * Emails a single-use confirmation link to the NEW address (and a link-free heads-up to the current
 * one). Nothing changes until the link is used. Counted against the same limits as sign-in links.
 */
export async function requestEmailChange(ctx: AccountsContext, rawEmail: string, now = new Date()): Promise<{ message: string }> {
  const person = requirePerson(ctx.identity);
  if (person.businessScope) throw forbidden("Sign in from the login page to change your email.");
  const email = validEmail(rawEmail);
  const current = normalizeEmail(person.email);
  if (email === current) throw badInput("That is already your email.", { field: "newEmail" });
  await ctx.services.limits.linkRequest(email, ctx.client.ip);
  if (await emailTaken(ctx.em, email, person.mode)) throw badInput(TAKEN, { field: "newEmail" });
  await ctx.em.transactional(async (tx) => {
    const { link } = createLinkToken(tx, ctx.services.publicUrl, { kind: "email_change", email, previousEmail: current, mode: person.mode }, now);
    await queueEmail(tx, ctx.services.jobs, email, emailChangeConfirmEmail(link, email));
    await queueEmail(tx, ctx.services.jobs, current, emailChangeNoticeEmail(email));
  });
  return { message: `We sent a confirmation link to ${email}. Your email changes once you open it.` };
}

/** The newest address waiting for confirmation for this email and mode, or null. */
export async function pendingEmail(em: EntityManager, email: string, mode: Mode, now = new Date()): Promise<string | null> {
  const row = await em.findOne(
    LoginToken,
    { kind: "email_change", previousEmail: normalizeEmail(email), mode, consumedAt: null, expiresAt: { $gt: now } },
    { orderBy: { createdAt: "desc" }, fields: ["email"] },
  );
  return row?.email ?? null;
}

type Outcome = { ok: false; reason: keyof typeof REFUSALS } | { ok: true; result: EmailChangeResult; sessionIds: string[] };

export interface EmailChangeResult {
  email: string;
  previousEmail: string;
  mode: Mode;
}

/**
 * Consumes the confirmation and, in one transaction, moves the profile, every directory entry and
 * every live session of the old address in that mode to the new one, and enqueues one job per
 * customer row for its business shard. A refusal rolls back, leaving the link unused.
 */
export async function confirmEmailChange(ctx: AccountsContext, token: string, now = new Date()): Promise<EmailChangeResult> {
  await ctx.services.limits.exchange(ctx.client.ip);
  const outcome = await ctx.em.transactional(async (tx): Promise<Outcome> => {
    const consumed = await consumeLinkToken(tx, token, now, {}, "email_change");
    if ("reason" in consumed) return { ok: false, reason: consumed.reason };
    const { email, previousEmail, mode } = consumed.row;
    if (!previousEmail) return { ok: false, reason: "unknown" };
    if (await emailTaken(tx, email, mode)) throw badInput(TAKEN, { field: "newEmail", reason: "taken" });
    const person = await tx.findOne(Person, { email: previousEmail });
    if (person) person.email = email;
    else tx.create(Person, { email });
    const entries = await tx.find(DirectoryEntry, { email: previousEmail, mode });
    for (const entry of entries) entry.email = email;
    const sessions = await tx.find(Session, { email: previousEmail, mode, kind: "person", revokedAt: null });
    for (const session of sessions) session.email = email;
    await tx.flush();
    await enqueueShardCustomerEmails(
      tx,
      ctx.services.jobs,
      entries.map((entry) => ({ businessId: entry.businessId, mode, customerId: entry.customerId, email, previousEmail })),
    );
    return { ok: true, result: { email, previousEmail, mode }, sessionIds: sessions.map((session) => session.id) };
  });
  if (!outcome.ok) throw badInput(REFUSALS[outcome.reason], { reason: outcome.reason });
  // The gateway caches identities per session: these now resolve the new email.
  if (outcome.sessionIds.length) ctx.response.staleSessions(outcome.sessionIds);
  return outcome.result;
}
