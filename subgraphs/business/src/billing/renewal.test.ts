import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../api-keys/api-key.service.ts";
import type { BusinessApp } from "../app.ts";
import { CUSTOMER_EMAIL_QUEUE } from "../email/customer-email.job.ts";
import { Invoice } from "../invoices/invoice.entity.ts";
import { Payment } from "../payments/payment.entity.ts";
import type { Product } from "../products/product.entity.ts";
import { Shop } from "../shops/shop.entity.ts";
import { Subscription } from "../subscriptions/subscription.entity.ts";
import { type BusinessTestKit, createBusinessTestKit, merchantQuery } from "../testing/business-test-kit.ts";
import { DAY, cardNumbersInBusinessTables, jobsOn, saveTestCard, seedActiveSubscription, seedCustomer, seedShop } from "../testing/money-fixtures.ts";
import { WebhookEvent } from "../webhooks/webhook-event.entity.ts";
import { type Billing, createBilling } from "./billing.ts";
import { tickBillingClock } from "./billing-clock.job.ts";

const ADVANCE = `mutation ($to: DateTime!) { advanceTestClock(to: $to) { businessId now renewed putOnHold } }`;

let kit: BusinessTestKit;
let app: BusinessApp;
let billing: Billing;
let counter = 0;

beforeAll(async () => {
  kit = await createBusinessTestKit();
  app = await kit.startApp();
  billing = createBilling(kit.config);
});
afterAll(() => kit?.close());

/** A business of its own (its own test clock), with one subscriber paying with `card`, renewing in 5 days. */
async function world(card: string, settings = {}) {
  const scope = { businessId: `biz_clock${++counter}`, mode: "test" } as const;
  const em = kit.orm.em.fork();
  const products: Record<string, Product> = await seedShop(em, scope, settings);
  const customer = await seedCustomer(em, scope, `payer${counter}@example.com`);
  const method = saveTestCard(em, billing.processor, customer, card, true);
  const subscription = await seedActiveSubscription(em, customer, products.starter, method, new Date(), 25);
  const key = (await createApiKey(em, { ...scope, name: "ci" })).key;
  const advance = (days: number) => merchantQuery(app.app, scope.businessId, key, ADVANCE, { to: new Date(Date.now() + days * DAY).toISOString() });
  return { scope, customer, subscription, key, advance };
}

