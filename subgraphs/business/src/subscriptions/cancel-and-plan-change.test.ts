import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BusinessApp } from "../app.ts";
import { type Billing, createBilling } from "../billing/billing.ts";
import { Invoice } from "../invoices/invoice.entity.ts";
import { Payment } from "../payments/payment.entity.ts";
import type { Product } from "../products/product.entity.ts";
import { type BusinessTestKit, createBusinessTestKit } from "../testing/business-test-kit.ts";
import { customerQuery, personOf, saveTestCard, seedActiveSubscription, seedCustomer, seedShop } from "../testing/money-fixtures.ts";
import { WebhookEvent } from "../webhooks/webhook-event.entity.ts";
import { Subscription } from "./subscription.entity.ts";

const STRICT = { businessId: "biz_strict", mode: "test" } as const; // defaults: cancel at period end only, any plan change
const FLEX = { businessId: "biz_flex", mode: "test" } as const; // cancel now allowed, upgrades only

const SUBSCRIPTION_FIELDS = `id status cancelAtPeriodEnd cancelledAt endedAt nextBillingDate
  product { id name } capabilities { canCancel canCancelImmediately canResume canChangePlan canUpdatePaymentMethod } availablePlans { id name }`;
const CANCEL = `mutation ($input: CancelSubscriptionInput!) { cancelSubscription(input: $input) { ${SUBSCRIPTION_FIELDS} } }`;
const RESUME = `mutation ($id: ID!) { resumeSubscription(subscriptionId: $id) { ${SUBSCRIPTION_FIELDS} } }`;
const PREVIEW = `query ($input: PreviewPlanChangeInput!) {
  previewPlanChange(input: $input) { currency lines { description quantity unitAmount amount } subtotal tax credit amountDueNow nextBillingDate nextRenewalAmount prorationMode }
}`;
const CHANGE = `mutation ($input: ChangePlanInput!) {
  changePlan(input: $input) {
    subscription { id amount nextBillingDate product { name } }
    payment { amount status }
    invoice { id total subtotal tax lines { description quantity unitAmount amount } }
  }
}`;

let kit: BusinessTestKit;
let app: BusinessApp;
let billing: Billing;
let strict: Record<"starter" | "pro" | "team", Product>;
let flex: Record<"starter" | "pro" | "team", Product>;
let counter = 0;

beforeAll(async () => {
  kit = await createBusinessTestKit();
  app = await kit.startApp();
  billing = createBilling(kit.config);
  strict = await seedShop(kit.orm.em.fork(), STRICT);
  flex = await seedShop(kit.orm.em.fork(), FLEX, { cancelImmediatelyAllowed: true, planChanges: "upgrade_only" });
});
afterAll(() => kit?.close());

async function subscriber(scope: typeof STRICT | typeof FLEX, product: Product, card = "4242424242424242") {
  const em = kit.orm.em.fork();
  const customer = await seedCustomer(em, scope, `person${++counter}@example.com`);
  const method = saveTestCard(em, billing.processor, customer, card, true);
  const subscription = await seedActiveSubscription(em, customer, product, method);
  const ask = (query: string, variables: object) => customerQuery(app.app, personOf(customer), scope.businessId, query, variables);
  return { customer, subscription, ask };
}

describe("cancel and resume", () => {
  it("cancels at the period end with a reason, undoes it, and reports what is allowed at each step", async () => {
    const { subscription, ask } = await subscriber(STRICT, strict.starter);
    const cancelled = await ask(CANCEL, { input: { subscriptionId: subscription.id, when: "at_period_end", reason: "too_expensive", comment: "Pricey for us" } });
    expect(cancelled.errors).toBeUndefined();
    expect(cancelled.data.cancelSubscription).toMatchObject({
      status: "active",
      cancelAtPeriodEnd: true,
      endedAt: null,
      capabilities: { canCancel: false, canCancelImmediately: false, canResume: true, canChangePlan: false, canUpdatePaymentMethod: true },
      availablePlans: [],
    });
    const row = await kit.orm.em.fork().findOneOrFail(Subscription, subscription.id);
    expect(row).toMatchObject({ cancelReason: "too_expensive", cancelComment: "Pricey for us" });
    const event = await kit.orm.em.fork().findOneOrFail(WebhookEvent, { businessId: STRICT.businessId, type: "subscription.cancelled" });
    expect(event.payload).toMatchObject({ subscription: { id: subscription.id, cancelAtPeriodEnd: true }, reason: "too_expensive" });

    const resumed = await ask(RESUME, { id: subscription.id });
    expect(resumed.data.resumeSubscription).toMatchObject({
      status: "active",
      cancelAtPeriodEnd: false,
      cancelledAt: null,
      capabilities: { canCancel: true, canResume: false, canChangePlan: true },
      availablePlans: [{ id: strict.pro.id }, { id: strict.team.id }],
    });
    expect((await ask(RESUME, { id: subscription.id })).errors?.[0].extensions.code).toBe("CONFLICT");
  });

  it("refuses to cancel now where the business allows period-end only, and a comment over 500 characters", async () => {
    const { subscription, ask } = await subscriber(STRICT, strict.starter);
    expect((await ask(CANCEL, { input: { subscriptionId: subscription.id, when: "immediately" } })).errors?.[0].extensions.code).toBe("FORBIDDEN");
    expect((await ask(CANCEL, { input: { subscriptionId: subscription.id, when: "at_period_end", comment: "x".repeat(501) } })).errors?.[0].extensions.code).toBe("BAD_USER_INPUT");
    expect((await kit.orm.em.fork().findOneOrFail(Subscription, subscription.id)).cancelAtPeriodEnd).toBe(false);
  });

  it("cancels now where allowed: cancelled, ended, nothing left to bill, and it stays visible", async () => {
    const { subscription, ask } = await subscriber(FLEX, flex.starter);
    const cancelled = await ask(CANCEL, { input: { subscriptionId: subscription.id, when: "immediately", reason: "other" } });
    expect(cancelled.data.cancelSubscription).toMatchObject({ status: "cancelled", cancelAtPeriodEnd: false, nextBillingDate: null, capabilities: { canCancel: false, canResume: false, canChangePlan: false } });
    expect(cancelled.data.cancelSubscription.endedAt).not.toBeNull();
    expect((await ask(CANCEL, { input: { subscriptionId: subscription.id, when: "immediately" } })).errors?.[0].extensions.code).toBe("CONFLICT");
  });
});

