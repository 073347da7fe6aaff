import { type Identity, signIdentity } from "@billfold/shared";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { BusinessApp } from "../app.ts";
import { type BusinessTestKit, TEST_SECRET, createBusinessTestKit } from "../testing/business-test-kit.ts";
import { WebhookDelivery } from "./webhook-delivery.entity.ts";
import { WebhookEndpoint } from "./webhook-endpoint.entity.ts";
import { emitWebhookEvent } from "./webhook-events.ts";
import { newWebhookSecret } from "./webhook-secret.util.ts";
import { type WebhookTestReceiver, startWebhookTestReceiver } from "./webhook-test-receiver.ts";

const SCOPE = { businessId: "biz_ssrf", mode: "test" } as const;
const merchant: Identity = { kind: "merchant", ...SCOPE, merchantUserId: "mu_1" };

describe("webhooks with WEBHOOK_ALLOW_PRIVATE_URLS=false", () => {
  let kit: BusinessTestKit;
  let business: BusinessApp;
  let receiver: WebhookTestReceiver;

  const gql = async (query: string, variables: object = {}) => {
    const response = await business.app.inject({
      method: "POST",
      url: `/business/${SCOPE.businessId}/graphql`,
      headers: { "content-type": "application/json", "x-billfold-identity": signIdentity(merchant, TEST_SECRET) },
      payload: { query, variables },
    });
    return response.json() as { data?: any; errors?: any[] };
  };
  const create = (url: string) =>
    gql(`mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id url } } }`, { input: { url, eventTypes: ["payment.failed"] } });
  /** An endpoint already stored (registered under another setting, or whose DNS changed since). */
  const storedEndpoint = (url: string) =>
    kit.orm.em.fork().transactional(async (tx) => tx.create(WebhookEndpoint, { ...SCOPE, url, eventTypes: ["payment.failed"], secret: newWebhookSecret() }));

  beforeAll(async () => {
    receiver = await startWebhookTestReceiver();
    kit = await createBusinessTestKit();
    business = await kit.startApp({ WEBHOOK_ALLOW_PRIVATE_URLS: false });
  });
  afterAll(async () => {
    await kit?.close();
    await receiver?.close();
  });

  it.each([
    [receiver => receiver.url("/create"), /must be https:\/\//],
    [() => "https://127.0.0.1/hooks", /127\.0\.0\.1 is a private or local address\. Webhooks are only sent to public internet hosts\./],
    [() => "https://169.254.169.254/latest/meta-data", /169\.254\.169\.254 is a private or local address/],
    [() => "https://10.1.2.3/hooks", /10\.1\.2\.3 is a private or local address/],
    [() => "https://192.168.0.10/hooks", /private or local address/],
    [() => "https://172.20.0.1/hooks", /private or local address/],
    [() => "https://[::1]/hooks", /\[::1\] is a private or local address/],
    [() => "https://[fd00::1]/hooks", /private or local address/],
    [() => "https://[::ffff:127.0.0.1]/hooks", /\[::ffff:7f00:1\] is a private or local address/],
    [() => "https://2130706433/hooks", /127\.0\.0\.1 is a private or local address/],
    [() => "https://0.0.0.0/hooks", /private or local address/],
    [() => "https://localhost/hooks", /localhost is a local host name/],
    [() => "https://metadata.google.internal/computeMetadata", /local host name/],
    [() => "https://intranet/hooks", /not a public host name/],
    [() => "http://hooks.example.com/billfold", /must be https:\/\//],
    [() => "ftp://hooks.example.com/billfold", /must be https:\/\//],
    [() => "https://user:secret@hooks.example.com/billfold", /Remove the user name and password/],
  ] as [(receiver: WebhookTestReceiver) => string, RegExp][])("refuses to register endpoint #%#", async (url, message) => {
    const result = await create(url(receiver));
    expect(result.errors?.[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0].message).toMatch(message);
  });

  it("registers a public https endpoint and refuses to point it at a private address later", async () => {
    const created = await create("https://hooks.example.com/billfold");
    expect(created.errors).toBeUndefined();
    const { id } = created.data.createWebhookEndpoint.endpoint;
    const moved = await gql(`mutation($id: ID!, $url: String!) { updateWebhookEndpoint(id: $id, input: { url: $url }) { url } }`, { id, url: "https://169.254.169.254/" });
    expect(moved.errors?.[0].extensions.code).toBe("BAD_USER_INPUT");
    expect((await kit.orm.em.fork().findOneOrFail(WebhookEndpoint, id)).url).toBe("https://hooks.example.com/billfold");
    await gql(`mutation($id: ID!) { deleteWebhookEndpoint(id: $id) }`, { id });
  });

  it("does not send a delivery to a host that resolves to 127.0.0.1, nor to a private address literal, and logs why", async () => {
    const port = new URL(receiver.url()).port;
    const byName = await storedEndpoint(`http://localhost:${port}/rebound`);
    const byAddress = await storedEndpoint(`http://127.0.0.1:${port}/literal`);
    await kit.orm.em.fork().transactional((tx) => emitWebhookEvent(tx, business.jobs, SCOPE, "payment.failed", { paymentId: "pay_ssrf" }));

    const firstAttempt = async (endpointId: string) => {
      const [delivery] = await kit.orm.em.fork().find(WebhookDelivery, { endpointId }, { orderBy: { attempt: "asc" } });
      return delivery;
    };
    await vi.waitFor(async () => {
      expect((await firstAttempt(byName.id))?.status).toBe("failed");
      expect((await firstAttempt(byAddress.id))?.status).toBe("failed");
    }, { timeout: 10_000 });
    expect(await firstAttempt(byName.id)).toMatchObject({
      responseStatus: null,
      responseBody: expect.stringMatching(/^Not sent: localhost resolves to (127\.0\.0\.1|::1), a private or local address; webhooks are only sent to public internet hosts\.$/),
    });
    expect(await firstAttempt(byAddress.id)).toMatchObject({
      responseStatus: null,
      responseBody: "Not sent: 127.0.0.1 is a private or local address; webhooks are only sent to public internet hosts.",
    });
    expect(receiver.received).toHaveLength(0);
  });
});
