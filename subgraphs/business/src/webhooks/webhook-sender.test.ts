import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WebhookEndpoint } from "./webhook-endpoint.entity.ts";
import type { WebhookEvent } from "./webhook-event.entity.ts";
import { newWebhookSecret } from "./webhook-secret.util.ts";
import { postWebhook } from "./webhook-sender.ts";
import { type WebhookTestReceiver, startWebhookTestReceiver } from "./webhook-test-receiver.ts";

const event = { id: "evt_sender", businessId: "biz_sender", mode: "test", type: "payment.failed", payload: { paymentId: "pay_1" }, createdAt: new Date() } as WebhookEvent;
const LOCAL = { allowPrivateAddresses: true };
const endpointAt = (url: string) => ({ id: "we_1", url, secret: newWebhookSecret() }) as WebhookEndpoint;

describe("postWebhook", () => {
  let receiver: WebhookTestReceiver;
  beforeAll(async () => {
    receiver = await startWebhookTestReceiver();
  });
  afterAll(() => receiver.close());

  it("gives up after the timeout and records why", async () => {
    receiver.respond("/slow", () => ({ status: 200, delayMs: 1_500 }));
    const outcome = await postWebhook(endpointAt(receiver.url("/slow")), event, { ...LOCAL, timeoutMs: 200 });
    expect(outcome).toMatchObject({ ok: false, responseStatus: null, responseBody: expect.stringMatching(/^No answer within/) });
    expect(outcome.durationMs).toBeLessThan(1_400);
  });

  it("records a refused connection as a failed attempt instead of throwing", async () => {
    const outcome = await postWebhook(endpointAt("http://127.0.0.1:9/hooks"), event, { ...LOCAL, timeoutMs: 2_000 });
    expect(outcome).toMatchObject({ ok: false, responseStatus: null, responseBody: expect.stringMatching(/^Could not connect/) });
  });

  it("treats a redirect as a failure rather than following it", async () => {
    receiver.respond("/moved", () => ({ status: 301, body: "" }));
    const outcome = await postWebhook(endpointAt(receiver.url("/moved")), event, LOCAL);
    expect(outcome).toMatchObject({ ok: false, responseStatus: 301 });
  });

  it("sends to a local receiver only when private addresses are allowed", async () => {
    const outcome = await postWebhook(endpointAt(receiver.url("/allowed")), event, LOCAL);
    expect(outcome).toMatchObject({ ok: true, responseStatus: 200, responseBody: "ok" });
    expect(receiver.received.filter((entry) => entry.path === "/allowed")).toHaveLength(1);
  });

  it.each(["http://127.0.0.1", "http://[::1]", "http://[::ffff:127.0.0.1]", "http://2130706433", "https://169.254.169.254"])(
    "does not connect to the address literal %s when private addresses are refused",
    async (origin) => {
      const outcome = await postWebhook(endpointAt(`${origin}/hooks`), event);
      expect(outcome).toMatchObject({ ok: false, responseStatus: null, durationMs: 0, responseBody: expect.stringMatching(/^Not sent: .* is a private or local address; webhooks are only sent to public internet hosts\.$/) });
    },
  );

  it("resolves a host name and does not connect when it resolves to a private address", async () => {
    const port = new URL(receiver.url()).port;
    const outcome = await postWebhook(endpointAt(`http://localhost:${port}/rebound`), event);
    expect(outcome).toMatchObject({ ok: false, responseStatus: null, responseBody: expect.stringMatching(/^Not sent: localhost resolves to (127\.0\.0\.1|::1), a private or local address;/) });
    expect(receiver.received.filter((entry) => entry.path === "/rebound")).toHaveLength(0);
  });
});
