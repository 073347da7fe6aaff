import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createApiKey } from "../../subgraphs/business/src/api-keys/api-key.service.ts";
import type { BusinessApp } from "../../subgraphs/business/src/app.ts";
import { type Billing, createBilling } from "../../subgraphs/business/src/billing/billing.ts";
import { tickBillingClock } from "../../subgraphs/business/src/billing/billing-clock.job.ts";
import { runRenewals } from "../../subgraphs/business/src/billing/renewal.service.ts";
import { IdempotencyRecord } from "../../subgraphs/business/src/idempotency/idempotency-record.entity.ts";
import { Invoice } from "../../subgraphs/business/src/invoices/invoice.entity.ts";
import { Payment } from "../../subgraphs/business/src/payments/payment.entity.ts";
import type { Product } from "../../subgraphs/business/src/products/product.entity.ts";
import { Subscription } from "../../subgraphs/business/src/subscriptions/subscription.entity.ts";
import { type BusinessTestKit, createBusinessTestKit, merchantQuery } from "../../subgraphs/business/src/testing/business-test-kit.ts";
import { DAY, customerQuery, personOf, saveTestCard, seedActiveSubscription, seedCustomer, seedOnHoldSubscription, seedShop } from "../../subgraphs/business/src/testing/money-fixtures.ts";
import { WebhookEvent } from "../../subgraphs/business/src/webhooks/webhook-event.entity.ts";
import { SandboxProcessor } from "../../subgraphs/shared/src/processor/index.ts";

/**
 * S5 races the subgraph tests leave out (reactivation races and its key replay/conflict live in
 * subgraphs/business/src/subscriptions/reactivation.test.ts): renewals by two clocks at once,
 * plan changes at once, a plan change's idempotency key, and charges retried after the caller
 * lost the processor's answer (renewal, dunning retry, plan change).
 */

const ADVANCE = `mutation ($to: DateTime!) { advanceTestClock(to: $to) { renewed putOnHold } }`;
const PREVIEW = `query ($input: PreviewPlanChangeInput!) { previewPlanChange(input: $input) { amountDueNow } }`;
const CHANGE = `mutation ($input: ChangePlanInput!) {
  changePlan(input: $input) { subscription { id product { name } } payment { id amount status } invoice { id total } }
}`;
const ROUNDS = 5;

let kit: BusinessTestKit;
let app: BusinessApp;
let billing: Billing;
let counter = 0;

beforeAll(async () => {
  kit = await createBusinessTestKit();
  app = await kit.startApp();
  billing = createBilling(kit.config);
  expect(billing.processor).toBeInstanceOf(SandboxProcessor);
});
afterAll(() => kit?.close());
afterEach(() => vi.restoreAllMocks());

/**
 * Watches every charge the sandbox processor answers in this process (the app's included). A
 * charge id is one charge at the processor: the same idempotency key, card and amount answer the
 * same id. `loseNextAnswer` makes the caller fail right after the processor charged, as if it
 * crashed or its connection dropped before the commit.
 */
function watchProcessor() {
  const charge = SandboxProcessor.prototype.charge;
  const calls: ReturnType<typeof charge>[] = [];
  let loseNext = false;
  vi.spyOn(SandboxProcessor.prototype, "charge").mockImplementation(function (this: SandboxProcessor, ...args: Parameters<typeof charge>) {
    const result = charge.apply(this, args);
    calls.push(result);
    if (loseNext) {
      loseNext = false;
      throw new Error("The connection dropped after the processor charged.");
    }
    return result;
  });
  return {
    calls,
    /** Distinct successful charges taken at the processor. */
    charges: () => new Set(calls.filter((c) => c.status === "succeeded").map((c) => c.chargeId)).size,
    loseNextAnswer: () => {
      loseNext = true;
    },
  };
}

