import type { Mode } from "@billfold/shared";

/** One customer account as the loaders see it: business, mode (the caller's) and customer. */
export interface AccountKey {
  businessId: string;
  mode: Mode;
  customerId: string;
}

export const accountCacheKey = (key: AccountKey) => `${key.businessId}|${key.mode}|${key.customerId}`;

export const accountTuple = (key: AccountKey): [string, string, string] => [key.businessId, key.mode, key.customerId];

/** Groups rows by the account they belong to, in the order of `keys`. */
export function groupByAccount<T extends AccountKey>(keys: readonly AccountKey[], rows: T[]): T[][] {
  const groups = new Map<string, T[]>(keys.map((key) => [accountCacheKey(key), []]));
  for (const row of rows) groups.get(accountCacheKey(row))?.push(row);
  return keys.map((key) => groups.get(accountCacheKey(key)) ?? []);
}
