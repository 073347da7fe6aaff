import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"; // Crockford base32, lower case

/** Random base32 string with `bits` of entropy (rounded up to whole characters). */
export function randomToken(bits = 128): string {
  const chars = Math.ceil(bits / 5);
  const bytes = randomBytes(chars);
  let out = "";
  for (let i = 0; i < chars; i++) out += ALPHABET[bytes[i] & 31];
  return out;
}

/** Public ids are `prefix_` + 80 random bits, e.g. `cus_5k2m9q…`: readable in logs, unguessable. */
export function newId(prefix: string): string {
  return `${prefix}_${randomToken(80)}`;
}
