import type { Identity } from "@billfold/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BusinessApp } from "../app.ts";
import { type BusinessTestKit, createBusinessTestKit, gatewayQuery, seedFullAccount } from "../testing/business-test-kit.ts";
import { AccountLoaders } from "./account-loaders.ts";

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on CustomerAccount {
      businessId customerId
      customer { id email name }
      subscriptions { id status amount product { id name } paymentMethod { last4 } }
      invoices(first: 5) { id number total lines { amount } pdfUrl }
      payments(first: 5) { id kind amount invoice { number } refunds { amount } }
      paymentMethods { id brand last4 isDefault }
      licenseKeys { id maskedKey activationsUsed product { name } instances { name } }
    }
  }
}`;

// The web app's unified dashboard, as the gateway asks each shard for it.
const DASHBOARD = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on CustomerAccount {
      businessId customerId
      subscriptions { id status product { name } amount currency nextBillingDate }
      invoices(first: 10) { id number total currency issuedAt }
      licenseKeys { id maskedKey status }
    }
  }
}`;

const BUSINESS = "biz_entities";
const representation = (customerId: string, businessId = BUSINESS) => ({ __typename: "CustomerAccount", businessId, customerId });

describe("CustomerAccount entities", () => {
  let kit: BusinessTestKit;
  let business: BusinessApp;
  let customerIds: string[];
  let liveCustomerId: string;

  beforeAll(async () => {
    kit = await createBusinessTestKit();
    business = await kit.startApp();
    const em = kit.orm.em.fork();
    customerIds = [];
    for (let i = 0; i < 100; i++) {
      customerIds.push((await seedFullAccount(em, { businessId: BUSINESS, mode: "test" }, `c${i}@example.com`)).id);
    }
    liveCustomerId = (await seedFullAccount(em, { businessId: BUSINESS, mode: "live" }, "c0@example.com")).id;
  });
  afterAll(() => kit?.close());

  const personFor = (ids: string[], mode: "test" | "live" = "test"): Identity => ({
    kind: "person",
    email: "someone@example.com",
    sessionId: "ses_1",
    mode,
    accounts: ids.map((customerId) => ({ businessId: BUSINESS, customerId })),
  });

  async function statementsFor(count: number, query = ENTITIES) {
    const ids = customerIds.slice(0, count).reverse();
    kit.statements.length = 0;
    const { body } = await gatewayQuery(business.app, personFor(ids), query, { representations: ids.map((id) => representation(id)) });
    expect(body.errors).toBeUndefined();
    expect(body.data._entities.map((entity: { customerId: string }) => entity.customerId)).toEqual(ids);
    expect(body.data._entities.map((entity: { subscriptions: { id: string }[] }) => entity.subscriptions.length)).toEqual(ids.map(() => 1));
    if (query === ENTITIES) expect(body.data._entities.map((entity: { customer: { id: string } }) => entity.customer.id)).toEqual(ids);
    return [...kit.statements];
  }

  it("answers 1, 10 and 100 representations in order with the same number of SQL statements", async () => {
    const one = await statementsFor(1);
    const ten = await statementsFor(10);
    const hundred = await statementsFor(100);
    // The 6 account fields with subscription and license products in one; card, payment invoice, refunds, instances.
    expect(one.length).toBe(5);
    expect(ten.length).toBe(one.length);
    expect(hundred.length).toBe(one.length);
  });

  it("reads the unified dashboard of 1, 10 or 100 accounts in one statement", async () => {
    for (const count of [1, 10, 100]) expect(await statementsFor(count, DASHBOARD)).toHaveLength(1);
  });

  it("reads the account lists as plain rows: nothing enters the request's identity map", async () => {
    const em = kit.orm.em.fork();
    const loaders = new AccountLoaders(em);
    const account = { businessId: BUSINESS, mode: "test" as const, customerId: customerIds[5] };
    const [customer, subscriptions, invoices, keys] = await Promise.all([
      loaders.customer(account),
      loaders.subscriptions(account),
      loaders.invoices(account, 10, null),
      loaders.licenseKeys(account),
    ]);
    expect(customer).toEqual({ id: customerIds[5], email: "c5@example.com", name: "c5", phone: null });
    expect(subscriptions).toEqual([expect.objectContaining({ status: "active", product: expect.objectContaining({ name: "Pro" }), createdAt: expect.any(Date) })]);
    expect(invoices[0].issuedAt).toBeInstanceOf(Date);
    expect(keys[0].product?.name).toBe("Pro");
    expect([...subscriptions, ...invoices, ...keys].some((row) => Object.getPrototypeOf(row) !== Object.prototype)).toBe(false);
    expect(em.getUnitOfWork().getIdentityMap().values()).toEqual([]);
  });

  it("resolves every field of an account with its own rows", async () => {
    const id = customerIds[7];
    const { body } = await gatewayQuery(business.app, personFor([id]), ENTITIES, { representations: [representation(id)] });
    const account = body.data._entities[0];
    expect(account.customer).toEqual({ id, email: "c7@example.com", name: "c7" });
    expect(account.subscriptions).toEqual([expect.objectContaining({ status: "active", amount: 1200, product: expect.objectContaining({ name: "Pro" }), paymentMethod: { last4: "4242" } })]);
    expect(account.invoices[0]).toMatchObject({ total: 1200, lines: [{ amount: 1200 }], pdfUrl: expect.stringMatching(new RegExp(`^/invoices/${account.invoices[0].id}\\.pdf\\?b=${account.businessId}&exp=\\d+&sig=[\\w-]+$`)) });
    expect(account.payments[0]).toMatchObject({ kind: "subscription", amount: 1200, invoice: { number: account.invoices[0].number }, refunds: [{ amount: 200 }] });
    expect(account.paymentMethods).toEqual([expect.objectContaining({ brand: "visa", last4: "4242", isDefault: true })]);
    expect(account.licenseKeys[0].maskedKey).toMatch(/^••••-••••-••••-[0-9A-Z]{4}$/);
    expect(account.licenseKeys[0]).toMatchObject({ activationsUsed: 1, product: { name: "Pro" }, instances: [{ name: "laptop" }] });
  });

  it("gives null and FORBIDDEN for a customer the person does not hold, and still answers the others", async () => {
    const [mine, theirs] = customerIds;
    const { body } = await gatewayQuery(business.app, personFor([mine]), ENTITIES, {
      representations: [representation(theirs), representation(mine)],
    });
    expect(body.data._entities[0]).toBeNull();
    expect(body.data._entities[1].customerId).toBe(mine);
    expect(body.errors).toEqual([expect.objectContaining({ path: ["_entities", 0], extensions: { code: "FORBIDDEN" } })]);
  });

  it("does not show the other mode's customer to a person signed in to test mode", async () => {
    const { body } = await gatewayQuery(business.app, personFor([customerIds[0]]), ENTITIES, { representations: [representation(liveCustomerId)] });
    expect(body.data._entities).toEqual([null]);
    expect(body.errors?.[0].extensions.code).toBe("FORBIDDEN");
  });

  it("reads a granted pair only in the identity's mode", async () => {
    // A live session that (wrongly) carries a test customer id finds no live customer: no test rows leak.
    const { body } = await gatewayQuery(business.app, personFor([customerIds[0]], "live"), ENTITIES, { representations: [representation(customerIds[0])] });
    expect(body.data._entities[0]).toMatchObject({ customer: null, subscriptions: [], invoices: [], payments: [], paymentMethods: [], licenseKeys: [] });
  });

  it("lets a merchant identity read its own business and refuses another business", async () => {
    const merchant: Identity = { kind: "merchant", businessId: BUSINESS, mode: "test", merchantUserId: "mu_1" };
    const { body } = await gatewayQuery(business.app, merchant, ENTITIES, {
      representations: [representation(customerIds[3]), representation(customerIds[3], "biz_other")],
    });
    expect(body.data._entities[0].customer.email).toBe("c3@example.com");
    expect(body.data._entities[1]).toBeNull();
    expect(body.errors?.[0]).toMatchObject({ path: ["_entities", 1], extensions: { code: "FORBIDDEN" } });
  });

  it("refuses /graphql without the gateway's signature", async () => {
    const { status, body } = await gatewayQuery(business.app, null, "{ __typename }");
    expect(status).toBe(401);
    expect(body.errors?.[0].extensions.code).toBe("UNAUTHENTICATED");
  });
});
