import { createHash } from "node:crypto";
import { randomToken } from "@billfold/shared";

/** Secret tokens (sessions, login links) carry 160 random bits; 128 is the floor. */
export const SECRET_TOKEN_BITS = 160;

export function newSecretToken(): string {
  return randomToken(SECRET_TOKEN_BITS);
}

/** What the database keeps instead of a token: lower-case hex SHA-256 of the raw token. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
