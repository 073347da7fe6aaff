import { type Identity, signIdentity } from "@billfold/shared";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type BusinessApp, createBusinessApp } from "../app.ts";
import { type BusinessTestKit, TEST_SECRET, createBusinessTestKit } from "../testing/business-test-kit.ts";
import { WebhookDelivery } from "./webhook-delivery.entity.ts";
import { WEBHOOK_DELIVERY_QUEUE } from "./webhook-delivery.job.ts";
import { WebhookEvent } from "./webhook-event.entity.ts";
import { emitWebhookEvent } from "./webhook-events.ts";
import { type WebhookTestReceiver, startWebhookTestReceiver } from "./webhook-test-receiver.ts";

const SCOPE = { businessId: "biz_hooks", mode: "test" } as const;
const OTHER = { businessId: "biz_other", mode: "test" } as const;
const merchant = (scope: { businessId: string; mode: "test" | "live" }): Identity => ({ kind: "merchant", ...scope, merchantUserId: "mu_1" });

const ENDPOINT_FIELDS = "id url eventTypes active createdAt";
const DELIVERY_FIELDS = "id eventId endpointId eventType attempt status responseStatus responseBody durationMs nextAttemptAt createdAt";

describe("webhooks", () => {
  let kit: BusinessTestKit;
  let business: BusinessApp;
  let receiver: WebhookTestReceiver;

  const gql = async (scope: { businessId: string; mode: "test" | "live" }, query: string, variables: object = {}) => {
    const response = await business.app.inject({
      method: "POST",
      url: `/business/${scope.businessId}/graphql`,
      headers: { "content-type": "application/json", "x-billfold-identity": signIdentity(merchant(scope), TEST_SECRET) },
      payload: { query, variables },
    });
    return response.json() as { data?: any; errors?: any[] };
  };
  const createEndpoint = async (scope: typeof SCOPE | typeof OTHER, url: string, eventTypes: string[]) => {
    const result = await gql(scope, `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret endpoint { ${ENDPOINT_FIELDS} } } }`, {
      input: { url, eventTypes },
    });
    expect(result.errors).toBeUndefined();
    return result.data.createWebhookEndpoint as { secret: string; endpoint: { id: string } };
  };
  const emit = (scope: typeof SCOPE | typeof OTHER, type: Parameters<typeof emitWebhookEvent>[3], data: object) =>
    kit.orm.em.fork().transactional((tx) => emitWebhookEvent(tx, business.jobs, scope, type, data));
  const deliveriesOf = (endpointId: string) =>
    kit.orm.em.fork().find(WebhookDelivery, { endpointId }, { orderBy: { attempt: "asc" } });
  const receivedAt = (path: string) => receiver.received.filter((entry) => entry.path === path);

  beforeAll(async () => {
    receiver = await startWebhookTestReceiver();
    kit = await createBusinessTestKit();
    business = await createBusinessApp({ config: kit.config, orm: kit.orm, jobsPollingIntervalSeconds: 0.5, webhookRetryScheduleSeconds: [1, 1] });
  });
  afterAll(async () => {
    await business?.close();
    await kit?.close();
    await receiver?.close();
  });

  it("creates an endpoint with a whsec_ secret shown once, never readable afterwards", async () => {
    const created = await createEndpoint(SCOPE, receiver.url("/created"), ["payment.succeeded", "payment.succeeded", "subscription.active"]);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(created.endpoint).toMatchObject({ url: receiver.url("/created"), eventTypes: ["payment.succeeded", "subscription.active"], active: true });
    const listed = await gql(SCOPE, `{ webhookEndpoints { ${ENDPOINT_FIELDS} } }`);
    expect(listed.data.webhookEndpoints.map((e: { id: string }) => e.id)).toContain(created.endpoint.id);
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    const asking = await gql(SCOPE, `{ webhookEndpoints { id secret } }`);
    expect(asking.errors?.[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("refuses plain http to other hosts, unknown event types and an empty list", async () => {
    const attempt = (url: string, eventTypes: string[]) =>
      gql(SCOPE, `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret } }`, { input: { url, eventTypes } });
    for (const [url, types] of [["http://example.com/hook", ["payment.failed"]], ["ftp://127.0.0.1/x", ["payment.failed"]], ["https://user:pw@example.com/", ["payment.failed"]], ["https://example.com/", ["payment.refunded"]], ["https://example.com/", []]] as const) {
      const result = await attempt(url, [...types]);
      expect(result.errors?.[0].extensions.code, url).toBe("BAD_USER_INPUT");
    }
    expect((await attempt("https://hooks.example.com/billfold", ["payment.failed"])).errors).toBeUndefined();
    expect((await attempt("http://localhost:3000/hooks", ["payment.failed"])).errors).toBeUndefined();
  });

  it("delivers a subscribed event to a real receiver, signed per Standard Webhooks, and logs it", async () => {
    const { secret, endpoint } = await createEndpoint(SCOPE, receiver.url("/ok"), ["payment.succeeded"]);
    const unsubscribed = await createEndpoint(SCOPE, receiver.url("/unsubscribed"), ["payment.failed"]);
    const otherBusiness = await createEndpoint(OTHER, receiver.url("/other"), ["payment.succeeded"]);
    await emit(SCOPE, "payment.succeeded", { paymentId: "pay_ok", amount: 1200, currency: "EUR" });

    await vi.waitFor(() => expect(receivedAt("/ok")).toHaveLength(1), { timeout: 10_000 });
    const [request] = receivedAt("/ok");
    const event = await kit.orm.em.fork().findOneOrFail(WebhookEvent, { id: request.headers["webhook-id"] });
    expect(event.id).toMatch(/^evt_/);
    expect(new Webhook(secret).verify(request.body, request.headers)).toEqual({
      type: "payment.succeeded",
      timestamp: event.createdAt.toISOString(),
      data: { paymentId: "pay_ok", amount: 1200, currency: "EUR" },
    });
    expect(request.headers["content-type"]).toBe("application/json");
    expect(Math.abs(Number(request.headers["webhook-timestamp"]) - Date.now() / 1000)).toBeLessThan(30);

    await vi.waitFor(async () => expect((await deliveriesOf(endpoint.id))[0]?.status).toBe("succeeded"), { timeout: 5_000 });
    const log = await gql(SCOPE, `query($id: ID!) { webhookDeliveries(endpointId: $id) { totalCount nodes { ${DELIVERY_FIELDS} } } }`, { id: endpoint.id });
    expect(log.data.webhookDeliveries.totalCount).toBe(1);
    expect(log.data.webhookDeliveries.nodes[0]).toMatchObject({ eventId: event.id, eventType: "payment.succeeded", attempt: 1, status: "succeeded", responseStatus: 200, responseBody: "ok", nextAttemptAt: null });
    expect(log.data.webhookDeliveries.nodes[0].durationMs).toBeGreaterThanOrEqual(0);

    expect(await deliveriesOf(unsubscribed.endpoint.id)).toHaveLength(0);
    expect(await deliveriesOf(otherBusiness.endpoint.id)).toHaveLength(0);
    expect(receivedAt("/unsubscribed")).toHaveLength(0);
    expect(receivedAt("/other")).toHaveLength(0);
  });

  it("delivers events emitted in one transaction to an endpoint in the order they were emitted", async () => {
    const { endpoint } = await createEndpoint(SCOPE, receiver.url("/ordered"), ["payment.succeeded", "subscription.active"]);
    for (let i = 0; i < 5; i++) {
      await kit.orm.em.fork().transactional(async (tx) => {
        await emitWebhookEvent(tx, business.jobs, SCOPE, "payment.succeeded", { round: i });
        await emitWebhookEvent(tx, business.jobs, SCOPE, "subscription.active", { round: i });
      });
    }
    await vi.waitFor(() => expect(receivedAt("/ordered")).toHaveLength(10), { timeout: 15_000 });
    const seen = receivedAt("/ordered").map((r) => JSON.parse(r.body) as { type: string; data: { round: number } });
    expect(seen.map((e) => `${e.data.round}:${e.type}`)).toEqual(
      [0, 1, 2, 3, 4].flatMap((round) => [`${round}:payment.succeeded`, `${round}:subscription.active`]),
    );
    expect(await deliveriesOf(endpoint.id)).toHaveLength(10);
  });

  it("writes no event, delivery or job when the emitting transaction rolls back", async () => {
    const { endpoint } = await createEndpoint(SCOPE, receiver.url("/rollback"), ["subscription.cancelled"]);
    const before = await kit.orm.em.fork().count(WebhookEvent, { type: "subscription.cancelled" });
    await expect(
      kit.orm.em.fork().transactional(async (tx) => {
        await emitWebhookEvent(tx, business.jobs, SCOPE, "subscription.cancelled", { subscriptionId: "sub_x" });
        await tx.flush();
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await kit.orm.em.fork().count(WebhookEvent, { type: "subscription.cancelled" })).toBe(before);
    expect(await deliveriesOf(endpoint.id)).toHaveLength(0);
    const jobs = await business.jobs.boss.findJobs(WEBHOOK_DELIVERY_QUEUE);
    const deliveryIds = new Set((await kit.orm.em.fork().find(WebhookDelivery, {})).map((d) => d.id));
    expect(jobs.filter((job) => !deliveryIds.has((job.data as { deliveryId: string }).deliveryId))).toHaveLength(0);
  });

  it("refuses to emit outside a transaction", async () => {
    await expect(emitWebhookEvent(kit.orm.em.fork(), business.jobs, SCOPE, "payment.failed", {})).rejects.toThrow(/inside the transaction/);
  });

  it("retries a failing receiver with back-off and logs every attempt, truncating long answers to 1 KB", async () => {
    receiver.respond("/flaky", (count) => (count < 3 ? { status: 500, body: "é".repeat(3000) } : { status: 204 }));
    const { endpoint } = await createEndpoint(SCOPE, receiver.url("/flaky"), ["subscription.on_hold"]);
    await emit(SCOPE, "subscription.on_hold", { subscriptionId: "sub_flaky" });

    await vi.waitFor(async () => expect((await deliveriesOf(endpoint.id)).map((d) => d.status)).toEqual(["failed", "failed", "succeeded"]), {
      timeout: 20_000,
      interval: 200,
    });
    const attempts = await deliveriesOf(endpoint.id);
    expect(attempts.map((d) => d.attempt)).toEqual([1, 2, 3]);
    expect(attempts.map((d) => d.responseStatus)).toEqual([500, 500, 204]);
    expect(Buffer.byteLength(attempts[0].responseBody!, "utf8")).toBeLessThanOrEqual(1024);
    expect(attempts[0].responseBody!.length).toBeGreaterThan(500);
    // Each failed attempt names when the next one is due, at least the back-off later.
    expect(attempts[0].nextAttemptAt!.getTime() - attempts[0].createdAt.getTime()).toBeGreaterThanOrEqual(900);
    expect(attempts[2].nextAttemptAt).toBeNull();
    const ids = new Set(receivedAt("/flaky").map((r) => r.headers["webhook-id"]));
    expect(ids.size).toBe(1); // the same webhook-id on every attempt: receivers deduplicate on it
  });

  it("stops after the last scheduled retry and leaves the delivery failed", async () => {
    receiver.respond("/down", () => ({ status: 503, body: "maintenance" }));
    const { endpoint } = await createEndpoint(SCOPE, receiver.url("/down"), ["subscription.renewed"]);
    await emit(SCOPE, "subscription.renewed", { subscriptionId: "sub_down" });
    await vi.waitFor(async () => expect(await deliveriesOf(endpoint.id)).toHaveLength(3), { timeout: 20_000, interval: 200 });
    await vi.waitFor(async () => expect((await deliveriesOf(endpoint.id))[2].status).toBe("failed"), { timeout: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const attempts = await deliveriesOf(endpoint.id);
    expect(attempts.map((d) => d.status)).toEqual(["failed", "failed", "failed"]);
    expect(attempts[2].nextAttemptAt).toBeNull();
    expect(receivedAt("/down")).toHaveLength(3);
  });

  it("resends an event on request as a new logged attempt with the same webhook-id", async () => {
    const { secret, endpoint } = await createEndpoint(SCOPE, receiver.url("/resend"), ["license_key.created"]);
    await emit(SCOPE, "license_key.created", { licenseKeyId: "lk_1" });
    await vi.waitFor(() => expect(receivedAt("/resend")).toHaveLength(1), { timeout: 10_000 });
    const eventId = receivedAt("/resend")[0].headers["webhook-id"];
    await vi.waitFor(async () => expect((await deliveriesOf(endpoint.id))[0]?.status).toBe("succeeded"), { timeout: 5_000 });

    const result = await gql(SCOPE, `mutation($e: ID!, $p: ID!) { resendWebhookEvent(eventId: $e, endpointId: $p) { ${DELIVERY_FIELDS} } }`, { e: eventId, p: endpoint.id });
    expect(result.errors).toBeUndefined();
    expect(result.data.resendWebhookEvent).toMatchObject({ eventId, endpointId: endpoint.id, attempt: 2, status: "pending" });
    await vi.waitFor(() => expect(receivedAt("/resend")).toHaveLength(2), { timeout: 10_000 });
    const again = receivedAt("/resend")[1];
    expect(again.headers["webhook-id"]).toBe(eventId);
    expect(new Webhook(secret).verify(again.body, again.headers)).toMatchObject({ type: "license_key.created", data: { licenseKeyId: "lk_1" } });
    await vi.waitFor(async () => expect((await deliveriesOf(endpoint.id)).map((d) => d.status)).toEqual(["succeeded", "succeeded"]), { timeout: 5_000 });
  });

  it("hides one business's endpoints, events and logs from another", async () => {
    const { endpoint } = await createEndpoint(SCOPE, receiver.url("/private"), ["payment.failed"]);
    await emit(SCOPE, "payment.failed", { paymentId: "pay_private" });
    const event = await kit.orm.em.fork().findOneOrFail(WebhookEvent, { type: "payment.failed", businessId: SCOPE.businessId }, { orderBy: { createdAt: "desc" } });
    const log = await gql(OTHER, `query($id: ID!) { webhookDeliveries(endpointId: $id) { totalCount } }`, { id: endpoint.id });
    expect(log.errors?.[0].extensions.code).toBe("NOT_FOUND");
    const resend = await gql(OTHER, `mutation($e: ID!, $p: ID!) { resendWebhookEvent(eventId: $e, endpointId: $p) { id } }`, { e: event.id, p: endpoint.id });
    expect(resend.errors?.[0].extensions.code).toBe("NOT_FOUND");
    const update = await gql(OTHER, `mutation($id: ID!) { updateWebhookEndpoint(id: $id, input: { active: false }) { id } }`, { id: endpoint.id });
    expect(update.errors?.[0].extensions.code).toBe("NOT_FOUND");
    const listed = await gql(OTHER, `{ webhookEndpoints { id } }`);
    expect(listed.data.webhookEndpoints.map((e: { id: string }) => e.id)).not.toContain(endpoint.id);
  });

  it("updates and deletes endpoints; a disabled or deleted endpoint receives nothing", async () => {
    const { endpoint } = await createEndpoint(SCOPE, receiver.url("/toggle"), ["subscription.plan_changed"]);
    const updated = await gql(SCOPE, `mutation($id: ID!) { updateWebhookEndpoint(id: $id, input: { active: false, eventTypes: ["subscription.plan_changed", "payment.failed"] }) { ${ENDPOINT_FIELDS} } }`, { id: endpoint.id });
    expect(updated.data.updateWebhookEndpoint).toMatchObject({ active: false, eventTypes: ["payment.failed", "subscription.plan_changed"] });
    await emit(SCOPE, "subscription.plan_changed", { subscriptionId: "sub_off" });
    expect(await deliveriesOf(endpoint.id)).toHaveLength(0);

    const deleted = await gql(SCOPE, `mutation($id: ID!) { deleteWebhookEndpoint(id: $id) }`, { id: endpoint.id });
    expect(deleted.data.deleteWebhookEndpoint).toBe(true);
    const listed = await gql(SCOPE, `{ webhookEndpoints { id } }`);
    expect(listed.data.webhookEndpoints.map((e: { id: string }) => e.id)).not.toContain(endpoint.id);
    const again = await gql(SCOPE, `mutation($id: ID!) { deleteWebhookEndpoint(id: $id) }`, { id: endpoint.id });
    expect(again.errors?.[0].extensions.code).toBe("NOT_FOUND");
    expect(receivedAt("/toggle")).toHaveLength(0);
  });

  it("refuses people and anonymous callers", async () => {
    const response = await business.app.inject({
      method: "POST",
      url: `/business/${SCOPE.businessId}/graphql`,
      headers: {
        "content-type": "application/json",
        "x-billfold-identity": signIdentity({ kind: "person", email: "p@example.com", sessionId: "s", mode: "test", accounts: [] }, TEST_SECRET),
      },
      payload: { query: "{ webhookEndpoints { id } }" },
    });
    expect(response.statusCode).toBe(403);
  });
});
