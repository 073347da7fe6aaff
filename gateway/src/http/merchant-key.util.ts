import type { Mode } from "@billfold/shared";

/** Secret keys are `sk_{mode}_{businessId}_{secret}`: the gateway routes by the business they name; the shard checks the secret. */
const KEY = /^sk_(test|live)_(biz_[0-9a-z]{4,36})_([0-9a-z]{32,64})$/;

export function merchantKeyRoute(key: string): { mode: Mode; businessId: string } | null {
  const match = KEY.exec(key);
  return match ? { mode: match[1] as Mode, businessId: match[2] } : null;
}

export function bearerToken(authorization: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  return match ? match[1] : null;
}
