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
import type { WebhookEventType } from "../webhooks/webhook-event-type.ts";
import { BUSINESS_SCHEMA } from "../shared/database.ts";
import { type Billing, createBilling } from "./billing.ts";
import { tickBillingClock } from "./billing-clock.job.ts";
import { runRenewals } from "./renewal.service.ts";

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

const eventsOf = (businessId: string, type?: WebhookEventType) => kit.orm.em.fork().find(WebhookEvent, { businessId, ...(type ? { type } : {}) }, { orderBy: { createdAt: "asc" } });
const mailsTo = async (email: string, subject: RegExp) =>
  (await jobsOn(kit.orm, CUSTOMER_EMAIL_QUEUE)).map((job) => job.data.message).filter((message) => message.to === email && subject.test(message.subject));

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
    const { customer, subscription, advance } = await world("4000000000000002", { dunningDays: [2, 4] });
    await advance(6);
    await advance(6 + 2.5);
    const em = kit.orm.em.fork();
    expect(await em.findOneOrFail(Subscription, subscription.id)).toMatchObject({ status: "on_hold" });
    expect(await em.count(Payment, { subscriptionId: subscription.id, status: "failed" })).toBe(2);
    expect(await eventsOf(subscription.businessId, "subscription.failed")).toHaveLength(0);
    expect(await mailsTo(customer.email, /has ended/)).toHaveLength(0);
    await advance(20);
    const ended = await kit.orm.em.fork().findOneOrFail(Subscription, subscription.id);
    expect(ended).toMatchObject({ status: "failed", nextBillingDate: null });
    const failed = await eventsOf(subscription.businessId, "subscription.failed");
    expect(failed).toHaveLength(1);
    expect(failed[0].payload).toMatchObject({ subscription: { id: subscription.id, status: "failed", nextBillingDate: null } });
    const [mail, ...more] = await mailsTo(customer.email, /has ended/);
    expect(more).toHaveLength(0);
    expect(mail).toMatchObject({ subject: `Your Starter subscription has ended — Shop ${subscription.businessId}` });
    expect(mail.text).toContain("couldn't collect 19.00 USD");
    await advance(60);
    expect(await eventsOf(subscription.businessId, "subscription.failed")).toHaveLength(1);
    expect(await mailsTo(customer.email, /has ended/)).toHaveLength(1);
    expect(await kit.orm.em.fork().count(Payment, { subscriptionId: subscription.id, status: "failed" })).toBe(3);
    expect(await kit.orm.em.fork().findOneOrFail(Invoice, { subscriptionId: subscription.id })).toMatchObject({ status: "uncollectible" });
  });

  it("ends a subscription cancelled at the period end instead of renewing it", async () => {
    const { customer, subscription, advance } = await world("4242424242424242");
    const em = kit.orm.em.fork();
    const row = await em.findOneOrFail(Subscription, subscription.id);
    row.cancelAtPeriodEnd = true;
    await em.flush();
    await advance(10);
    expect(await kit.orm.em.fork().findOneOrFail(Subscription, subscription.id)).toMatchObject({ status: "cancelled", endedAt: subscription.currentPeriodEnd, nextBillingDate: null });
    expect(await kit.orm.em.fork().count(Invoice, { subscriptionId: subscription.id })).toBe(0);
    const events = await eventsOf(subscription.businessId);
    expect(events.map((event) => event.type)).toEqual(["subscription.expired"]);
    expect(events[0].payload).toMatchObject({ subscription: { id: subscription.id, status: "cancelled", endedAt: subscription.currentPeriodEnd!.toISOString() } });
    const mails = await mailsTo(customer.email, /./);
    expect(mails).toEqual([expect.objectContaining({ subject: `Your Starter subscription has ended — Shop ${subscription.businessId}` })]);
    expect(mails[0].text).toContain(`ended on ${subscription.currentPeriodEnd!.toISOString().slice(0, 10)}`);
    await advance(60);
    expect(await eventsOf(subscription.businessId)).toHaveLength(1);
    expect(await mailsTo(customer.email, /./)).toHaveLength(1);
  });

  it("fails a subscription at once when the shop has no dunning retries, telling the customer it has ended", async () => {
    const { customer, subscription, advance } = await world("4000000000000002", { dunningDays: [] });
    await advance(6);
    expect(await kit.orm.em.fork().findOneOrFail(Subscription, subscription.id)).toMatchObject({ status: "failed", nextBillingDate: null });
    expect((await eventsOf(subscription.businessId)).map((event) => event.type)).toEqual(["payment.failed", "subscription.failed"]);
    expect(await mailsTo(customer.email, /./)).toEqual([expect.objectContaining({ subject: `Your Starter subscription has ended — Shop ${subscription.businessId}` })]);
  });

  it("sends neither the event nor the email when the ending transaction rolls back", async () => {
    const { scope, customer, subscription, advance } = await world("4242424242424242");
    const em = kit.orm.em.fork();
    (await em.findOneOrFail(Subscription, subscription.id)).cancelAtPeriodEnd = true;
    await em.flush();
    const trigger = `refuse_end_${subscription.id.replace(/\W/g, "_")}`;
    await em.execute(`create function "${BUSINESS_SCHEMA}".${trigger}() returns trigger language plpgsql as $$ begin raise exception 'refused by test'; end $$`);
    await em.execute(
      `create trigger ${trigger} before update on "${BUSINESS_SCHEMA}".subscription for each row when (old.id = '${subscription.id}') execute function "${BUSINESS_SCHEMA}".${trigger}()`,
    );
    try {
      await expect(runRenewals(kit.orm.em.fork(), { jobs: app.jobs, billing }, scope, new Date(Date.now() + 10 * DAY), { simulate: true })).rejects.toThrow(/refused by test/);
    } finally {
      await em.execute(`drop trigger ${trigger} on "${BUSINESS_SCHEMA}".subscription`);
      await em.execute(`drop function "${BUSINESS_SCHEMA}".${trigger}()`);
    }
    expect(await kit.orm.em.fork().findOneOrFail(Subscription, subscription.id)).toMatchObject({ status: "active" });
    expect(await eventsOf(subscription.businessId)).toHaveLength(0);
    expect(await mailsTo(customer.email, /./)).toHaveLength(0);

    await advance(10);
    expect((await eventsOf(subscription.businessId)).map((event) => event.type)).toEqual(["subscription.expired"]);
    expect(await mailsTo(customer.email, /./)).toHaveLength(1);
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
