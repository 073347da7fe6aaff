import { describe, expect, it } from "vitest";
import {
  type LinkState,
  acceptableReturnUrl,
  clearedSessionCookie,
  emailHint,
  exchangeRefusal,
  isTokenShaped,
  linkExpiry,
  linkStatus,
  linkUrl,
  maskEmail,
  rateLimitKeys,
  redirectAfterLogin,
  sessionCookie,
  sessionCookieName,
  sessionGrant,
  sessionToEndOnLogin,
} from "./access.policy.ts";
import { newSecretToken } from "../sessions/token.util.ts";

const now = new Date("2026-05-01T12:00:00Z");
const at = (ms: number) => new Date(now.getTime() + ms);
const MIN = 60_000;
const link = (overrides: Partial<LinkState> = {}): LinkState => ({
  kind: "static",
  businessId: "biz_a",
  mode: "live",
  expiresAt: linkExpiry("static", now),
  consumedAt: null,
  ...overrides,
});

describe("link lifetimes", () => {
  it("gives email login links 10 minutes and invites 24 hours", () => {
    expect(linkExpiry("static", now)).toEqual(at(10 * MIN));
    expect(linkExpiry("unified", now)).toEqual(at(10 * MIN));
    expect(linkExpiry("merchant", now)).toEqual(at(10 * MIN));
    expect(linkExpiry("invite", now)).toEqual(at(24 * 60 * MIN));
  });

  it("gives portal sessions 1 hour by default and clamps a requested ttl to 1 minute … 24 hours", () => {
    expect(linkExpiry("portal", now)).toEqual(at(60 * MIN));
    expect(linkExpiry("portal", now, 300)).toEqual(at(5 * MIN));
    expect(linkExpiry("portal", now, 10)).toEqual(at(MIN));
    expect(linkExpiry("portal", now, 7 * 86_400)).toEqual(at(24 * 60 * MIN));
  });

  it("ignores a ttl for kinds other than portal", () => {
    expect(linkExpiry("invite", now, 60)).toEqual(at(24 * 60 * MIN));
  });
});

describe("link validity", () => {
  it("is valid until the last millisecond before expiry, then expired", () => {
    expect(linkStatus(link(), at(10 * MIN - 1))).toBe("valid");
    expect(linkStatus(link(), at(10 * MIN))).toBe("expired");
  });

  it("reports a consumed link as used, even once it is old", () => {
    expect(linkStatus(link({ consumedAt: at(1) }), at(2))).toBe("used");
    expect(linkStatus(link({ consumedAt: at(1) }), at(99 * MIN))).toBe("used");
  });

  it("reports a missing link as unknown", () => {
    expect(linkStatus(null, now)).toBe("unknown");
  });

  it("refuses a link for another business or mode without calling it used", () => {
    expect(exchangeRefusal(link(), at(1), { businessId: "biz_b" })).toBe("other_business");
    expect(exchangeRefusal(link(), at(1), { mode: "test" })).toBe("other_mode");
    expect(exchangeRefusal(link(), at(1), { businessId: "biz_a", mode: "live" })).toBeNull();
  });

  it("never lets an email-change confirmation sign anyone in", () => {
    expect(exchangeRefusal(link({ kind: "email_change" }), at(1))).toBe("unknown");
  });

  it("takes only token-shaped strings to the database", () => {
    expect(isTokenShaped(newSecretToken())).toBe(true);
    expect(isTokenShaped("short")).toBe(false);
    expect(isTokenShaped(`${newSecretToken()}'; drop table`)).toBe(false);
  });
});

