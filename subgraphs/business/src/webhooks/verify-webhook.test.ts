import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { signWebhook } from "./webhook-sender.ts";
import { newWebhookSecret } from "./webhook-secret.util.ts";
import { WebhookVerificationError, verifyWebhook } from "./verify-webhook.ts";

const body = JSON.stringify({ type: "payment.succeeded", timestamp: "2026-11-26T10:00:00.000Z", data: { paymentId: "pay_1", amount: 1200 } });

describe("verifyWebhook (receiver side)", () => {
  const secret = newWebhookSecret();

  it("accepts a delivery signed with the endpoint's secret and returns the event", () => {
    const headers = signWebhook(secret, "evt_ok", body);
    const event = verifyWebhook({ secret, body, headers, seen: new Set() });
    expect(event).toEqual({ id: "evt_ok", type: "payment.succeeded", timestamp: "2026-11-26T10:00:00.000Z", data: { paymentId: "pay_1", amount: 1200 } });
  });

  it("produces signatures the reference library verifies", () => {
    const headers = signWebhook(secret, "evt_ref", body);
    expect(new Webhook(secret).verify(body, headers)).toMatchObject({ type: "payment.succeeded" });
    expect(headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
  });

  it("rejects a signature made with another secret", () => {
    const headers = signWebhook(newWebhookSecret(), "evt_wrong", body);
    expect(() => verifyWebhook({ secret, body, headers, seen: new Set() })).toThrow(WebhookVerificationError);
  });

  it("rejects a body changed after signing", () => {
    const headers = signWebhook(secret, "evt_tampered", body);
    const tampered = body.replace("1200", "1");
    expect(() => verifyWebhook({ secret, body: tampered, headers, seen: new Set() })).toThrow(WebhookVerificationError);
  });

  it("rejects a timestamp older than five minutes even with a valid signature", () => {
    const headers = signWebhook(secret, "evt_stale", body, new Date(Date.now() - 6 * 60_000));
    expect(() => verifyWebhook({ secret, body, headers, seen: new Set() })).toThrow(/too old/);
    const fresh = signWebhook(secret, "evt_fresh", body, new Date(Date.now() - 4 * 60_000));
    expect(verifyWebhook({ secret, body, headers: fresh, seen: new Set() }).id).toBe("evt_fresh");
  });

  it("rejects a replayed webhook-id and remembers only verified ids", () => {
    const seen = new Set<string>();
    const forged = signWebhook(newWebhookSecret(), "evt_replay", body);
    expect(() => verifyWebhook({ secret, body, headers: forged, seen })).toThrow(WebhookVerificationError);
    expect(seen.has("evt_replay")).toBe(false);
    const headers = signWebhook(secret, "evt_replay", body);
    verifyWebhook({ secret, body, headers, seen });
    expect(() => verifyWebhook({ secret, body, headers, seen })).toThrow(/replayed/);
  });

  it("rejects a request without the Standard Webhooks headers", () => {
    expect(() => verifyWebhook({ secret, body, headers: {}, seen: new Set() })).toThrow(/Missing required headers/);
  });
});
