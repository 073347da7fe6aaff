import { randomToken } from "@billfold/shared";

const MASK = "••••-••••-••••-";

/** A new license key: 4 groups of 5 base32 characters (100 bits), e.g. `K7Q2M-…`. */
export function generateLicenseKey(): string {
  const raw = randomToken(100).toUpperCase();
  return raw.match(/.{5}/g)!.join("-");
}

/** A fixed-length mask plus the last 4 characters: never reveals the key's length or more. */
export function maskLicenseKey(key: string): string {
  return `${MASK}${key.slice(-4)}`;
}
