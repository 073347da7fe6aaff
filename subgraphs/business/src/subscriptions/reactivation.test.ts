import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BusinessApp } from "../app.ts";
import { type Billing, createBilling } from "../billing/billing.ts";
import type { Customer } from "../customers/customer.entity.ts";
import { CUSTOMER_EMAIL_QUEUE } from "../email/customer-email.job.ts";
import { IdempotencyRecord } from "../idempotency/idempotency-record.entity.ts";
import { Invoice } from "../invoices/invoice.entity.ts";
import { PaymentMethod } from "../payment-methods/payment-method.entity.ts";
import { Payment } from "../payments/payment.entity.ts";
import type { Product } from "../products/product.entity.ts";
import { type BusinessTestKit, createBusinessTestKit } from "../testing/business-test-kit.ts";
import {
  cardNumbersInBusinessTables,
  customerQuery,
  jobsOn,
  personOf,
  saveTestCard,
  seedCustomer,
  seedOnHoldSubscription,
  seedShop,
} from "../testing/money-fixtures.ts";
import { WebhookEvent } from "../webhooks/webhook-event.entity.ts";
import { Subscription } from "./subscription.entity.ts";

const BIZ = "biz_money";
const SCOPE = { businessId: BIZ, mode: "test" } as const;

const UPDATE = `mutation ($input: UpdateSubscriptionPaymentMethodInput!) {
  updateSubscriptionPaymentMethod(input: $input) {
    subscription { id status currentPeriodStart nextBillingDate paymentMethod { id last4 } capabilities { canCancel canUpdatePaymentMethod } }
    payment { id status amount currency failureReason invoice { id } }
    invoice { id number status total }
  }
}`;

let kit: BusinessTestKit;
let app: BusinessApp;
let billing: Billing;
let products: Record<"starter" | "pro" | "team", Product>;

beforeAll(async () => {
  kit = await createBusinessTestKit();
  app = await kit.startApp();
  billing = createBilling(kit.config);
  products = await seedShop(kit.orm.em.fork(), SCOPE);
});
afterAll(() => kit?.close());

const tokenFor = (number: string) => billing.processor.tokenize({ number, exp_month: 12, exp_year: 2035, cvc: "123" }).token;

async function onHoldCustomer(email: string) {
  const em = kit.orm.em.fork();
  const customer = await seedCustomer(em, SCOPE, email);
  const failing = saveTestCard(em, billing.processor, customer, "4000000000000341", true);
  const { subscription, invoice } = await seedOnHoldSubscription(em, customer, products.pro, failing);
  return { customer, subscription, invoice, failing };
}

const reactivate = (customer: Customer, input: object) => customerQuery(app.app, personOf(customer), BIZ, UPDATE, { input });

