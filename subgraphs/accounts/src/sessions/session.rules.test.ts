import { describe, expect, it } from "vitest";
import {
  SESSION_IDLE_TIMEOUT_MS,
  SESSION_LIFETIME_MS,
  needsTouch,
  sessionExpiry,
  sessionState,
} from "./session.rules.ts";
import { hashToken, newSecretToken } from "./token.util.ts";

const start = new Date("2026-01-01T10:00:00Z");
const at = (ms: number) => new Date(start.getTime() + ms);
const fresh = () => ({ expiresAt: sessionExpiry(start), lastSeenAt: start, revokedAt: null as Date | null });

describe("session rules", () => {
  it("ends a session 24 hours after sign-in", () => {
    expect(sessionExpiry(start).getTime() - start.getTime()).toBe(SESSION_LIFETIME_MS);
  });

  it("accepts a shorter ttl and caps a longer one at 24 hours", () => {
    expect(sessionExpiry(start, 30 * 60_000)).toEqual(at(30 * 60_000));
    expect(sessionExpiry(start, 7 * SESSION_LIFETIME_MS)).toEqual(at(SESSION_LIFETIME_MS));
  });

  it("refuses a ttl that is not positive", () => {
    expect(() => sessionExpiry(start, 0)).toThrow(RangeError);
    expect(() => sessionExpiry(start, Number.NaN)).toThrow(RangeError);
  });

  it("keeps a recently used session active", () => {
    expect(sessionState(fresh(), at(SESSION_IDLE_TIMEOUT_MS - 1))).toBe("active");
  });

  it("times a session out after 2 hours without a request", () => {
    expect(sessionState(fresh(), at(SESSION_IDLE_TIMEOUT_MS))).toBe("idle");
  });

  it("expires a session at its absolute end even when it was just used", () => {
    const session = { ...fresh(), lastSeenAt: at(SESSION_LIFETIME_MS - 1000) };
    expect(sessionState(session, at(SESSION_LIFETIME_MS))).toBe("expired");
  });

  it("treats a revoked session as revoked before anything else", () => {
    expect(sessionState({ ...fresh(), revokedAt: at(1) }, at(2))).toBe("revoked");
  });

  it("writes lastSeenAt at most once a minute", () => {
    expect(needsTouch(start, at(59_999))).toBe(false);
    expect(needsTouch(start, at(60_000))).toBe(true);
  });
});

describe("secret tokens", () => {
  it("carry at least 128 random bits and differ every time", () => {
    const token = newSecretToken();
    expect(token.length * 5).toBeGreaterThanOrEqual(128);
    expect(newSecretToken()).not.toBe(token);
  });

  it("are stored as the hex SHA-256 of the raw token", () => {
    expect(hashToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});
