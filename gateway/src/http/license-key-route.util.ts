import type { Mode } from "@billfold/shared";

/**
 * License keys are `[TEST-]{BUSINESS}-XXXXX-XXXXX-XXXXX-XXXXX` (the business id without `biz_`,
 * upper case): the gateway routes a key to its business's shard by its shape alone; the shard
 * finds the row by the whole key, its business and its mode. Keys compare case-insensitively.
 */
const KEY = /^(?:(TEST)-)?([0-9A-Z]{4,36})-([0-9A-Z]{5}(?:-[0-9A-Z]{5}){3})$/;

export function licenseKeyRoute(key: string): { businessId: string; mode: Mode } | null {
  const match = KEY.exec(key.trim().toUpperCase());
  return match ? { businessId: `biz_${match[2].toLowerCase()}`, mode: match[1] ? "test" : "live" } : null;
}
