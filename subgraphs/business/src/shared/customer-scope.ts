import { badInput, forbidden } from "@billfold/shared";
import type { Billing } from "../billing/billing.ts";
import type { BusinessContext, Scope } from "./context.ts";

/** Header the gateway sets on a root operation: which business it is for. */
export const BUSINESS_HEADER = "x-billfold-business";

export interface CustomerScope extends Scope {
  customerId: string;
}

/**
 * The signed-in person's own customer at the business the request is for (the identity's
 * mode); anything else is refused. Customer root operations reach a shard only this way.
 */
/** The money operations' processor and URLs; every shard context carries them. */
export function billingOf(context: BusinessContext): Billing {
  if (!context.billing) throw new Error("This context was created without billing services.");
  return context.billing;
}

export function customerScope(context: BusinessContext): CustomerScope {
  const { identity } = context;
  if (context.channel !== "gateway" || identity.kind !== "person") throw forbidden("Sign in to your account to do this.");
  if (!context.request.businessId) throw badInput(`Name the business in the ${BUSINESS_HEADER} header.`);
  const account = identity.accounts.find((grant) => grant.businessId === context.request.businessId);
  if (!account) throw forbidden("You do not have an account at this business.");
  return { businessId: account.businessId, mode: identity.mode, customerId: account.customerId };
}