describe("plan change", () => {
  it.each(["prorated_immediately", "full_immediately", "difference_immediately", "do_not_bill"])("charges exactly the preview in %s", async (prorationMode) => {
    const { subscription, ask } = await subscriber(STRICT, strict.starter);
    const input = { subscriptionId: subscription.id, productId: strict.pro.id, prorationMode };
    const { data, errors } = await ask(PREVIEW, { input });
    expect(errors).toBeUndefined();
    const preview = data.previewPlanChange;
    expect(preview).toMatchObject({ currency: "USD", prorationMode });
    expect(preview.amountDueNow).toBe(preview.subtotal + preview.tax);
    expect(preview.subtotal).toBe(preview.lines.reduce((sum: number, line: { amount: number }) => sum + line.amount, 0));

    const applied = await ask(CHANGE, { input: { ...input, expectedAmountDueNow: preview.amountDueNow } });
    expect(applied.errors).toBeUndefined();
    const result = applied.data.changePlan;
    expect(result.subscription).toMatchObject({ amount: 4900, product: { name: "Pro" } });
    // A new period starts at the moment of the change: the preview's date is that of the preview.
    expect(Math.abs(Date.parse(result.subscription.nextBillingDate) - Date.parse(preview.nextBillingDate))).toBeLessThan(60_000);
    if (preview.amountDueNow > 0) {
      expect(result.payment).toEqual({ amount: preview.amountDueNow, status: "succeeded" });
      expect(result.invoice).toMatchObject({ total: preview.amountDueNow, subtotal: preview.subtotal, tax: preview.tax, lines: preview.lines });
    } else {
      expect(result.payment).toBeNull();
      expect(result.invoice).toBeNull();
    }
  });

  it("prices the sample upgrade as the rules say (10 % tax on Pro)", async () => {
    const { subscription, ask } = await subscriber(STRICT, strict.starter);
    const { data } = await ask(PREVIEW, { input: { subscriptionId: subscription.id, productId: strict.pro.id, prorationMode: "full_immediately" } });
    expect(data.previewPlanChange).toMatchObject({ subtotal: 4900, tax: 490, amountDueNow: 5390, nextRenewalAmount: 5390 });
  });

  it("refuses with CONFLICT when the expected amount differs, and changes nothing", async () => {
    const { subscription, ask } = await subscriber(STRICT, strict.starter);
    const input = { subscriptionId: subscription.id, productId: strict.team.id, prorationMode: "full_immediately" };
    const preview = (await ask(PREVIEW, { input })).data.previewPlanChange;
    const refused = await ask(CHANGE, { input: { ...input, expectedAmountDueNow: preview.amountDueNow - 1 } });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: "CONFLICT", amountDueNow: preview.amountDueNow });
    expect((await kit.orm.em.fork().findOneOrFail(Subscription, subscription.id)).productId).toBe(strict.starter.id);
  });

  it("answers PAYMENT_FAILED on a decline, records the failed payment and leaves the plan unchanged", async () => {
    const { subscription, ask } = await subscriber(STRICT, strict.starter, "4000000000000002");
    const input = { subscriptionId: subscription.id, productId: strict.pro.id, prorationMode: "difference_immediately" };
    const preview = (await ask(PREVIEW, { input })).data.previewPlanChange;
    const declined = await ask(CHANGE, { input: { ...input, expectedAmountDueNow: preview.amountDueNow } });
    expect(declined.errors?.[0].extensions).toMatchObject({ code: "PAYMENT_FAILED", declineCode: "card_declined" });
    const em = kit.orm.em.fork();
    expect(await em.findOneOrFail(Subscription, subscription.id)).toMatchObject({ productId: strict.starter.id, amount: 1900 });
    expect(await em.count(Payment, { subscriptionId: subscription.id, status: "failed" })).toBe(1);
    expect(await em.count(Invoice, { subscriptionId: subscription.id })).toBe(0);
  });

  it("offers only upgrades where the business allows upgrades only, and refuses a downgrade", async () => {
    const { subscription, ask } = await subscriber(FLEX, flex.pro);
    const list = await ask(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on CustomerAccount { subscriptions { availablePlans { name } capabilities { canChangePlan canCancelImmediately } } } } }`, {
      r: [{ __typename: "CustomerAccount", businessId: FLEX.businessId, customerId: subscription.customerId }],
    });
    expect(list.data._entities[0].subscriptions).toEqual([{ availablePlans: [{ name: "Team" }], capabilities: { canChangePlan: true, canCancelImmediately: true } }]);
    const down = await ask(PREVIEW, { input: { subscriptionId: subscription.id, productId: flex.starter.id } });
    expect(down.errors?.[0].extensions.code).toBe("FORBIDDEN");
  });
});
