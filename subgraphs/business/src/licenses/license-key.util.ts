import { createHash } from "node:crypto";
import { type Mode, randomToken } from "@billfold/shared";

const MASK = "••••-••••-••••-";
const BUSINESS_ID = /^biz_([0-9a-z]{4,36})$/;

/**
 * `[TEST-]{BUSINESS}-XXXXX-XXXXX-XXXXX-XXXXX`: the business id without `biz_` (upper case), then
 * 100 random bits in four groups of five base32 characters. Test-mode keys start with `TEST-`,
 * live keys have no mode word. The gateway routes a key to its business's shard by its shape
 * alone; the shard still finds the row by the whole key, its business and its mode.
 */
const KEY_PATTERN = /^(?:(TEST)-)?([0-9A-Z]{4,36})-([0-9A-Z]{5}(?:-[0-9A-Z]{5}){3})$/;

/** The longest key: `TEST-` + 36 + `-` + 23. */
export const MAX_LICENSE_KEY_LENGTH = 65;

/** A new license key of `businessId` in `mode`, e.g. `TEST-KESTREL-K7Q2M-…`. */
export function generateLicenseKey(businessId: string, mode: Mode): string {
  const match = BUSINESS_ID.exec(businessId);
  if (!match) throw new RangeError(`Not a business id: ${businessId}`);
  const secret = randomToken(100).toUpperCase().match(/.{5}/g)!.join("-");
  return `${mode === "test" ? "TEST-" : ""}${match[1].toUpperCase()}-${secret}`;
}

/** Trims and upper-cases what a customer pasted; keys compare case-insensitively. */
export function normalizeLicenseKey(key: string): string {
  return key.trim().toUpperCase();
}

/** The business and mode a key claims by its shape, or null when it cannot be a license key. */
export function parseLicenseKey(key: string): { key: string; businessId: string; mode: Mode } | null {
  const normalized = normalizeLicenseKey(key);
  const match = KEY_PATTERN.exec(normalized);
  if (!match) return null;
  return { key: normalized, businessId: `biz_${match[2].toLowerCase()}`, mode: match[1] ? "test" : "live" };
}

/** A short, stable, non-reversible name for a key (rate-limit counters never store the key). */
export function licenseKeyFingerprint(key: string): string {
  return createHash("sha256").update(normalizeLicenseKey(key)).digest("hex").slice(0, 32);
}

/** A fixed-length mask plus the last 4 characters: never reveals the key's length or more. */
export function maskLicenseKey(key: string): string {
  return `${MASK}${key.slice(-4)}`;
}