/** A business of its own with one subscriber on Starter, renewing in 5 days. */
async function world() {
  const scope = { businessId: `biz_race${++counter}`, mode: "test" } as const;
  const em = kit.orm.em.fork();
  const products: Record<"starter" | "pro" | "team", Product> = await seedShop(em, scope);
  const customer = await seedCustomer(em, scope, `racer${counter}@example.com`);
  const method = saveTestCard(em, billing.processor, customer, "4242424242424242", true);
  const subscription = await seedActiveSubscription(em, customer, products.starter, method, new Date(), 25);
  const key = (await createApiKey(em, { ...scope, name: "ci" })).key;
  const start = Date.now();
  const advance = (days: number) => merchantQuery(app.app, scope.businessId, key, ADVANCE, { to: new Date(start + days * DAY).toISOString() });
  const ask = (query: string, variables: object) => customerQuery(app.app, personOf(customer), scope.businessId, query, variables);
  return { scope, products, subscription, advance, ask };
}

const succeeded = (subscriptionId: string) => kit.orm.em.fork().count(Payment, { subscriptionId, status: "succeeded" });

describe("S5 concurrent renewals", () => {
  it(`charges once per period when two test-clock advances past the renewal race (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { subscription, advance } = await world();
      const answers = await Promise.all([advance(10), advance(round % 2 ? 10 : 11)]);
      // The later of two advances to one instant, or an advance behind the other, is refused: the clock only moves forward.
      const refused = answers.filter((a) => a.body.errors);
      for (const answer of refused) expect(answer.body.errors![0].extensions.code).toBe("BAD_USER_INPUT");
      const renewed = answers.filter((a) => !a.body.errors).map((a) => a.body.data.advanceTestClock.renewed);
      expect(renewed.reduce((sum, n) => sum + n, 0)).toBe(1);
      expect(await succeeded(subscription.id)).toBe(1);
      expect(await kit.orm.em.fork().count(Invoice, { subscriptionId: subscription.id })).toBe(1);
    }
  });

  it("charges each due period once when two real-time billing clock runs overlap", async () => {
    const subscriptions = [];
    for (let i = 0; i < 4; i++) subscriptions.push((await world()).subscription);
    const at = new Date(Date.now() + 10 * DAY);
    const [first, second] = await Promise.all([tickBillingClock(kit.orm, { jobs: app.jobs, billing }, at), tickBillingClock(kit.orm, { jobs: app.jobs, billing }, at)]);
    expect(first.renewed + second.renewed).toBeGreaterThanOrEqual(subscriptions.length);
    for (const subscription of subscriptions) {
      expect(await succeeded(subscription.id)).toBe(1);
      const renewed = await kit.orm.em.fork().findOneOrFail(Subscription, subscription.id);
      expect(renewed.currentPeriodStart).toEqual(subscription.currentPeriodEnd);
    }
  });
});

describe("S5 concurrent plan changes", () => {
  it(`applies exactly one of two simultaneous prorated changes to different plans and charges once (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { products, subscription, ask } = await world();
      const inputs = [products.pro, products.team].map((product) => ({ subscriptionId: subscription.id, productId: product.id, prorationMode: "prorated_immediately" }));
      const previews = await Promise.all(inputs.map((input) => ask(PREVIEW, { input })));
      const answers = await Promise.all(
        inputs.map((input, i) => ask(CHANGE, { input: { ...input, expectedAmountDueNow: previews[i].data.previewPlanChange.amountDueNow } })),
      );
      const applied = answers.filter((a) => !a.errors);
      expect(applied).toHaveLength(1);
      expect(answers.find((a) => a.errors)!.errors![0].extensions.code).toBe("CONFLICT");
      expect(await succeeded(subscription.id)).toBe(1);
      const row = await kit.orm.em.fork().findOneOrFail(Subscription, subscription.id);
      expect(row.productId).toBe(applied[0].data.changePlan.subscription.product.name === "Pro" ? products.pro.id : products.team.id);
    }
  });

  it(`applies one of two simultaneous full-price changes from one plan to different plans, charges once and asks the other to reload (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { products, subscription, ask } = await world();
      const processor = watchProcessor();
      const inputs = [products.pro, products.team].map((product) => ({
        subscriptionId: subscription.id,
        productId: product.id,
        prorationMode: "full_immediately",
        fromProductId: products.starter.id,
      }));
      const previews = await Promise.all(inputs.map(({ fromProductId: _, ...input }) => ask(PREVIEW, { input })));
      const answers = await Promise.all(
        inputs.map((input, i) => ask(CHANGE, { input: { ...input, expectedAmountDueNow: previews[i].data.previewPlanChange.amountDueNow, idempotencyKey: `full-race-${round}-${i}` } })),
      );
      const applied = answers.filter((a) => !a.errors);
      expect(applied).toHaveLength(1);
      const refused = answers.find((a) => a.errors)!;
      expect(refused.data).toBeNull();
      expect(refused.errors![0]).toMatchObject({ message: expect.stringMatching(/changed plan.*Reload/), extensions: { code: "CONFLICT", reason: "PLAN_CHANGED" } });

      const chosen = applied[0].data.changePlan.subscription.product.name === "Pro" ? products.pro : products.team;
      expect(refused.errors![0].extensions.currentProductId).toBe(chosen.id);
      const em = kit.orm.em.fork();
      expect(await em.findOneOrFail(Subscription, subscription.id)).toMatchObject({ productId: chosen.id, amount: chosen.priceAmount });
      expect(await succeeded(subscription.id)).toBe(1);
      expect(await em.count(Payment, { subscriptionId: subscription.id })).toBe(1);
      expect(await em.count(Invoice, { subscriptionId: subscription.id })).toBe(1);
      expect(await em.count(WebhookEvent, { businessId: subscription.businessId, type: "subscription.plan_changed" })).toBe(1);
      expect(processor.charges()).toBe(1);
      vi.restoreAllMocks();
    }
  });

  it(`applies a double-submitted change (no key) once and charges once (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { products, subscription, ask } = await world();
      const input = { subscriptionId: subscription.id, productId: products.team.id, prorationMode: "full_immediately" };
      const amount = (await ask(PREVIEW, { input })).data.previewPlanChange.amountDueNow;
      const answers = await Promise.all([1, 2].map(() => ask(CHANGE, { input: { ...input, expectedAmountDueNow: amount } })));
      expect(answers.filter((a) => !a.errors)).toHaveLength(1);
      expect(answers.find((a) => a.errors)!.errors![0].extensions.code).toBe("BAD_USER_INPUT");
      expect(await succeeded(subscription.id)).toBe(1);
    }
  });

  it("charges once for the same change sent 10 times at once with one idempotency key, every answer the first result", async () => {
    const { products, subscription, ask } = await world();
    const input = { subscriptionId: subscription.id, productId: products.pro.id, prorationMode: "full_immediately" };
    const amount = (await ask(PREVIEW, { input })).data.previewPlanChange.amountDueNow;
    const answers = await Promise.all(Array.from({ length: 10 }, () => ask(CHANGE, { input: { ...input, expectedAmountDueNow: amount, idempotencyKey: "change-race-0001" } })));
    expect(answers.filter((a) => a.errors)).toEqual([]);
    expect(new Set(answers.map((a) => a.data.changePlan.payment.id)).size).toBe(1);
    expect(await succeeded(subscription.id)).toBe(1);
  });
});