describe("updateSubscriptionPaymentMethod on an on_hold subscription", () => {
  it("charges the outstanding invoice with a new card, reactivates, and enqueues both emails and both webhooks", async () => {
    const { customer, subscription, invoice } = await onHoldCustomer("ana@example.com");
    const before = Date.now();
    const { data, errors } = await reactivate(customer, { subscriptionId: subscription.id, token: tokenFor("4242424242424242") });
    expect(errors).toBeUndefined();
    const result = data.updateSubscriptionPaymentMethod;
    expect(result.subscription).toMatchObject({ id: subscription.id, status: "active", paymentMethod: { last4: "4242" } });
    expect(new Date(result.subscription.currentPeriodStart).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(new Date(result.subscription.nextBillingDate).getTime()).toBeGreaterThan(Date.now() + 27 * 86_400_000);
    expect(result.invoice).toEqual({ id: invoice.id, number: invoice.number, status: "paid", total: 5390 });
    expect(result.payment).toMatchObject({ status: "succeeded", amount: 5390, currency: "USD", invoice: { id: invoice.id } });

    const em = kit.orm.em.fork();
    expect(await em.count(Payment, { subscriptionId: subscription.id, status: "succeeded" })).toBe(1);
    const card = await em.findOneOrFail(PaymentMethod, { customerId: customer.id, last4: "4242" });
    expect((await em.findOneOrFail(Subscription, subscription.id)).paymentMethodId).toBe(card.id);
    const mails = (await jobsOn(kit.orm, CUSTOMER_EMAIL_QUEUE)).filter((job) => job.data.message.to === "ana@example.com");
    const subjects = mails.map((job) => job.data.message.subject as string).sort();
    expect(subjects).toEqual([expect.stringMatching(/^Payment received/), expect.stringMatching(/^Subscription reactivated/)]);
    expect(mails.find((job) => job.data.message.subject.startsWith("Payment received"))!.data.message.text).toContain(invoice.number);
    const events = await em.find(WebhookEvent, { businessId: BIZ, type: { $in: ["payment.succeeded", "subscription.active"] } }, { orderBy: { createdAt: "asc", id: "asc" } });
    const mine = events.filter((event) => JSON.stringify(event.payload).includes(subscription.id));
    expect(mine.map((event) => event.type)).toEqual(["payment.succeeded", "subscription.active"]);
  });

  it("keeps it on_hold on a decline, records the failed payment, leaves the invoice open, then succeeds with another card", async () => {
    const { customer, subscription, invoice } = await onHoldCustomer("ben@example.com");
    const declined = await reactivate(customer, { subscriptionId: subscription.id, token: tokenFor("4000000000009995") });
    expect(declined.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/insufficient funds/i),
      extensions: { code: "PAYMENT_FAILED", declineCode: "insufficient_funds" },
    });
    const em = kit.orm.em.fork();
    expect((await em.findOneOrFail(Subscription, subscription.id)).status).toBe("on_hold");
    expect((await em.findOneOrFail(Invoice, invoice.id)).status).toBe("open");
    const failed = await em.find(Payment, { subscriptionId: subscription.id, status: "failed" }, { orderBy: { createdAt: "asc" } });
    expect(failed).toHaveLength(2);
    expect(failed[1].failureReason).toMatch(/insufficient funds/i);
    expect(await em.count(PaymentMethod, { customerId: customer.id, last4: "9995" })).toBe(0);
    expect(await em.count(Invoice, { subscriptionId: subscription.id, status: "paid" })).toBe(0);

    const retried = await reactivate(customer, { subscriptionId: subscription.id, token: tokenFor("4242424242424242") });
    expect(retried.errors).toBeUndefined();
    expect(retried.data.updateSubscriptionPaymentMethod).toMatchObject({ subscription: { status: "active" }, invoice: { id: invoice.id, status: "paid" } });
  });

  it("replays the first result for the same key and refuses the key with other parameters", async () => {
    const { customer, subscription, failing } = await onHoldCustomer("cleo@example.com");
    const em = kit.orm.em.fork();
    const good = saveTestCard(em, billing.processor, customer, "5555555555554444");
    await em.flush();
    const input = { subscriptionId: subscription.id, paymentMethodId: good.id, idempotencyKey: "reactivate-cleo-1" };
    const first = await reactivate(customer, input);
    const second = await reactivate(customer, input);
    expect(first.errors).toBeUndefined();
    expect(second.data.updateSubscriptionPaymentMethod).toEqual(first.data.updateSubscriptionPaymentMethod);
    expect(await kit.orm.em.fork().count(Payment, { subscriptionId: subscription.id, status: "succeeded" })).toBe(1);

    const reused = await reactivate(customer, { ...input, paymentMethodId: failing.id });
    expect(reused.errors?.[0].extensions.code).toBe("CONFLICT");
    expect(await kit.orm.em.fork().count(IdempotencyRecord, { key: "reactivate-cleo-1" })).toBe(1);
  });

  it("charges once for 20 concurrent requests without a key", async () => {
    const { customer, subscription, invoice } = await onHoldCustomer("dora@example.com");
    const em = kit.orm.em.fork();
    const good = saveTestCard(em, billing.processor, customer, "4242424242424242");
    await em.flush();
    const answers = await Promise.all(Array.from({ length: 20 }, () => reactivate(customer, { subscriptionId: subscription.id, paymentMethodId: good.id })));
    expect(answers.filter((answer) => answer.errors)).toEqual([]);
    expect(new Set(answers.map((answer) => answer.data.updateSubscriptionPaymentMethod.payment?.id))).toHaveProperty("size", 1);
    const check = kit.orm.em.fork();
    expect(await check.count(Payment, { subscriptionId: subscription.id, status: "succeeded" })).toBe(1);
    expect(await check.count(Invoice, { subscriptionId: subscription.id, status: "paid" })).toBe(1);
    expect((await check.findOneOrFail(Invoice, invoice.id)).status).toBe("paid");
    expect((await check.findOneOrFail(Subscription, subscription.id)).status).toBe("active");
    const mails = (await jobsOn(kit.orm, CUSTOMER_EMAIL_QUEUE)).filter((job) => job.data.message.to === "dora@example.com");
    expect(mails).toHaveLength(2);
  });

  it("only switches the card of an active subscription, and refuses another customer's subscription", async () => {
    const { customer, subscription } = await onHoldCustomer("eli@example.com");
    await reactivate(customer, { subscriptionId: subscription.id, token: tokenFor("4242424242424242") });
    const switched = await reactivate(customer, { subscriptionId: subscription.id, token: tokenFor("5555555555554444") });
    expect(switched.data.updateSubscriptionPaymentMethod).toMatchObject({ payment: null, invoice: null, subscription: { status: "active", paymentMethod: { last4: "4444" } } });
    const stranger = await seedCustomer(kit.orm.em.fork(), SCOPE, "stranger@example.com");
    const refused = await reactivate(stranger, { subscriptionId: subscription.id, token: tokenFor("4242424242424242") });
    expect(refused.errors?.[0].extensions.code).toBe("NOT_FOUND");
    const noBusiness = await customerQuery(app.app, personOf(customer), "biz_other", UPDATE, { input: { subscriptionId: subscription.id, token: tokenFor("4242424242424242") } });
    expect(noBusiness.errors?.[0].extensions.code).toBe("FORBIDDEN");
  });

  it("refuses a forged token and a request naming both or neither of token and paymentMethodId", async () => {
    const { customer, subscription, failing } = await onHoldCustomer("fay@example.com");
    for (const input of [{ token: "tok_forged.abc" }, {}, { token: tokenFor("4242424242424242"), paymentMethodId: failing.id }]) {
      const answer = await reactivate(customer, { subscriptionId: subscription.id, ...input });
      expect(answer.errors?.[0].extensions.code).toBe("BAD_USER_INPUT");
    }
  });
});

