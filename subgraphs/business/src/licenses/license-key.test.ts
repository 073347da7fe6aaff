import { type Identity, signIdentity } from "@billfold/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../api-keys/api-key.service.ts";
import type { BusinessApp } from "../app.ts";
import { Product } from "../products/product.entity.ts";
import { cancelSubscription, resumeSubscription } from "../subscriptions/subscription-cancel.service.ts";
import { buildSubscription } from "../subscriptions/subscription.factory.ts";
import { type BusinessTestKit, TEST_SECRET, createBusinessTestKit, merchantQuery } from "../testing/business-test-kit.ts";
import { WebhookEvent } from "../webhooks/webhook-event.entity.ts";
import { LicenseKey, licenseKeyStatus } from "./license-key.entity.ts";
import { buildLicenseInstance } from "./license-key.factory.ts";
import { issueLicenseKeyForPurchase, syncLicenseKeysWithSubscription } from "./license-issue.service.ts";
import { postJson, seedLicenseKey } from "./license-testing.ts";

const SHOP = "biz_shop";
const scope = { businessId: SHOP, mode: "test" as const };
const DAY = 86_400_000;

const KEY_FIELDS = "id key maskedKey status activationLimit activationsUsed expiresAt instances { id name createdAt }";

describe("license keys for customers and merchants", () => {
  let kit: BusinessTestKit;
  let business: BusinessApp;
  let apiKey: string;

  beforeAll(async () => {
    kit = await createBusinessTestKit();
    business = await kit.startApp();
    apiKey = (await createApiKey(kit.orm.em.fork(), { ...scope, name: "ci" })).key;
  });
  afterAll(() => kit?.close());

  /** A root operation through the gateway channel, for `x-billfold-business`. */
  async function asPerson(identity: Identity, businessId: string, query: string, variables: object) {
    const response = await business.app.inject({
      method: "POST",
      url: "/graphql",
      headers: { "content-type": "application/json", "x-billfold-identity": signIdentity(identity, TEST_SECRET), "x-billfold-business": businessId },
      payload: { query, variables },
    });
    return response.json() as { data?: any; errors?: any[] };
  }

  const person = (customerId: string, businessId = SHOP): Identity => ({
    kind: "person",
    email: "ada@example.com",
    sessionId: "ses_1",
    mode: "test",
    accounts: [{ businessId, customerId }],
  });

  it("shows the owner the full key with its instances, and lets them deactivate one so the count drops", async () => {
    const em = kit.orm.em.fork();
    const { licenseKey, customer } = await seedLicenseKey(em, scope, { activationLimit: 3 });
    // Distinct times: instances list oldest first, and two made in one millisecond would tie.
    buildLicenseInstance(em, licenseKey, "Studio iMac", new Date(Date.now() - 60_000));
    const laptop = buildLicenseInstance(em, licenseKey, "MacBook Air");
    await em.flush();

    const entities = await asPerson(person(customer.id), SHOP, `query ($r: [_Any!]!) { _entities(representations: $r) { ... on CustomerAccount { licenseKeys { ${KEY_FIELDS} } } } }`, {
      r: [{ __typename: "CustomerAccount", businessId: SHOP, customerId: customer.id }],
    });
    const [listed] = entities.data!._entities[0].licenseKeys;
    expect(listed).toMatchObject({ key: licenseKey.key, maskedKey: `••••-••••-••••-${licenseKey.key.slice(-4)}`, activationsUsed: 2, activationLimit: 3 });
    expect(listed.instances.map((instance: { name: string }) => instance.name)).toEqual(["Studio iMac", "MacBook Air"]);

    const DEACTIVATE = `mutation ($id: ID!) { deactivateLicenseInstance(instanceId: $id) { ${KEY_FIELDS} } }`;
    const result = await asPerson(person(customer.id), SHOP, DEACTIVATE, { id: laptop.id });
    expect(result.errors).toBeUndefined();
    expect(result.data!.deactivateLicenseInstance.activationsUsed).toBe(1);
    expect(result.data!.deactivateLicenseInstance.instances.map((instance: { name: string }) => instance.name)).toEqual(["Studio iMac"]);

    // Someone else's instance, or the right instance named for another business: not found / forbidden.
    const again = await asPerson(person(customer.id), SHOP, DEACTIVATE, { id: laptop.id });
    expect(again.errors?.[0].extensions.code).toBe("NOT_FOUND");
    const stranger = await asPerson(person("cus_stranger"), SHOP, DEACTIVATE, { id: listed.instances[0].id });
    expect(stranger.errors?.[0].extensions.code).toBe("NOT_FOUND");
    const elsewhere = await asPerson(person(customer.id), "biz_other", DEACTIVATE, { id: listed.instances[0].id });
    expect(elsewhere.errors?.[0].extensions.code).toBe("FORBIDDEN");
  });

  it("lets the merchant list, search and filter keys with their instances", async () => {
    const em = kit.orm.em.fork();
    const { licenseKey } = await seedLicenseKey(em, scope, { email: "grace@hopper.test" });
    buildLicenseInstance(em, licenseKey, "Mainframe");
    await seedLicenseKey(em, scope, { status: "disabled" });
    await seedLicenseKey(em, scope, { expiresAt: new Date(Date.now() - DAY) });
    await em.flush();
    const LIST = `query ($search: String, $status: LicenseKeyStatus) {
      licenseKeys(search: $search, status: $status, first: 50) { totalCount nodes { id key status customerId instances { name } } }
    }`;
    const byEmail = await merchantQuery(business.app, SHOP, apiKey, LIST, { search: "HOPPER" });
    expect(byEmail.body.data.licenseKeys.nodes).toEqual([expect.objectContaining({ id: licenseKey.id, instances: [{ name: "Mainframe" }] })]);
    const byKey = await merchantQuery(business.app, SHOP, apiKey, LIST, { search: licenseKey.key.slice(-5).toLowerCase() });
    expect(byKey.body.data.licenseKeys.nodes.map((node: { id: string }) => node.id)).toEqual([licenseKey.id]);

    const all = await kit.orm.em.fork().find(LicenseKey, scope);
    for (const status of ["active", "disabled", "expired"] as const) {
      const { body } = await merchantQuery(business.app, SHOP, apiKey, LIST, { status });
      expect(body.data.licenseKeys.totalCount).toBe(all.filter((key) => licenseKeyStatus(key) === status).length);
      expect(body.data.licenseKeys.nodes.every((node: { status: string }) => node.status === status)).toBe(true);
    }
  });

  it("lets the merchant disable and enable a key and change its limit and expiry", async () => {
    const { licenseKey } = await seedLicenseKey(kit.orm.em.fork(), scope, { activationLimit: 1 });
    const activate = (name: string) => postJson(business.app, `/business/${SHOP}/licenses/activate`, { license_key: licenseKey.key, name });
    const validate = () => postJson(business.app, `/business/${SHOP}/licenses/validate`, { license_key: licenseKey.key }).then((r) => r.body.valid);
    const run = (query: string, variables: object) => merchantQuery(business.app, SHOP, apiKey, query, variables);

    expect((await run(`mutation ($id: ID!) { disableLicenseKey(id: $id) { status } }`, { id: licenseKey.id })).body.data.disableLicenseKey.status).toBe("disabled");
    expect(await validate()).toBe(false);
    expect((await activate("a")).status).toBe(403);
    expect((await run(`mutation ($id: ID!) { enableLicenseKey(id: $id) { status } }`, { id: licenseKey.id })).body.data.enableLicenseKey.status).toBe("active");
    expect(await validate()).toBe(true);
    expect((await activate("a")).status).toBe(201);
    expect((await activate("b")).status).toBe(422);

    const UPDATE = `mutation ($id: ID!, $limit: Int, $expiresAt: DateTime) { updateLicenseKey(id: $id, activationLimit: $limit, expiresAt: $expiresAt) { activationLimit expiresAt status } }`;
    expect((await run(UPDATE, { id: licenseKey.id, limit: 2 })).body.data.updateLicenseKey).toMatchObject({ activationLimit: 2, status: "active" });
    expect((await activate("b")).status).toBe(201);
    const past = new Date(Date.now() - 1000).toISOString();
    expect((await run(UPDATE, { id: licenseKey.id, expiresAt: past })).body.data.updateLicenseKey).toMatchObject({ activationLimit: 2, status: "expired" });
    expect(await validate()).toBe(false);
    expect((await run(UPDATE, { id: licenseKey.id, limit: null, expiresAt: null })).body.data.updateLicenseKey).toEqual({ activationLimit: null, expiresAt: null, status: "active" });
    expect((await activate("c")).status).toBe(201);
    expect((await run(UPDATE, { id: licenseKey.id, limit: 0 })).body.errors?.[0].extensions.code).toBe("BAD_USER_INPUT");

    const otherKey = (await createApiKey(kit.orm.em.fork(), { businessId: "biz_elsewhere", mode: "test", name: "x" })).key;
    const foreign = await merchantQuery(business.app, "biz_elsewhere", otherKey, `mutation ($id: ID!) { disableLicenseKey(id: $id) { id } }`, { id: licenseKey.id });
    expect(foreign.body.errors?.[0].extensions.code).toBe("NOT_FOUND");
  });

  it("issues keys on purchase per the product's settings, with a license_key.created event", async () => {
    const em = kit.orm.em.fork();
    const { customer } = await seedLicenseKey(em, scope);
    const perOrder = em.create(Product, {
      ...scope, name: "Icons", kind: "one_time", priceAmount: 900, currency: "EUR", licenseSettings: { issue: "per_order", activationLimit: null, expiresInDays: 30 },
    });
    const perSubscription = em.create(Product, {
      ...scope, name: "Suite", kind: "subscription", priceAmount: 900, currency: "EUR", interval: "month", licenseSettings: { issue: "per_subscription", activationLimit: 2 },
    });
    const none = em.create(Product, { ...scope, name: "Mug", kind: "one_time", priceAmount: 900, currency: "EUR" });
    const subscription = buildSubscription(em, { ...scope, customerId: customer.id, productId: perSubscription.id, status: "active", amount: 900, currency: "EUR", interval: "month" });
    await em.flush();

    const first = await issueLicenseKeyForPurchase(kit.orm.em.fork(), business.jobs, { product: perOrder, customerId: customer.id });
    const second = await issueLicenseKeyForPurchase(kit.orm.em.fork(), business.jobs, { product: perOrder, customerId: customer.id });
    expect(first!.key).not.toBe(second!.key);
    expect(first!.key).toMatch(/^TEST-SHOP(-[0-9A-Z]{5}){4}$/);
    expect(first!.activationLimit).toBeNull();
    expect(first!.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 29 * DAY);

    const subKey = await issueLicenseKeyForPurchase(kit.orm.em.fork(), business.jobs, { product: perSubscription, customerId: customer.id, subscriptionId: subscription.id });
    const renewal = await issueLicenseKeyForPurchase(kit.orm.em.fork(), business.jobs, { product: perSubscription, customerId: customer.id, subscriptionId: subscription.id });
    expect(renewal!.id).toBe(subKey!.id);
    expect(subKey).toMatchObject({ activationLimit: 2, expiresAt: null, subscriptionId: subscription.id });
    expect(await issueLicenseKeyForPurchase(kit.orm.em.fork(), business.jobs, { product: none, customerId: customer.id })).toBeNull();

    const events = await kit.orm.em.fork().find(WebhookEvent, { ...scope, type: "license_key.created" });
    expect(events.map((event) => (event.payload as { licenseKey: { id: string } }).licenseKey.id).sort()).toEqual([first!.id, second!.id, subKey!.id].sort());
  });

  /** An active monthly subscription ending its period in 10 days, with a key issued for it. */
  async function subscriptionWithKey() {
    const em = kit.orm.em.fork();
    const { customer, product } = await seedLicenseKey(em, scope);
    const periodEnd = new Date(Date.now() + 10 * DAY);
    const subscription = buildSubscription(em, {
      ...scope, customerId: customer.id, productId: product.id, status: "active", amount: 900, currency: "EUR", interval: "month", currentPeriodEnd: periodEnd,
    });
    await em.flush();
    const key = (await issueLicenseKeyForPurchase(kit.orm.em.fork(), business.jobs, {
      product: Object.assign(product, { licenseSettings: { issue: "per_subscription", activationLimit: 1 } }),
      customerId: customer.id,
      subscriptionId: subscription.id,
    }))!;
    const reload = () => kit.orm.em.fork().findOneOrFail(LicenseKey, { id: key.id });
    return { em, customer, subscription, periodEnd, key, reload };
  }

  it("schedules the key's end when the person cancels at period end, and lifts it when they resume", async () => {
    const { customer, subscription, periodEnd, reload } = await subscriptionWithKey();
    const customerScope = { ...scope, customerId: customer.id };

    await cancelSubscription(kit.orm.em.fork(), business.jobs, customerScope, { subscriptionId: subscription.id, when: "at_period_end" });
    expect((await reload()).disableAt).toEqual(periodEnd);
    await resumeSubscription(kit.orm.em.fork(), business.jobs, customerScope, subscription.id);
    expect((await reload()).disableAt).toBeNull();
  });

  it("disables a subscription's key at the end of its period once it is cancelled, and lifts that when it resumes", async () => {
    const { em, subscription, periodEnd, key, reload } = await subscriptionWithKey();

    subscription.status = "cancelled";
    subscription.cancelledAt = new Date();
    expect(await syncLicenseKeysWithSubscription(em, subscription)).toBe(1);
    const cancelled = await reload();
    expect(cancelled.disableAt).toEqual(periodEnd);
    expect(licenseKeyStatus(cancelled)).toBe("active");
    expect(licenseKeyStatus(cancelled, new Date(periodEnd.getTime() + 1))).toBe("disabled");

    subscription.currentPeriodEnd = new Date(Date.now() - 1000);
    subscription.status = "expired";
    await syncLicenseKeysWithSubscription(em, subscription);
    expect(licenseKeyStatus(await reload())).toBe("disabled");
    expect((await postJson(business.app, `/business/${SHOP}/licenses/validate`, { license_key: key.key })).body).toEqual({ valid: false });

    subscription.status = "active";
    subscription.currentPeriodEnd = periodEnd;
    await syncLicenseKeysWithSubscription(em, subscription);
    expect(licenseKeyStatus(await reload())).toBe("active");
  });
});
