import type { EntityManager } from "@mikro-orm/postgresql";
import { type Identity, type Mode, newId, unauthenticated } from "@billfold/shared";
import { Session } from "../sessions/session.entity.ts";
import { normalizeEmail } from "../shared/email.util.ts";
import { MerchantUser } from "./merchant-user.entity.ts";

export interface MerchantModel {
  email: string;
  businessId: string;
  mode: Mode;
  merchantUserId: string;
}

/** Creates the merchant user unless it exists (seeds call this once per demo business). */
export async function ensureMerchantUser(em: EntityManager, input: { email: string; businessId: string; role?: string }): Promise<MerchantUser> {
  const email = normalizeEmail(input.email);
  await em
    .createQueryBuilder(MerchantUser)
    .insert({ id: newId("mus"), email, businessId: input.businessId, role: input.role ?? "owner", createdAt: new Date() })
    .onConflict(["businessId", "email"])
    .ignore()
    .execute();
  return em.findOneOrFail(MerchantUser, { businessId: input.businessId, email });
}

type MerchantIdentity = Extract<Identity, { kind: "merchant" }>;

export async function merchantFor(em: EntityManager, identity: Identity): Promise<MerchantModel | null> {
  if (identity.kind !== "merchant" || !identity.sessionId) return null;
  const user = await em.findOne(MerchantUser, { id: identity.merchantUserId, businessId: identity.businessId });
  return user ? { email: user.email, businessId: user.businessId, mode: identity.mode, merchantUserId: user.id } : null;
}

/** Moves the dashboard session to the other mode; answers the session (the caller tells the gateway to forget its cached identity). */
export async function switchMerchantMode(em: EntityManager, identity: Identity, mode: Mode): Promise<{ merchant: MerchantModel; session: Session }> {
  const merchant = await merchantFor(em, identity);
  if (!merchant) throw unauthenticated("Sign in to the dashboard to continue.");
  const session = await em.findOneOrFail(Session, { id: (identity as MerchantIdentity).sessionId!, kind: "merchant", revokedAt: null });
  session.mode = mode;
  await em.flush();
  return { merchant: { ...merchant, mode }, session };
}