describe("payment methods", () => {
  const ADD = `mutation ($input: AddPaymentMethodInput!) { addPaymentMethod(input: $input) { id brand last4 expMonth expYear isDefault } }`;

  it("adds cards, sets the default, and removes a card a live subscription uses only with a replacement", async () => {
    const { customer, subscription, failing } = await onHoldCustomer("gus@example.com");
    const person = personOf(customer);
    const added = await customerQuery(app.app, person, BIZ, ADD, { input: { token: tokenFor("5555555555554444") } });
    expect(added.data.addPaymentMethod).toMatchObject({ brand: "mastercard", last4: "4444", expMonth: 12, expYear: 2035, isDefault: false });
    const id = added.data.addPaymentMethod.id;
    const made = await customerQuery(app.app, person, BIZ, `mutation ($id: ID!) { setDefaultPaymentMethod(id: $id) { id isDefault } }`, { id });
    expect(made.data.setDefaultPaymentMethod).toEqual({ id, isDefault: true });
    expect((await kit.orm.em.fork().findOneOrFail(PaymentMethod, failing.id)).isDefault).toBe(false);

    const remove = `mutation ($id: ID!, $replacementId: ID) { removePaymentMethod(id: $id, replacementId: $replacementId) }`;
    const refused = await customerQuery(app.app, person, BIZ, remove, { id: failing.id });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: "CONFLICT", subscriptionIds: [subscription.id] });
    const removed = await customerQuery(app.app, person, BIZ, remove, { id: failing.id, replacementId: id });
    expect(removed.data.removePaymentMethod).toBe(true);
    expect((await kit.orm.em.fork().findOneOrFail(Subscription, subscription.id)).paymentMethodId).toBe(id);
    const invalid = await customerQuery(app.app, person, BIZ, ADD, { input: { token: "4242424242424242" } });
    expect(invalid.errors?.[0].extensions.code).toBe("BAD_USER_INPUT");
  });

  it("leaves no card number in any business table after these flows", async () => {
    expect(JSON.stringify(await cardNumbersInBusinessTables(kit.orm))).toBe("[]");
    // The scan does find one where it would be.
    const em = kit.orm.em.fork();
    const row = await em.findOneOrFail(Subscription, { businessId: BIZ }, { orderBy: { createdAt: "asc" } });
    row.cancelComment = "my card is 4242 4242 4242 4242";
    await em.flush();
    expect(await cardNumbersInBusinessTables(kit.orm)).toEqual(["subscription.cancel_comment: 4242424242424242"]);
    row.cancelComment = null;
    await em.flush();
  });
});
