import type { Mode } from "@billfold/shared";

/** One customer account as the loaders see it: business, mode (the caller's) and customer. */
export interface AccountKey {
  businessId: string;
  mode: Mode;
  customerId: string;
}

export const accountCacheKey = (key: AccountKey) => `${key.businessId}|${key.mode}|${key.customerId}`;

export const accountTuple = (key: AccountKey): [string, string, string] => [key.businessId, key.mode, key.customerId];
