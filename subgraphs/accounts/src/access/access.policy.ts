import { createHash } from "node:crypto";
import type { Identity, Mode } from "@billfold/shared";

/**
 * Every security decision of sign-in in one place: link lifetimes and validity, single use,
 * session lifetimes, the session cookie, rotation, return URLs and rate-limit keys.
 * Services apply these rules; they do not make their own.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export type LinkKind = "static" | "unified" | "invite" | "portal" | "merchant" | "email_change";

/** How long a link stays usable after it is made. Portal sessions may ask for another ttl within bounds. */
export const LINK_TTL_MS: Record<LinkKind, number> = {
  static: 10 * MINUTE,
  unified: 10 * MINUTE,
  merchant: 10 * MINUTE,
  invite: 24 * HOUR,
  portal: HOUR,
  email_change: HOUR,
};
export const PORTAL_LINK_MIN_TTL_MS = MINUTE;
export const PORTAL_LINK_MAX_TTL_MS = 24 * HOUR;

/** Absolute end of a link; `ttlSeconds` only for portal sessions, clamped to 1 min … 24 h. */
export function linkExpiry(kind: LinkKind, now: Date, ttlSeconds?: number | null): Date {
  let ttl = LINK_TTL_MS[kind];
  if (kind === "portal" && ttlSeconds != null) {
    if (!Number.isFinite(ttlSeconds) || ttlSeconds <= 0) throw new RangeError("ttlSeconds must be a positive number");
    ttl = Math.min(Math.max(ttlSeconds * 1000, PORTAL_LINK_MIN_TTL_MS), PORTAL_LINK_MAX_TTL_MS);
  }
  return new Date(now.getTime() + ttl);
}

