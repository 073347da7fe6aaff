import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../api-keys/api-key.service.ts";
import { type BusinessApp, createBusinessApp } from "../app.ts";
import { type BusinessTestKit, createBusinessTestKit, merchantQuery, seedFullAccount } from "../testing/business-test-kit.ts";
import type { AccountsLinks, PortalLinkRequest } from "./accounts-links.client.ts";

const ACME = "biz_acme";
const GLOBEX = "biz_globex";

let kit: BusinessTestKit;
let shard: BusinessApp;
const requests: PortalLinkRequest[] = [];
const links: AccountsLinks = {
  async create(request) {
    requests.push(request);
    return { link: `http://localhost:4000/auth/${"t".repeat(32)}`, expiresAt: "2026-06-01T10:00:00.000Z" };
  },
};
let testKey: string;
let liveKey: string;
let testCustomer: string;
let liveCustomer: string;
let globexCustomer: string;

beforeAll(async () => {
  kit = await createBusinessTestKit();
  shard = await createBusinessApp({ config: kit.config, orm: kit.orm, links, jobsPollingIntervalSeconds: 0.5 });
  const em = kit.orm.em.fork();
  testKey = (await createApiKey(em, { businessId: ACME, mode: "test", name: "ci" })).key;
  liveKey = (await createApiKey(em, { businessId: ACME, mode: "live", name: "prod" })).key;
  testCustomer = (await seedFullAccount(em, { businessId: ACME, mode: "test" }, "tess@acme.test")).id;
  liveCustomer = (await seedFullAccount(em, { businessId: ACME, mode: "live" }, "liv@acme.test")).id;
  globexCustomer = (await seedFullAccount(em, { businessId: GLOBEX, mode: "test" }, "gus@globex.test")).id;
});
afterAll(async () => {
  await shard?.close();
  await kit?.close();
});

const rest = (customerId: string, key: string | null, query = "", body?: object) =>
  shard.app.inject({
    method: "POST",
    url: `/customers/${customerId}/customer-portal/session${query}`,
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(body ? { "content-type": "application/json" } : {}) },
    payload: body ? JSON.stringify(body) : undefined,
  });

describe("portal session REST API", () => {
  it("answers { link } as JSON and asks accounts for a portal link in the key's business and mode", async () => {
    const response = await rest(testCustomer, testKey, "?send_email=true&return_url=https%3A%2F%2Fshop.test%2Faccount");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^application\/json/);
    expect(response.json()).toEqual({ link: `http://localhost:4000/auth/${"t".repeat(32)}` });
    expect(requests.at(-1)).toEqual({
      kind: "portal",
      businessId: ACME,
      customerId: testCustomer,
      email: "tess@acme.test",
      mode: "test",
      returnUrl: "https://shop.test/account",
      flow: null,
      subscriptionId: null,
      sendEmail: true,
    });
  });

  it("takes the same fields from a JSON body", async () => {
    await rest(liveCustomer, liveKey, "", { send_email: false, return_url: "https://shop.test/", flow: "update_payment_method" });
    expect(requests.at(-1)).toMatchObject({ mode: "live", customerId: liveCustomer, sendEmail: false, flow: "update_payment_method" });
  });

  it("answers 404 for another business's customer and for a customer of the other mode", async () => {
    const before = requests.length;
    expect((await rest(globexCustomer, testKey)).statusCode).toBe(404);
    // A live key cannot open a test-mode customer (and so never makes a test-mode session).
    expect((await rest(testCustomer, liveKey)).statusCode).toBe(404);
    expect(requests.length).toBe(before);
  });

  it("answers 401 without a valid key and 400 for an unknown flow", async () => {
    expect((await rest(testCustomer, null)).statusCode).toBe(401);
    expect((await rest(testCustomer, `sk_test_${ACME}_${"a".repeat(32)}`)).statusCode).toBe(401);
    expect((await rest(testCustomer, testKey, "", { flow: "delete_account" })).statusCode).toBe(400);
  });
});

describe("portal session GraphQL on the merchant endpoint", () => {
  it("creates a portal session and an invite link for the caller's own customer", async () => {
    const session = await merchantQuery(
      shard.app,
      ACME,
      testKey,
      `mutation ($id: ID!) { createCustomerPortalSession(customerId: $id, sendEmail: true, flow: cancel_subscription, subscriptionId: "sub_1") { link expiresAt } }`,
      { id: testCustomer },
    );
    expect(session.body).toEqual({ data: { createCustomerPortalSession: { link: `http://localhost:4000/auth/${"t".repeat(32)}`, expiresAt: "2026-06-01T10:00:00.000Z" } } });
    expect(requests.at(-1)).toMatchObject({ kind: "portal", sendEmail: true, flow: "cancel_subscription", subscriptionId: "sub_1", mode: "test" });

    const invite = await merchantQuery(shard.app, ACME, testKey, `mutation ($id: ID!) { createCustomerInviteLink(customerId: $id) { link } }`, { id: testCustomer });
    expect(invite.body.errors).toBeUndefined();
    expect(requests.at(-1)).toEqual({ kind: "invite", businessId: ACME, customerId: testCustomer, email: "tess@acme.test", mode: "test" });
  });

  it("refuses another business's customer with NOT_FOUND", async () => {
    const result = await merchantQuery(shard.app, ACME, testKey, `mutation ($id: ID!) { createCustomerInviteLink(customerId: $id) { link } }`, { id: globexCustomer });
    expect(result.body.errors?.[0].extensions.code).toBe("NOT_FOUND");
  });
});
