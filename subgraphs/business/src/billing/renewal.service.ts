import { type EntityManager, LockMode } from "@mikro-orm/postgresql";
import { Customer } from "../customers/customer.entity.ts";
import type { Invoice } from "../invoices/invoice.entity.ts";
import { issueInvoice } from "../invoices/invoice.service.ts";
import type { JobQueue } from "../jobs/job-queue.ts";
import { PaymentMethod } from "../payment-methods/payment-method.entity.ts";
import { Payment } from "../payments/payment.entity.ts";
import { buildPayment } from "../payments/payment.factory.ts";
import { Product } from "../products/product.entity.ts";
import type { Scope } from "../shared/context.ts";
import type { Shop } from "../shops/shop.entity.ts";
import { findOpenInvoice } from "../subscriptions/customer-subscription.util.ts";
import { Subscription } from "../subscriptions/subscription.entity.ts";
import { syncLicenseKeysWithSubscription } from "../licenses/license-issue.service.ts";
import { emitWebhookEvent } from "../webhooks/webhook-events.ts";
import { addDays, addInterval, periodLabel } from "./billing-period.util.ts";
import type { Billing } from "./billing.ts";
import { getShopOrThrow, settingsOf } from "./billing-clock.ts";
import { type ChargeOutcome, chargeInvoice } from "./charge.service.ts";
import { dunningChargeKey, renewalChargeKey } from "./processor-key.util.ts";
import { paymentMethodLink, sendPaymentReceived, sendRenewalFailed, sendSubscriptionExpired, sendSubscriptionFailed } from "./customer-notices.ts";
import { paymentData, subscriptionData } from "./webhook-payloads.ts";

export interface RenewalCounts {
  renewed: number;
  putOnHold: number;
  ended: number;
  failed: number;
}

export interface RenewalOptions {
  /** Test clock: each event happens at its own due time. Real time: at the wall clock. */
  simulate: boolean;
  /** Upper bound on the events of one run. */
  maxEvents?: number;
}

type Event = keyof RenewalCounts | "retry_failed" | "skipped";
const BATCH = 50;

/**
 * Runs every billing event of one business+mode that is due by `until`, oldest first, each in
 * its own transaction with the subscription row locked (rows another worker holds are skipped):
 * renewals, period-end cancellations and dunning retries. Repeats until nothing is due, so a test
 * clock moved months ahead renews month by month.
 */
export async function runRenewals(em: EntityManager, deps: { jobs: JobQueue; billing: Billing }, scope: Scope, until: Date, options: RenewalOptions): Promise<RenewalCounts> {
  const counts: RenewalCounts = { renewed: 0, putOnHold: 0, ended: 0, failed: 0 };
  let events = 0;
  const max = options.maxEvents ?? 5000;
  while (events < max) {
    const due = await em.fork().find(
      Subscription,
      { businessId: scope.businessId, mode: scope.mode, status: { $in: ["active", "on_hold"] }, nextBillingDate: { $lte: until } },
      { orderBy: { nextBillingDate: "asc", id: "asc" }, limit: BATCH, fields: ["id"] },
    );
    let progressed = false;
    for (const { id } of due) {
      const event = await processDue(em.fork(), deps, scope, id, until, options.simulate);
      if (event === "skipped") continue;
      progressed = true;
      events += 1;
      if (event !== "retry_failed") counts[event] += 1;
    }
    if (!progressed) break;
  }
  return counts;
}

