import { type Identity, badInput, unauthenticated } from "@billfold/shared";
import { Business } from "../businesses/business.entity.ts";
import { merchantFor, type MerchantModel } from "../merchants/merchant.service.ts";
import { findPerson } from "../people/person.service.ts";
import { viewerOf } from "../people/profile.service.ts";
import type { ViewerModel } from "../people/viewer.type.ts";
import { createSession, personIdentity, revokeSession } from "../sessions/session.service.ts";
import type { AccountsContext } from "../shared/context.ts";
import {
  type ExchangeExpectation,
  type LinkKind,
  type RefusalReason,
  clearedSessionCookie,
  redirectAfterLogin,
  sessionCookie,
  sessionGrant,
  sessionToEndOnLogin,
} from "./access.policy.ts";
import { consumeLinkToken } from "./link-token.service.ts";

export interface LoginResultModel {
  viewer: ViewerModel | null;
  merchant: (MerchantModel & { business: Business }) | null;
  redirectTo: string;
  returnUrl: string | null;
  businessName: string | null;
}

const REFUSALS: Record<RefusalReason, string> = {
  expired: "This link has expired. Ask for a new one.",
  used: "This link was already used. Ask for a new one.",
  unknown: "This link is not valid. Ask for a new one.",
  other_mode: "This link is for the other mode (test or live) than this page.",
  other_business: "This link belongs to another business.",
};

/**
 * Consumes a link and signs the browser in with a NEW session (rotation: the session it had
 * ends), all in one transaction; the session cookie goes out through the gateway.
 */
export async function exchangeLoginToken(ctx: AccountsContext, token: string, expect: ExchangeExpectation = {}, now = new Date()): Promise<LoginResultModel> {
  await ctx.services.limits.exchange(ctx.client.ip);
  const outcome = await ctx.em.transactional(async (tx) => {
    const consumed = await consumeLinkToken(tx, token, now, expect);
    if ("reason" in consumed) return consumed;
    const link = consumed.row;
    const grant = sessionGrant(link.kind as LinkKind);
    const previous = sessionToEndOnLogin(ctx.identity);
    if (previous) await revokeSession(tx, { sessionId: previous }, now);
    const session = await createSession(
      tx,
      {
        email: link.email,
        mode: link.mode,
        kind: grant.sessionKind,
        businessOnly: grant.businessOnly,
        businessId: link.businessId,
        merchantUserId: link.merchantUserId,
        returnUrl: link.returnUrl,
        userAgent: ctx.client.userAgent,
        ip: ctx.client.ip,
      },
      now,
    );
    return { link, previous, ...session };
  });
  if ("reason" in outcome) throw badInput(REFUSALS[outcome.reason], { reason: outcome.reason });

  const { link, session, token: sessionToken, previous } = outcome;
  ctx.response.setCookie(sessionCookie(ctx.services.publicUrl, sessionToken, session.expiresAt, now));
  if (previous) ctx.response.staleSessions([previous]);
  const business = link.businessId ? await ctx.em.findOne(Business, { id: link.businessId }) : null;
  const base = { redirectTo: redirectAfterLogin(link), returnUrl: link.returnUrl, businessName: business?.name ?? null };
  if (session.kind === "merchant") {
    const identity: Identity = { kind: "merchant", businessId: session.businessId!, mode: session.mode, merchantUserId: session.merchantUserId!, sessionId: session.id };
    const merchant = await merchantFor(ctx.em, identity);
    return { ...base, viewer: null, merchant: merchant && business ? { ...merchant, business } : null };
  }
  const identity = await personIdentity(ctx.em, session);
  return { ...base, merchant: null, viewer: viewerOf(identity, await findPerson(ctx.em, session.email)) };
}

/** Ends the caller's session on the server and clears the cookie; true when a session ended. */
export async function logout(ctx: AccountsContext): Promise<boolean> {
  const sessionId = sessionToEndOnLogin(ctx.identity);
  ctx.response.setCookie(clearedSessionCookie(ctx.services.publicUrl));
  if (!sessionId) return false;
  ctx.response.staleSessions([sessionId]);
  return revokeSession(ctx.em, { sessionId });
}

export function requireSessionId(identity: Identity): string {
  const id = sessionToEndOnLogin(identity);
  if (!id) throw unauthenticated();
  return id;
}