describe("links and redirects", () => {
  it("builds every link from the configured public URL", () => {
    expect(linkUrl("https://portal.example.com/", "abc")).toBe("https://portal.example.com/auth/abc");
  });

  it("sends a business link to its portal, a flow to its deep link, unified to / and merchants to /merchant", () => {
    expect(redirectAfterLogin({ kind: "static", businessId: "biz_a" })).toBe("/b/biz_a");
    expect(redirectAfterLogin({ kind: "portal", businessId: "biz_a", flow: "cancel_subscription", subscriptionId: "sub_1" })).toBe(
      "/b/biz_a?flow=cancel_subscription&subscriptionId=sub_1",
    );
    expect(redirectAfterLogin({ kind: "portal", businessId: "biz_a", flow: "delete_everything" })).toBe("/b/biz_a");
    expect(redirectAfterLogin({ kind: "unified", businessId: null })).toBe("/");
    expect(redirectAfterLogin({ kind: "merchant", businessId: "biz_a" })).toBe("/merchant");
  });

  it("accepts https return URLs, and http only for this machine", () => {
    expect(acceptableReturnUrl("https://shop.example.com/account")).toBe("https://shop.example.com/account");
    expect(acceptableReturnUrl("http://localhost:3000/back")).toBe("http://localhost:3000/back");
    expect(acceptableReturnUrl("http://127.0.0.1/back")).toBe("http://127.0.0.1/back");
    expect(acceptableReturnUrl("http://shop.example.com/")).toBeNull();
    expect(acceptableReturnUrl("javascript:alert(1)")).toBeNull();
    expect(acceptableReturnUrl("https://user:pass@shop.example.com/")).toBeNull();
    expect(acceptableReturnUrl("/relative")).toBeNull();
  });

  it("limits merchant-made links to their business and makes merchant sessions from merchant links", () => {
    expect(sessionGrant("static")).toEqual({ sessionKind: "person", businessOnly: false });
    expect(sessionGrant("unified")).toEqual({ sessionKind: "person", businessOnly: false });
    expect(sessionGrant("invite")).toEqual({ sessionKind: "person", businessOnly: true });
    expect(sessionGrant("portal")).toEqual({ sessionKind: "person", businessOnly: true });
    expect(sessionGrant("merchant")).toEqual({ sessionKind: "merchant", businessOnly: true });
  });
});

describe("email hints", () => {
  it("masks an address to its first letter and domain", () => {
    expect(maskEmail("dana@billfold.dev")).toBe("d***@billfold.dev");
  });

  it("shows the whole address only on a valid single-customer link", () => {
    const row = { email: "dana@billfold.dev", customerId: "cus_1" };
    expect(emailHint(row, "valid")).toBe("dana@billfold.dev");
    expect(emailHint(row, "expired")).toBe("d***@billfold.dev");
    expect(emailHint({ ...row, customerId: null }, "valid")).toBe("d***@billfold.dev");
    expect(emailHint(null, "unknown")).toBeNull();
  });
});

describe("session cookie", () => {
  it("is HttpOnly, SameSite=Lax, Path=/ and lives 24 hours on localhost, without Secure", () => {
    const cookie = sessionCookie("http://localhost:4000", "tok", at(24 * 60 * MIN), now);
    expect(cookie).toBe("bf_session=tok; Path=/; Max-Age=86400; HttpOnly; SameSite=Lax");
  });

  it("uses the __Host- prefix and Secure over https", () => {
    expect(sessionCookieName("https://billfold.example")).toBe("__Host-bf_session");
    const cookie = sessionCookie("https://billfold.example", "tok", at(60 * MIN), now);
    expect(cookie).toBe("__Host-bf_session=tok; Path=/; Max-Age=3600; HttpOnly; SameSite=Lax; Secure");
    expect(cookie).not.toMatch(/Domain=/i);
  });

  it("clears with Max-Age=0", () => {
    expect(clearedSessionCookie("http://localhost:4000")).toBe("bf_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
  });
});

describe("rotation and rate-limit keys", () => {
  it("ends the browser's current session, person or merchant, on every sign-in", () => {
    expect(sessionToEndOnLogin({ kind: "person", email: "a@b.c", sessionId: "ses_1", mode: "live", accounts: [] })).toBe("ses_1");
    expect(sessionToEndOnLogin({ kind: "merchant", businessId: "biz", mode: "test", merchantUserId: "mus", sessionId: "ses_2" })).toBe("ses_2");
    expect(sessionToEndOnLogin({ kind: "anonymous" })).toBeNull();
  });

  it("keys email limits by a hash of the normalised address, never the address", () => {
    expect(rateLimitKeys.linkEmail(" Dana@Billfold.dev ")).toBe(rateLimitKeys.linkEmail("dana@billfold.dev"));
    expect(rateLimitKeys.linkEmail("dana@billfold.dev")).not.toContain("dana");
    expect(rateLimitKeys.linkIp("10.0.0.1")).toBe("ip:10.0.0.1");
  });
});
