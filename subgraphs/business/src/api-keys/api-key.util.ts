import { createHash } from "node:crypto";
import { type Mode, randomToken } from "@billfold/shared";

const KEY_PATTERN = /^sk_(test|live)_[0-9a-z]{26,64}$/;

/** `sk_test_` + 160 random bits (base32): shown once, stored only as its hash. */
export function generateApiKey(mode: Mode): { key: string; prefix: string } {
  const key = `sk_${mode}_${randomToken(160)}`;
  return { key, prefix: key.slice(0, `sk_${mode}_`.length + 6) };
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** The mode a key claims by its shape, or null when it is not an API key at all. */
export function apiKeyMode(key: string): Mode | null {
  const match = KEY_PATTERN.exec(key);
  return match ? (match[1] as Mode) : null;
}
