import { type AccountGrant, forbidden } from "@billfold/shared";
import type { AccountsContext } from "../shared/context.ts";
import type { DirectoryAccount } from "./directory.service.ts";

/**
 * `CustomerAccount @key(fields: "businessId customerId")`: only an account the caller holds
 * (a person granted the pair, or the business's own merchant) resolves; anything else is null + FORBIDDEN.
 * Async on purpose: @apollo/subgraph fails the whole `_entities` list on a synchronous throw, but
 * only the one entity on a rejected promise.
 */
export async function resolveCustomerAccountReference(reference: AccountGrant, { identity }: AccountsContext): Promise<DirectoryAccount> {
  const { businessId, customerId } = reference;
  if (identity.kind === "person" && identity.accounts.some((a) => a.businessId === businessId && a.customerId === customerId)) {
    return { businessId, customerId, mode: identity.mode };
  }
  if (identity.kind === "merchant" && identity.businessId === businessId) {
    return { businessId, customerId, mode: identity.mode };
  }
  throw forbidden("This customer account is not yours.");
}