/** Every link is `{PUBLIC_URL}/auth/{token}`: never built from a request's Host header. */
export function linkUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/auth/${encodeURIComponent(token)}`;
}

/** Tokens we hand out are base32 of ≥128 bits; anything else is unknown without a database look-up. */
export function isTokenShaped(token: string): boolean {
  return /^[0-9a-z]{26,64}$/.test(token);
}

export interface LinkState {
  kind: LinkKind;
  businessId: string | null;
  mode: Mode;
  expiresAt: Date;
  consumedAt: Date | null;
}

export type LinkStatus = "valid" | "expired" | "used" | "unknown";

/** Used wins over expired: a link that worked once says so, whatever its age. */
export function linkStatus(link: LinkState | null, now: Date): LinkStatus {
  if (!link) return "unknown";
  if (link.consumedAt) return "used";
  if (now.getTime() >= link.expiresAt.getTime()) return "expired";
  return "valid";
}

/** What the page that exchanges the link expects, when it knows (a business portal's own page). */
export interface ExchangeExpectation {
  businessId?: string | null;
  mode?: Mode | null;
}

export type RefusalReason = "expired" | "used" | "unknown" | "other_mode" | "other_business";

/**
 * Why a link cannot be exchanged, or null when it can. A link made for one business or mode never
 * opens another: the check runs before consumption, so a mismatch does not burn the link.
 */
export function exchangeRefusal(link: LinkState | null, now: Date, expect: ExchangeExpectation = {}): RefusalReason | null {
  const status = linkStatus(link, now);
  if (status !== "valid" || !link) return status === "valid" ? "unknown" : status;
  if (link.kind === "email_change") return "unknown";
  if (expect.businessId && link.businessId !== expect.businessId) return "other_business";
  if (expect.mode && link.mode !== expect.mode) return "other_mode";
  return null;
}

/** The sign-in a link grants: who, in which mode, and how far the session reaches. */
export function sessionGrant(kind: LinkKind): { sessionKind: "person" | "merchant"; businessOnly: boolean } {
  if (kind === "merchant") return { sessionKind: "merchant", businessOnly: true };
  // A merchant-made link proves nothing about the email's owner: it opens that business only.
  if (kind === "invite" || kind === "portal") return { sessionKind: "person", businessOnly: true };
  return { sessionKind: "person", businessOnly: false };
}

export const PORTAL_FLOWS = ["cancel_subscription", "update_payment_method"] as const;
export type PortalFlow = (typeof PORTAL_FLOWS)[number];

/** Where the SPA goes after the exchange: a business portal (optionally one action), the unified portal, or the dashboard. */
export function redirectAfterLogin(link: { kind: LinkKind; businessId: string | null; flow?: string | null; subscriptionId?: string | null }): string {
  if (link.kind === "merchant") return "/merchant";
  if (!link.businessId || link.kind === "unified") return "/";
  const base = `/b/${encodeURIComponent(link.businessId)}`;
  if (!link.flow || !(PORTAL_FLOWS as readonly string[]).includes(link.flow)) return base;
  const query = new URLSearchParams({ flow: link.flow });
  if (link.subscriptionId) query.set("subscriptionId", link.subscriptionId);
  return `${base}?${query}`;
}

/** A merchant's return URL must be https (http only for this machine); null when it is not acceptable. */
export function acceptableReturnUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.username || url.password || value.length > 2000) return null;
  if (url.protocol === "https:") return url.toString();
  if (url.protocol === "http:" && (url.hostname === "localhost" || url.hostname === "127.0.0.1" || url.hostname === "[::1]")) return url.toString();
  return null;
}

/** `d***@billfold.dev`: enough to recognise, not enough to learn an address. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return "***";
  return `${Array.from(email)[0]}***${email.slice(at)}`;
}

/** The whole address only on a valid link made for one customer; otherwise masked. */
export function emailHint(link: { email: string; customerId: string | null } | null, status: LinkStatus): string | null {
  if (!link) return null;
  return status === "valid" && link.customerId ? link.email : maskEmail(link.email);
}

// ── Sessions ────────────────────────────────────────────────────────────────────────────────

/** A session ends 24 h after sign-in whatever the activity. */
export const SESSION_LIFETIME_MS = 24 * HOUR;
/** …or after 2 h without a request. */
export const SESSION_IDLE_TIMEOUT_MS = 2 * HOUR;
/** lastSeenAt is written at most once a minute, not on every request. */
export const SESSION_TOUCH_INTERVAL_MS = MINUTE;

export type SessionState = "active" | "expired" | "idle" | "revoked";

export interface SessionTimes {
  expiresAt: Date;
  lastSeenAt: Date;
  revokedAt: Date | null;
}

/** Absolute end of a session started at `createdAt`; a shorter ttl is allowed, a longer one is capped. */
export function sessionExpiry(createdAt: Date, ttlMs: number = SESSION_LIFETIME_MS): Date {
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) throw new RangeError(`Session ttl must be a positive number of milliseconds, got ${ttlMs}`);
  return new Date(createdAt.getTime() + Math.min(ttlMs, SESSION_LIFETIME_MS));
}

export function sessionState(session: SessionTimes, now: Date): SessionState {
  if (session.revokedAt && session.revokedAt.getTime() <= now.getTime()) return "revoked";
  if (now.getTime() >= session.expiresAt.getTime()) return "expired";
  if (now.getTime() - session.lastSeenAt.getTime() >= SESSION_IDLE_TIMEOUT_MS) return "idle";
  return "active";
}

export function needsTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= SESSION_TOUCH_INTERVAL_MS;
}

/** Rotation: signing in through a link always starts a new session and ends the one the browser had. */
export function sessionToEndOnLogin(identity: Identity): string | null {
  if (identity.kind === "person") return identity.sessionId;
  if (identity.kind === "merchant") return identity.sessionId ?? null;
  return null;
}

// ── The session cookie ──────────────────────────────────────────────────────────────────────

const isHttps = (publicUrl: string) => publicUrl.startsWith("https:");

/** `__Host-bf_session` when served over https (Secure, Path=/, no Domain), else `bf_session` for localhost. */
export function sessionCookieName(publicUrl: string): string {
  return isHttps(publicUrl) ? "__Host-bf_session" : "bf_session";
}

function cookie(publicUrl: string, value: string, maxAgeSeconds: number): string {
  const parts = [`${sessionCookieName(publicUrl)}=${value}`, "Path=/", `Max-Age=${maxAgeSeconds}`, "HttpOnly", "SameSite=Lax"];
  if (isHttps(publicUrl)) parts.push("Secure");
  return parts.join("; ");
}

/** HttpOnly, SameSite=Lax, Path=/, Secure on https; lives as long as the session at most. */
export function sessionCookie(publicUrl: string, token: string, expiresAt: Date, now: Date): string {
  const seconds = Math.max(0, Math.min(Math.floor((expiresAt.getTime() - now.getTime()) / 1000), SESSION_LIFETIME_MS / 1000));
  return cookie(publicUrl, token, seconds);
}

export function clearedSessionCookie(publicUrl: string): string {
  return cookie(publicUrl, "", 0);
}

// ── Rate limits ─────────────────────────────────────────────────────────────────────────────

const digest = (value: string) => createHash("sha256").update(value).digest("hex").slice(0, 32);

/** Keys of the shared limiters. Emails are hashed so the limiter table holds no addresses. */
export const rateLimitKeys = {
  linkEmail: (email: string) => `email:${digest(email.trim().toLowerCase())}`,
  linkIp: (ip: string) => `ip:${ip}`,
  exchangeIp: (ip: string) => `ip:${ip}`,
};
