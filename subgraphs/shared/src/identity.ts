import { createHmac, timingSafeEqual } from "node:crypto";

/** Test and live data never mix: every row, key, link and session carries one. */
export type Mode = "test" | "live";
export const MODES: readonly Mode[] = ["test", "live"];

/** One business account of a person: who they are at that business. */
export interface AccountGrant {
  businessId: string;
  customerId: string;
}

/** Who is calling, as the gateway vouches for it to the subgraphs. */
export type Identity =
  | { kind: "anonymous" }
  /** businessScope: set when a merchant-made link opened the session (accounts lists only that business). */
  | { kind: "person"; email: string; sessionId: string; mode: Mode; accounts: AccountGrant[]; businessScope?: string }
  /** sessionId: set for a dashboard session (absent for a request made with an API key). */
  | { kind: "merchant"; businessId: string; mode: Mode; merchantUserId: string; sessionId?: string }
  /** Another Billfold service (a shard syncing the accounts directory, the gateway's own lookups). */
  | { kind: "service"; service: string };

export const IDENTITY_HEADER = "x-billfold-identity";
const LIFETIME_SECONDS = 60;

interface SignedIdentity {
  identity: Identity;
  /** Expiry, seconds since the epoch: a captured header is useless a minute later. */
  exp: number;
}

function mac(secret: string, body: string): Buffer {
  return createHmac("sha256", secret).update(body).digest();
}

/** Signs an identity for the subgraphs: `base64url(json).base64url(hmac-sha256)`. */
export function signIdentity(identity: Identity, secret: string, now = Date.now()): string {
  const payload: SignedIdentity = { identity, exp: Math.floor(now / 1000) + LIFETIME_SECONDS };
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${mac(secret, body).toString("base64url")}`;
}

/** Returns the identity when the header carries a valid, unexpired signature, else null. */
export function verifyIdentity(header: string | undefined, secret: string, now = Date.now()): Identity | null {
  if (!header) return null;
  const dot = header.indexOf(".");
  if (dot <= 0) return null;
  const body = header.slice(0, dot);
  const given = Buffer.from(header.slice(dot + 1), "base64url");
  const expected = mac(secret, body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as SignedIdentity;
    if (typeof payload.exp !== "number" || payload.exp * 1000 < now) return null;
    return payload.identity;
  } catch {
    return null;
  }
}