describe("S5 plan change idempotency keys", () => {
  it("replays the first result within 24 hours, charges nothing more, and refuses the key with other parameters", async () => {
    const { products, subscription, ask, scope } = await world();
    const input = { subscriptionId: subscription.id, productId: products.pro.id, prorationMode: "full_immediately" };
    const amount = (await ask(PREVIEW, { input })).data.previewPlanChange.amountDueNow;
    const first = await ask(CHANGE, { input: { ...input, expectedAmountDueNow: amount, idempotencyKey: "change-key-0001" } });
    expect(first.errors).toBeUndefined();

    // 23 hours later the key still answers with the first result.
    const em = kit.orm.em.fork();
    const record = await em.findOneOrFail(IdempotencyRecord, { businessId: scope.businessId, mode: scope.mode, key: "change-key-0001" });
    record.createdAt = new Date(Date.now() - 23 * 60 * 60 * 1000);
    await em.flush();
    const replay = await ask(CHANGE, { input: { ...input, expectedAmountDueNow: amount, idempotencyKey: "change-key-0001" } });
    expect(replay.errors).toBeUndefined();
    expect(replay.data.changePlan).toEqual(first.data.changePlan);
    expect(await succeeded(subscription.id)).toBe(1);

    const reused = await ask(CHANGE, { input: { ...input, productId: products.team.id, expectedAmountDueNow: amount, idempotencyKey: "change-key-0001" } });
    expect(reused.errors?.[0].extensions.code).toBe("CONFLICT");
    expect(reused.data).toBeNull();
    expect((await kit.orm.em.fork().findOneOrFail(Subscription, subscription.id)).productId).toBe(products.pro.id);
    expect(await succeeded(subscription.id)).toBe(1);
  });
});

