const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

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

/** Absolute end of a session started at `createdAt`; a shorter ttl (portal sessions) is allowed, a longer one is capped. */
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