describe("advanceTestClock", () => {
  it("renews a due subscription with a new paid invoice, month after month", async () => {
    const { scope, subscription, advance } = await world("4242424242424242");
    const first = await advance(10);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.advanceTestClock).toMatchObject({ businessId: scope.businessId, renewed: 1, putOnHold: 0 });
    const em = kit.orm.em.fork();
    const renewed = await em.findOneOrFail(Subscription, subscription.id);
    expect(renewed.status).toBe("active");
    expect(renewed.currentPeriodStart).toEqual(subscription.currentPeriodEnd);
    const invoices = await em.find(Invoice, { subscriptionId: subscription.id });
    expect(invoices).toEqual([expect.objectContaining({ status: "paid", total: 1900 })]);
    expect(await em.count(Payment, { invoiceId: invoices[0].id, status: "succeeded" })).toBe(1);
    expect((await em.findOneOrFail(Shop, scope)).testClock).toEqual(new Date(first.body.data.advanceTestClock.now));
    expect((await em.find(WebhookEvent, { businessId: scope.businessId })).map((e) => e.type).sort()).toEqual(["payment.succeeded", "subscription.renewed"]);

    const later = await advance(70);
    expect(later.body.data.advanceTestClock.renewed).toBe(2);
    expect(await kit.orm.em.fork().count(Invoice, { subscriptionId: subscription.id, status: "paid" })).toBe(3);
  });

  it("puts a subscription on hold when the card fails and emails the link straight to the fix", async () => {
    const { customer, subscription, advance } = await world("4000000000000341");
    const { body } = await advance(6);
    expect(body.data.advanceTestClock).toMatchObject({ renewed: 0, putOnHold: 1 });
    const em = kit.orm.em.fork();
    const held = await em.findOneOrFail(Subscription, subscription.id);
    expect(held.status).toBe("on_hold");
    expect(held.nextBillingDate).toEqual(new Date(subscription.nextBillingDate!.getTime() + 3 * DAY));
    expect(await em.find(Invoice, { subscriptionId: subscription.id })).toEqual([expect.objectContaining({ status: "open", total: 1900 })]);
    expect(await em.findOneOrFail(Payment, { subscriptionId: subscription.id })).toMatchObject({ status: "failed", failureReason: expect.stringMatching(/declined/) });
    const mail = (await jobsOn(kit.orm, CUSTOMER_EMAIL_QUEUE)).find((job) => job.data.message.to === customer.email);
    const link = `http://localhost:4000/b/${subscription.businessId}/subscriptions/${subscription.id}/payment-method`;
    expect(mail?.data.message.text).toContain(link);
    expect(mail?.data.message.html).toContain(link);
  });

  it("retries on the dunning schedule and fails the subscription after the last retry", async () => {
    const { subscription, advance } = await world("4000000000000002", { dunningDays: [2, 4] });
    await advance(6);
    await advance(6 + 2.5);
    const em = kit.orm.em.fork();
    expect(await em.findOneOrFail(Subscription, subscription.id)).toMatchObject({ status: "on_hold" });
    expect(await em.count(Payment, { subscriptionId: subscription.id, status: "failed" })).toBe(2);
    await advance(20);
    const ended = await kit.orm.em.fork().findOneOrFail(Subscription, subscription.id);
    expect(ended).toMatchObject({ status: "failed", nextBillingDate: null });
    expect(await kit.orm.em.fork().count(Payment, { subscriptionId: subscription.id, status: "failed" })).toBe(3);
    expect(await kit.orm.em.fork().findOneOrFail(Invoice, { subscriptionId: subscription.id })).toMatchObject({ status: "uncollectible" });
  });

  it("ends a subscription cancelled at the period end instead of renewing it", async () => {
    const { subscription, advance } = await world("4242424242424242");
    const em = kit.orm.em.fork();
    const row = await em.findOneOrFail(Subscription, subscription.id);
    row.cancelAtPeriodEnd = true;
    await em.flush();
    await advance(10);
    expect(await kit.orm.em.fork().findOneOrFail(Subscription, subscription.id)).toMatchObject({ status: "cancelled", endedAt: subscription.currentPeriodEnd, nextBillingDate: null });
    expect(await kit.orm.em.fork().count(Invoice, { subscriptionId: subscription.id })).toBe(0);
  });

  it("moves only forward, and only with a test key", async () => {
    const { scope, advance } = await world("4242424242424242");
    await advance(3);
    expect((await advance(2)).body.errors?.[0].extensions.code).toBe("BAD_USER_INPUT");
    const liveKey = (await createApiKey(kit.orm.em.fork(), { businessId: scope.businessId, mode: "live", name: "prod" })).key;
    const live = await merchantQuery(app.app, scope.businessId, liveKey, ADVANCE, { to: new Date(Date.now() + 30 * DAY).toISOString() });
    expect(live.body.errors?.[0].extensions.code).toBe("FORBIDDEN");
  });
});

describe("the real-time billing clock", () => {
  it("renews what is due on the wall clock but leaves a business on a test clock alone", async () => {
    const wall = await world("4242424242424242");
    const frozen = await world("4242424242424242");
    await frozen.advance(1);
    const tick = await tickBillingClock(kit.orm, { jobs: app.jobs, billing }, new Date(Date.now() + 10 * DAY));
    expect(tick.renewed).toBeGreaterThanOrEqual(1);
    expect((await kit.orm.em.fork().findOneOrFail(Subscription, wall.subscription.id)).currentPeriodStart).toEqual(wall.subscription.currentPeriodEnd);
    expect(await kit.orm.em.fork().count(Invoice, { subscriptionId: frozen.subscription.id })).toBe(0);
  });

  it("is a pg-boss schedule every minute when the shard runs with the clock on", async () => {
    const clocked = await kit.startApp({ BILLING_CLOCK: true });
    const schedules = await clocked.jobs.boss.getSchedules();
    expect(schedules).toEqual([expect.objectContaining({ name: "billing-clock", cron: "* * * * *" })]);
  });

  it("leaves no card number in any business table", async () => {
    expect(await cardNumbersInBusinessTables(kit.orm)).toEqual([]);
  });
});
