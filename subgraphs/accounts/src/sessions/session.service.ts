import type { EntityManager } from "@mikro-orm/postgresql";
import type { Identity, Mode } from "@billfold/shared";
import { directoryAccounts } from "../directory/directory.service.ts";
import { ensurePerson } from "../people/person.service.ts";
import { normalizeEmail } from "../shared/email.util.ts";
import { Session, type SessionKind } from "./session.entity.ts";
import { SESSION_TOUCH_INTERVAL_MS, needsTouch, sessionExpiry, sessionState } from "./session.rules.ts";
import { hashToken, newSecretToken } from "./token.util.ts";

export interface CreateSessionInput {
  email: string;
  mode: Mode;
  userAgent?: string | null;
  ip?: string | null;
  /** Milliseconds; shorter than the 24 h default for portal sessions, never longer. */
  ttl?: number;
  returnUrl?: string | null;
  businessId?: string | null;
  kind?: SessionKind;
  /** Only the accounts at `businessId` (sessions from merchant-made links). */
  businessOnly?: boolean;
  merchantUserId?: string | null;
}

const ANONYMOUS: Identity = { kind: "anonymous" };

/** Starts a session (and the person row on first sign-in). The raw token is returned once; only its hash is stored. */
export async function createSession(em: EntityManager, input: CreateSessionInput, now = new Date()): Promise<{ token: string; session: Session }> {
  const token = newSecretToken();
  const email = normalizeEmail(input.email);
  const kind = input.kind ?? "person";
  if (kind === "merchant" && (!input.businessId || !input.merchantUserId)) throw new Error("A merchant session needs businessId and merchantUserId");
  if (input.businessOnly && !input.businessId) throw new Error("A business-only session needs businessId");
  const session = await em.transactional(async (tx) => {
    if (kind === "person") await ensurePerson(tx, email);
    return tx.create(Session, {
      idHash: hashToken(token),
      email,
      mode: input.mode,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: sessionExpiry(now, input.ttl),
      userAgent: input.userAgent?.slice(0, 1000) ?? null,
      ip: input.ip?.slice(0, 64) ?? null,
      returnUrl: input.returnUrl ?? null,
      businessId: input.businessId ?? null,
      kind,
      businessOnly: input.businessOnly ?? false,
      merchantUserId: input.merchantUserId ?? null,
    });
  });
  return { token, session };
}

async function findLiveSession(em: EntityManager, token: string, now: Date): Promise<Session | null> {
  if (!token) return null;
  const session = await em.findOne(Session, { idHash: hashToken(token) });
  return session && sessionState(session, now) === "active" ? session : null;
}

/**
 * The identity a session token stands for: a person with the directory's accounts for the
 * session's email and mode, or anonymous when the session is unknown, expired, idle or revoked.
 */
export async function resolveSessionIdentity(em: EntityManager, token: string, now = new Date()): Promise<Identity> {
  const session = await findLiveSession(em, token, now);
  if (!session) return ANONYMOUS;
  if (needsTouch(session.lastSeenAt, now)) {
    // A conditional update: concurrent requests write at most once per interval.
    await em.nativeUpdate(
      Session,
      { id: session.id, lastSeenAt: { $lte: new Date(now.getTime() - SESSION_TOUCH_INTERVAL_MS) } },
      { lastSeenAt: now },
    );
  }
  if (session.kind === "merchant") {
    return { kind: "merchant", businessId: session.businessId!, mode: session.mode, merchantUserId: session.merchantUserId!, sessionId: session.id };
  }
  return personIdentity(em, session);
}

/** A person session's identity: the directory's accounts of its email and mode (only its business when scoped). */
export async function personIdentity(em: EntityManager, session: Session): Promise<Extract<Identity, { kind: "person" }>> {
  const scope = session.businessOnly ? session.businessId : null;
  const accounts = (await directoryAccounts(em, session.email, session.mode)).filter((a) => !scope || a.businessId === scope);
  return {
    kind: "person",
    email: session.email,
    sessionId: session.id,
    mode: session.mode,
    accounts: accounts.map(({ businessId, customerId }) => ({ businessId, customerId })),
    ...(scope ? { businessScope: scope } : {}),
  };
}

export type SessionRef = { sessionId: string; email?: string } | { token: string };

/**
 * Ends a session by its id (logout; with `email`, only that person's session: "sign out that device")
 * or by its raw token. True when a session that was not yet revoked is now revoked.
 */
export async function revokeSession(em: EntityManager, ref: SessionRef, now = new Date()): Promise<boolean> {
  const where =
    "sessionId" in ref
      ? { id: ref.sessionId, ...(ref.email === undefined ? {} : { email: normalizeEmail(ref.email) }) }
      : { idHash: hashToken(ref.token) };
  const changed = await em.nativeUpdate(Session, { ...where, revokedAt: null }, { revokedAt: now });
  return changed > 0;
}
