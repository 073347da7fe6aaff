import { forbidden } from "@billfold/shared";
import type { BusinessContext } from "../shared/context.ts";
import { CustomerAccountType } from "./customer-account.type.ts";

interface Representation {
  businessId: string;
  customerId: string;
}

/**
 * Resolves a CustomerAccount the gateway routed here, without touching the database: the
 * identity must grant the pair (a person holding it in the identity's mode, or the business's
 * own merchant). Anything else resolves to null with FORBIDDEN for that entity.
 */
// Async on purpose: a synchronous throw would fail the whole `_entities` list, a rejection only this entity.
export async function resolveCustomerAccountReference(
  representation: Representation,
  context: BusinessContext,
): Promise<CustomerAccountType> {
  const { businessId, customerId } = representation;
  const { identity } = context;
  const granted =
    context.channel === "gateway" &&
    ((identity.kind === "person" &&
      identity.accounts.some((account) => account.businessId === businessId && account.customerId === customerId)) ||
      (identity.kind === "merchant" && identity.businessId === businessId));
  if (!granted || (identity.kind !== "person" && identity.kind !== "merchant")) {
    throw forbidden("You do not have access to this customer account.");
  }
  return Object.assign(new CustomerAccountType(), { businessId, customerId, mode: identity.mode });
}

export const customerAccountReferenceResolvers = {
  CustomerAccount: { __resolveReference: resolveCustomerAccountReference },
};