describe("S5 charges retried after the caller lost the processor's answer", () => {
  it("takes one charge when a renewal run fails after charging and the billing clock runs the period again", async () => {
    const { scope, subscription } = await world();
    const processor = watchProcessor();
    const at = new Date(Date.now() + 10 * DAY);
    const run = () => runRenewals(kit.orm.em.fork(), { jobs: app.jobs, billing }, scope, at, { simulate: false });

    processor.loseNextAnswer();
    await expect(run()).rejects.toThrow(/connection dropped/);
    expect(processor.charges()).toBe(1);
    expect(await kit.orm.em.fork().count(Invoice, { subscriptionId: subscription.id })).toBe(0);
    expect((await kit.orm.em.fork().findOneOrFail(Subscription, subscription.id)).nextBillingDate).toEqual(subscription.nextBillingDate);

    expect(await run()).toMatchObject({ renewed: 1, putOnHold: 0 });
    expect(processor.calls).toHaveLength(2);
    expect(processor.charges()).toBe(1);
    expect(await succeeded(subscription.id)).toBe(1);
    expect(await kit.orm.em.fork().count(Invoice, { subscriptionId: subscription.id, status: "paid" })).toBe(1);
  });

  it("takes one charge when a dunning retry fails after charging and runs again", async () => {
    const { scope, products } = await world();
    const em = kit.orm.em.fork();
    const customer = await seedCustomer(em, scope, `dunned${counter}@example.com`);
    const method = saveTestCard(em, billing.processor, customer, "4242424242424242", true);
    const { subscription, invoice } = await seedOnHoldSubscription(em, customer, products.pro, method);
    const processor = watchProcessor();
    const run = () => runRenewals(kit.orm.em.fork(), { jobs: app.jobs, billing }, scope, new Date(Date.now() + 4 * DAY), { simulate: false });

    processor.loseNextAnswer();
    await expect(run()).rejects.toThrow(/connection dropped/);
    expect((await kit.orm.em.fork().findOneOrFail(Subscription, subscription.id)).status).toBe("on_hold");

    expect(await run()).toMatchObject({ renewed: 1 });
    expect(processor.calls).toHaveLength(2);
    expect(processor.charges()).toBe(1);
    expect(await kit.orm.em.fork().find(Payment, { invoiceId: invoice.id, status: "succeeded" })).toHaveLength(1);
    expect((await kit.orm.em.fork().findOneOrFail(Invoice, invoice.id)).status).toBe("paid");
  });

  it("takes one charge when a plan change fails after charging and the person sends it again", async () => {
    const { products, subscription, ask } = await world();
    const processor = watchProcessor();
    const input = { subscriptionId: subscription.id, productId: products.team.id, prorationMode: "full_immediately" };
    const amount = (await ask(PREVIEW, { input })).data.previewPlanChange.amountDueNow;
    const change = () => ask(CHANGE, { input: { ...input, fromProductId: products.starter.id, expectedAmountDueNow: amount, idempotencyKey: "change-lost-0001" } });

    processor.loseNextAnswer();
    const lost = await change();
    expect(lost.errors?.[0].extensions.code).toBe("INTERNAL_SERVER_ERROR");
    expect((await kit.orm.em.fork().findOneOrFail(Subscription, subscription.id)).productId).toBe(products.starter.id);
    expect(await kit.orm.em.fork().count(Payment, { subscriptionId: subscription.id })).toBe(0);

    const retried = await change();
    expect(retried.errors).toBeUndefined();
    expect(retried.data.changePlan.subscription.product.name).toBe("Team");
    expect(processor.calls).toHaveLength(2);
    expect(processor.charges()).toBe(1);
    expect(await succeeded(subscription.id)).toBe(1);
  });
});
