import type { Identity } from "@billfold/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../api-keys/api-key.service.ts";
import { ApiKey } from "../api-keys/api-key.entity.ts";
import type { BusinessApp } from "../app.ts";
import { Customer } from "../customers/customer.entity.ts";
import { type BusinessTestKit, createBusinessTestKit, gatewayQuery, merchantQuery, seedFullAccount } from "../testing/business-test-kit.ts";

const ACME = "biz_acme";
const GLOBEX = "biz_globex";

const CUSTOMERS = `query ($search: String, $first: Int, $after: String) {
  customers(search: $search, first: $first, after: $after) { nodes { id email } pageInfo { hasNextPage endCursor } totalCount }
}`;

describe("merchant endpoint /business/:businessId/graphql", () => {
  let kit: BusinessTestKit;
  let business: BusinessApp;
  let acmeTestKey: string;
  let acmeLiveKey: string;
  let globexKey: string;
  let liveCustomerId: string;
  let testCustomerId: string;

  beforeAll(async () => {
    kit = await createBusinessTestKit();
    business = await kit.startApp();
    const em = kit.orm.em.fork();
    acmeTestKey = (await createApiKey(em, { businessId: ACME, mode: "test", name: "ci" })).key;
    acmeLiveKey = (await createApiKey(em, { businessId: ACME, mode: "live", name: "prod" })).key;
    globexKey = (await createApiKey(em, { businessId: GLOBEX, mode: "test", name: "ci" })).key;
    for (let i = 0; i < 5; i++) {
      const customer = await seedFullAccount(em, { businessId: ACME, mode: "test" }, `user${i}@acme.test`);
      if (i === 0) testCustomerId = customer.id;
    }
    em.create(Customer, { businessId: ACME, mode: "test", email: "zoe@other.test", name: "Zoë Acmefan" });
    liveCustomerId = (await seedFullAccount(em, { businessId: ACME, mode: "live" }, "live@acme.test")).id;
    await seedFullAccount(em, { businessId: GLOBEX, mode: "test" }, "user0@globex.test");
    await em.flush();
  });
  afterAll(() => kit?.close());

  it("lists only the key's business and mode, newest first", async () => {
    const { status, body } = await merchantQuery(business.app, ACME, acmeTestKey, CUSTOMERS, { first: 100 });
    expect(status).toBe(200);
    expect(body.data.customers.totalCount).toBe(6);
    const expected = await kit.orm.em.fork().find(Customer, { businessId: ACME, mode: "test" }, { orderBy: { createdAt: "desc", id: "desc" } });
    expect(body.data.customers.nodes.map((node: { email: string }) => node.email)).toEqual(expected.map((customer) => customer.email));
    expect(expected.map((customer) => customer.email).sort()).toEqual([
      "user0@acme.test", "user1@acme.test", "user2@acme.test", "user3@acme.test", "user4@acme.test", "zoe@other.test",
    ]);
    const live = await merchantQuery(business.app, ACME, acmeLiveKey, CUSTOMERS, {});
    expect(live.body.data.customers.nodes.map((node: { email: string }) => node.email)).toEqual(["live@acme.test"]);
  });

  it("pages through customers with a keyset cursor", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const { body } = await merchantQuery(business.app, ACME, acmeTestKey, CUSTOMERS, { first: 4, after });
      seen.push(...body.data.customers.nodes.map((node: { email: string }) => node.email));
      expect(body.data.customers.totalCount).toBe(6);
      if (!body.data.customers.pageInfo.hasNextPage) break;
      after = body.data.customers.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
  });

  it("searches email and name case-insensitively", async () => {
    const byName = await merchantQuery(business.app, ACME, acmeTestKey, CUSTOMERS, { search: "ACMEFAN" });
    expect(byName.body.data.customers.nodes.map((node: { email: string }) => node.email)).toEqual(["zoe@other.test"]);
    const byEmail = await merchantQuery(business.app, ACME, acmeTestKey, CUSTOMERS, { search: "User3@" });
    expect(byEmail.body.data.customers.nodes.map((node: { email: string }) => node.email)).toEqual(["user3@acme.test"]);
    const wildcard = await merchantQuery(business.app, ACME, acmeTestKey, CUSTOMERS, { search: "%" });
    expect(wildcard.body.data.customers.totalCount).toBe(0);
  });

  it("pages subscriptions, invoices and license keys, filtered by customer", async () => {
    const query = `query ($customerId: ID, $after: String) {
      subscriptions(customerId: $customerId, status: active, first: 2, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } totalCount }
      invoices(customerId: $customerId, first: 2) { nodes { number } totalCount }
      licenseKeys(first: 2) { nodes { maskedKey } pageInfo { hasNextPage } totalCount }
    }`;
    const all = await merchantQuery(business.app, ACME, acmeTestKey, query, {});
    expect(all.body.data.subscriptions).toMatchObject({ totalCount: 5, pageInfo: { hasNextPage: true } });
    const next = await merchantQuery(business.app, ACME, acmeTestKey, query, { after: all.body.data.subscriptions.pageInfo.endCursor });
    expect(next.body.data.subscriptions.nodes).toHaveLength(2);
    expect(next.body.data.subscriptions.nodes[0].id).not.toBe(all.body.data.subscriptions.nodes[1].id);
    expect(all.body.data.licenseKeys).toMatchObject({ totalCount: 5, pageInfo: { hasNextPage: true } });
    const one = await merchantQuery(business.app, ACME, acmeTestKey, query, { customerId: testCustomerId });
    expect(one.body.data.subscriptions.totalCount).toBe(1);
    expect(one.body.data.invoices.totalCount).toBe(1);
  });

  it("answers NOT_FOUND for the other mode's customer and FORBIDDEN for another business's key", async () => {
    const query = `query ($id: ID!) { customer(id: $id) { id email } }`;
    const own = await merchantQuery(business.app, ACME, acmeTestKey, query, { id: testCustomerId });
    expect(own.body.data.customer.email).toBe("user0@acme.test");
    const otherMode = await merchantQuery(business.app, ACME, acmeTestKey, query, { id: liveCustomerId });
    expect(otherMode.body.errors?.[0].extensions.code).toBe("NOT_FOUND");
    const otherBusiness = await merchantQuery(business.app, ACME, globexKey, query, { id: testCustomerId });
    expect(otherBusiness.status).toBe(403);
    expect(otherBusiness.body.errors?.[0].extensions.code).toBe("FORBIDDEN");
  });

  it("answers 401 without a key, with an unknown key and with a revoked key", async () => {
    expect((await merchantQuery(business.app, ACME, null, CUSTOMERS)).status).toBe(401);
    const unknown = await merchantQuery(business.app, ACME, `sk_test_${ACME}_${"a".repeat(32)}`, CUSTOMERS);
    expect(unknown.status).toBe(401);
    expect(unknown.body.errors?.[0].extensions.code).toBe("UNAUTHENTICATED");
    const em = kit.orm.em.fork();
    const { key, apiKey } = await createApiKey(em, { businessId: ACME, mode: "test", name: "old" });
    apiKey.revokedAt = new Date();
    await em.flush();
    expect((await merchantQuery(business.app, ACME, key, CUSTOMERS)).status).toBe(401);
  });

  it("touches lastUsedAt at most once a minute", async () => {
    const em = kit.orm.em.fork();
    const { key, apiKey } = await createApiKey(em, { businessId: ACME, mode: "test", name: "touch" });
    await merchantQuery(business.app, ACME, key, CUSTOMERS);
    const first = (await kit.orm.em.fork().findOneOrFail(ApiKey, apiKey.id)).lastUsedAt;
    expect(first).toBeInstanceOf(Date);
    await merchantQuery(business.app, ACME, key, CUSTOMERS);
    expect((await kit.orm.em.fork().findOneOrFail(ApiKey, apiKey.id)).lastUsedAt).toEqual(first);
  });

  it("refuses `first` above 100 with BAD_USER_INPUT", async () => {
    const { body } = await merchantQuery(business.app, ACME, acmeTestKey, CUSTOMERS, { first: 101 });
    expect(body.errors?.[0].extensions.code).toBe("BAD_USER_INPUT");
  });

  it("creates customers idempotently by email and validates the email", async () => {
    const mutation = `mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id email name } }`;
    const first = await merchantQuery(business.app, ACME, acmeTestKey, mutation, { input: { email: " New@Acme.Test ", name: "New" } });
    expect(first.body.data.createCustomer).toMatchObject({ email: "new@acme.test", name: "New" });
    const again = await merchantQuery(business.app, ACME, acmeTestKey, mutation, { input: { email: "new@acme.test" } });
    expect(again.body.data.createCustomer.id).toBe(first.body.data.createCustomer.id);
    const bad = await merchantQuery(business.app, ACME, acmeTestKey, mutation, { input: { email: "not-an-email" } });
    expect(bad.body.errors?.[0].extensions.code).toBe("BAD_USER_INPUT");
  });

  it("accepts the gateway-signed merchant of the business and refuses a signed person", async () => {
    const merchant: Identity = { kind: "merchant", businessId: ACME, mode: "live", merchantUserId: "mu_1" };
    const response = await business.app.inject({
      method: "POST",
      url: `/business/${ACME}/graphql`,
      headers: { "content-type": "application/json", "x-billfold-identity": (await import("@billfold/shared")).signIdentity(merchant, kit.config.IDENTITY_SECRET) },
      payload: { query: "{ customers { totalCount } }" },
    });
    expect(response.json().data.customers.totalCount).toBe(1);
    const person: Identity = { kind: "person", email: "user0@acme.test", sessionId: "s", mode: "test", accounts: [{ businessId: ACME, customerId: testCustomerId }] };
    const viaGateway = await gatewayQuery(business.app, person, "{ customers { totalCount } }");
    expect(viaGateway.body.errors?.[0].extensions.code).toBe("FORBIDDEN");
  });

  it("never serves _entities to an API key", async () => {
    const { body } = await merchantQuery(business.app, ACME, acmeTestKey, `query ($r: [_Any!]!) { _entities(representations: $r) { ... on CustomerAccount { customerId } } }`, {
      r: [{ __typename: "CustomerAccount", businessId: ACME, customerId: testCustomerId }],
    });
    expect(body.data._entities).toEqual([null]);
    expect(body.errors?.[0].extensions.code).toBe("FORBIDDEN");
  });
});
