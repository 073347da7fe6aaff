import { createHash } from "node:crypto";
import { type Mode, randomToken } from "@billfold/shared";

/** `sk_{mode}_{businessId}_{secret}`: the gateway routes a key to its business's shard by its shape alone. */
const KEY_PATTERN = /^sk_(test|live)_(biz_[0-9a-z]{4,36})_([0-9a-z]{32,64})$/;

/** `sk_test_biz_…_` + 160 random bits (base32): shown once, stored only as its hash. */
export function generateApiKey(mode: Mode, businessId: string): { key: string; prefix: string } {
  if (!/^biz_[0-9a-z]{4,36}$/.test(businessId)) throw new RangeError(`Not a business id: ${businessId}`);
  const head = `sk_${mode}_${businessId}_`;
  const key = `${head}${randomToken(160)}`;
  return { key, prefix: key.slice(0, head.length + 6) };
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** The mode and business a key claims by its shape, or null when it is not an API key at all. */
export function parseApiKey(key: string): { mode: Mode; businessId: string } | null {
  const match = KEY_PATTERN.exec(key);
  return match ? { mode: match[1] as Mode, businessId: match[2] } : null;
}

/** The mode a key claims by its shape, or null when it is not an API key at all. */
export function apiKeyMode(key: string): Mode | null {
  return parseApiKey(key)?.mode ?? null;
}
