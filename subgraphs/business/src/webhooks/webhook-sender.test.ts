import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WebhookEndpoint } from "./webhook-endpoint.entity.ts";
import type { WebhookEvent } from "./webhook-event.entity.ts";
import { newWebhookSecret } from "./webhook-secret.util.ts";
import { postWebhook } from "./webhook-sender.ts";
import { type WebhookTestReceiver, startWebhookTestReceiver } from "./webhook-test-receiver.ts";

const event = { id: "evt_sender", businessId: "biz_sender", mode: "test", type: "payment.failed", payload: { paymentId: "pay_1" }, createdAt: new Date() } as WebhookEvent;
const endpointAt = (url: string) => ({ id: "we_1", url, secret: newWebhookSecret() }) as WebhookEndpoint;

describe("postWebhook", () => {
  let receiver: WebhookTestReceiver;
  beforeAll(async () => {
    receiver = await startWebhookTestReceiver();
  });
  afterAll(() => receiver.close());

  it("gives up after the timeout and records why", async () => {
    receiver.respond("/slow", () => ({ status: 200, delayMs: 1_500 }));
    const outcome = await postWebhook(endpointAt(receiver.url("/slow")), event, { timeoutMs: 200 });
    expect(outcome).toMatchObject({ ok: false, responseStatus: null, responseBody: expect.stringMatching(/^No answer within/) });
    expect(outcome.durationMs).toBeLessThan(1_400);
  });

  it("records a refused connection as a failed attempt instead of throwing", async () => {
    const outcome = await postWebhook(endpointAt("http://127.0.0.1:9/hooks"), event, { timeoutMs: 2_000 });
    expect(outcome).toMatchObject({ ok: false, responseStatus: null, responseBody: expect.stringMatching(/^Could not connect/) });
  });

  it("treats a redirect as a failure rather than following it", async () => {
    receiver.respond("/moved", () => ({ status: 301, body: "" }));
    const outcome = await postWebhook(endpointAt(receiver.url("/moved")), event);
    expect(outcome).toMatchObject({ ok: false, responseStatus: 301 });
  });
});