async function processDue(em: EntityManager, deps: { jobs: JobQueue; billing: Billing }, scope: Scope, id: string, until: Date, simulate: boolean): Promise<Event> {
  return em.transactional(async (tx) => {
    const subscription = await tx.findOne(
      Subscription,
      { id, status: { $in: ["active", "on_hold"] }, nextBillingDate: { $lte: until } },
      { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE, refresh: true },
    );
    if (!subscription) return "skipped";
    const at = simulate ? subscription.nextBillingDate! : new Date();
    const shop = await getShopOrThrow(tx, scope);
    if (subscription.status === "active" && subscription.cancelAtPeriodEnd) {
      subscription.status = "cancelled";
      subscription.endedAt = subscription.currentPeriodEnd ?? at;
      subscription.nextBillingDate = null;
      await syncLicenseKeysWithSubscription(tx, subscription);
      const customer = await tx.findOneOrFail(Customer, { id: subscription.customerId });
      const product = await tx.findOneOrFail(Product, { id: subscription.productId });
      await sendSubscriptionExpired(tx, deps.jobs, shop, customer, product.name, subscription);
      await emitWebhookEvent(tx, deps.jobs, shop, "subscription.expired", subscriptionData(subscription));
      await tx.flush();
      return "ended";
    }
    const dueAt = subscription.nextBillingDate!;
    const context = { tx, deps, shop, subscription, at, dueAt, product: await tx.findOneOrFail(Product, { id: subscription.productId }) };
    return subscription.status === "active" ? renew(context) : retry(context);
  });
}

interface EventContext {
  tx: EntityManager;
  deps: { jobs: JobQueue; billing: Billing };
  shop: Shop;
  subscription: Subscription;
  product: Product;
  at: Date;
  /** The next billing date that made this event due, before the event moves it. */
  dueAt: Date;
}

/** Bills the next period; a decline puts the subscription on hold and emails the person the link to fix it. */
async function renew(context: EventContext): Promise<Event> {
  const { tx, deps, shop, subscription, at } = context;
  let start = subscription.currentPeriodEnd ?? at;
  if (addInterval(start, subscription.interval, subscription.intervalCount) <= at) start = at;
  const end = addInterval(start, subscription.interval, subscription.intervalCount);
  const invoice = await issuePeriodInvoice(context, start, end);
  const outcome = await charge(context, invoice, renewalChargeKey(subscription.id, context.dueAt));
  subscription.currentPeriodStart = start;
  subscription.currentPeriodEnd = end;
  if (!outcome || outcome.ok) {
    invoice.status = "paid";
    subscription.nextBillingDate = end;
    await emitWebhookEvent(tx, deps.jobs, shop, "subscription.renewed", subscriptionData(subscription, { invoiceId: invoice.id }));
    if (outcome) await emitWebhookEvent(tx, deps.jobs, shop, "payment.succeeded", paymentData(outcome.payment));
    await tx.flush();
    return "renewed";
  }
  const days = settingsOf(shop).dunningDays;
  if (days.length === 0) {
    await emitWebhookEvent(tx, deps.jobs, shop, "payment.failed", paymentData(outcome.payment));
    await failSubscription(context, invoice);
    await tx.flush();
    return "failed";
  }
  subscription.status = "on_hold";
  subscription.nextBillingDate = addDays(invoice.issuedAt, days[0]);
  const customer = await tx.findOneOrFail(Customer, { id: subscription.customerId });
  await sendRenewalFailed(tx, deps.jobs, shop, customer, context.product.name, invoice, outcome.message, paymentMethodLink(deps.billing.publicUrl, subscription));
  await emitWebhookEvent(tx, deps.jobs, shop, "subscription.on_hold", subscriptionData(subscription, { invoiceId: invoice.id }));
  await emitWebhookEvent(tx, deps.jobs, shop, "payment.failed", paymentData(outcome.payment));
  await tx.flush();
  return "putOnHold";
}

/** No payment retry is left: the subscription ends unpaid; the customer is emailed and the merchant notified. */
async function failSubscription({ tx, deps, shop, subscription, product, at }: EventContext, invoice: Invoice): Promise<void> {
  subscription.status = "failed";
  subscription.endedAt = at;
  subscription.nextBillingDate = null;
  invoice.status = "uncollectible";
  await syncLicenseKeysWithSubscription(tx, subscription);
  const customer = await tx.findOneOrFail(Customer, { id: subscription.customerId });
  await sendSubscriptionFailed(tx, deps.jobs, shop, customer, product.name, invoice);
  await emitWebhookEvent(tx, deps.jobs, shop, "subscription.failed", subscriptionData(subscription, { invoiceId: invoice.id }));
}

