import type { EntityManager } from "@mikro-orm/postgresql";
import { getCustomerOrThrow } from "../customers/customer.service.ts";
import type { Scope } from "../shared/context.ts";
import type { AccountsLinks, PortalFlow, PortalLink } from "./accounts-links.client.ts";

export interface PortalSessionInput {
  customerId: string;
  sendEmail?: boolean | null;
  returnUrl?: string | null;
  flow?: PortalFlow | null;
  subscriptionId?: string | null;
}

/**
 * A single-use portal link for one customer of the caller's business, in the caller's mode (a
 * live key makes live links only). Another business's customer is NOT_FOUND.
 */
export async function createPortalSession(em: EntityManager, links: AccountsLinks, scope: Scope, input: PortalSessionInput): Promise<PortalLink> {
  const customer = await getCustomerOrThrow(em, scope, input.customerId);
  return links.create({
    kind: "portal",
    businessId: scope.businessId,
    customerId: customer.id,
    email: customer.email,
    mode: scope.mode,
    returnUrl: input.returnUrl ?? null,
    flow: input.flow ?? null,
    subscriptionId: input.subscriptionId ?? null,
    sendEmail: input.sendEmail ?? false,
  });
}

/** The merchant's "Share invite": a 24-hour single-use link for one customer. */
export async function createInviteLink(em: EntityManager, links: AccountsLinks, scope: Scope, customerId: string): Promise<PortalLink> {
  const customer = await getCustomerOrThrow(em, scope, customerId);
  return links.create({ kind: "invite", businessId: scope.businessId, customerId: customer.id, email: customer.email, mode: scope.mode });
}