/** A dunning retry of the outstanding invoice: paid → active with a new period; the last failure ends it. */
async function retry(context: EventContext): Promise<Event> {
  const { tx, deps, shop, subscription, at } = context;
  const invoice = (await findOpenInvoice(tx, subscription)) ?? (await issuePeriodInvoice(context, at, addInterval(at, subscription.interval, subscription.intervalCount)));
  const failuresBefore = await tx.count(Payment, { invoiceId: invoice.id, status: "failed" });
  const outcome = await charge(context, invoice, dunningChargeKey(subscription.id, context.dueAt, failuresBefore + 1));
  if (!outcome || outcome.ok) {
    invoice.status = "paid";
    subscription.status = "active";
    subscription.currentPeriodStart = at;
    subscription.currentPeriodEnd = addInterval(at, subscription.interval, subscription.intervalCount);
    subscription.nextBillingDate = subscription.currentPeriodEnd;
    if (outcome) {
      await sendPaymentReceived(tx, deps.jobs, shop, await tx.findOneOrFail(Customer, { id: subscription.customerId }), invoice);
      await emitWebhookEvent(tx, deps.jobs, shop, "payment.succeeded", paymentData(outcome.payment));
    }
    await emitWebhookEvent(tx, deps.jobs, shop, "subscription.active", subscriptionData(subscription));
    await tx.flush();
    return "renewed";
  }
  const days = settingsOf(shop).dunningDays;
  // The renewal was the first failure; retry k runs days[k-1] days after it.
  const retriesDone = Math.max(1, failuresBefore);
  await emitWebhookEvent(tx, deps.jobs, shop, "payment.failed", paymentData(outcome.payment));
  if (retriesDone >= days.length) {
    await failSubscription(context, invoice);
    await tx.flush();
    return "failed";
  }
  const scheduled = addDays(invoice.issuedAt, days[retriesDone]);
  subscription.nextBillingDate = scheduled > at ? scheduled : addDays(at, 1);
  await tx.flush();
  return "retry_failed";
}

async function issuePeriodInvoice({ tx, subscription, product, at }: EventContext, start: Date, end: Date): Promise<Invoice> {
  const evenSplit = subscription.amount % subscription.quantity === 0;
  const lines = [
    {
      description: periodLabel(product.name, start, end),
      quantity: evenSplit ? subscription.quantity : 1,
      unitAmount: evenSplit ? subscription.amount / subscription.quantity : subscription.amount,
    },
  ];
  const credit = Math.min(subscription.creditBalance, subscription.amount);
  if (credit > 0) {
    lines.push({ description: "Credit from an earlier plan change", quantity: 1, unitAmount: -credit });
    subscription.creditBalance -= credit;
  }
  return issueInvoice(tx, {
    businessId: subscription.businessId,
    mode: subscription.mode,
    customerId: subscription.customerId,
    subscriptionId: subscription.id,
    currency: subscription.currency,
    taxRateBps: product.taxRateBps,
    status: "open",
    issuedAt: at,
    lines,
  });
}

/** Charges the subscription's card (else the customer's default); null when nothing is owed. */
async function charge({ tx, deps, subscription, at }: EventContext, invoice: Invoice, processorKey: string): Promise<ChargeOutcome | null> {
  if (invoice.total === 0) return null;
  const method = await tx.findOne(
    PaymentMethod,
    subscription.paymentMethodId
      ? { id: subscription.paymentMethodId, removedAt: null }
      : { businessId: subscription.businessId, mode: subscription.mode, customerId: subscription.customerId, isDefault: true, removedAt: null },
  );
  if (!method) {
    const message = "There is no card on file. Add a payment method.";
    const payment = buildPayment(tx, {
      businessId: invoice.businessId,
      mode: invoice.mode,
      customerId: invoice.customerId,
      subscriptionId: subscription.id,
      invoiceId: invoice.id,
      amount: invoice.total,
      currency: invoice.currency,
      status: "failed",
      failureReason: message,
      createdAt: at,
    });
    return { ok: false, payment, declineCode: "no_payment_method", message };
  }
  return chargeInvoice(tx, deps.billing.processor, { invoice, paymentMethodId: method.id, processorToken: method.processorToken, at, idempotencyKey: `invoice:${invoice.id}`, processorKey });
}
