import { AppError, badInput } from "@billfold/shared";
import type { EntityManager } from "@mikro-orm/postgresql";
import { addInterval, periodLabel } from "../billing/billing-period.util.ts";
import { type Billing, pauseAfterCharge } from "../billing/billing.ts";
import { getShopOrThrow, shopNow } from "../billing/billing-clock.ts";
import { chargeInvoice } from "../billing/charge.service.ts";
import { sendPaymentReceived, sendSubscriptionReactivated } from "../billing/customer-notices.ts";
import { paymentData, subscriptionData } from "../billing/webhook-payloads.ts";
import { Customer } from "../customers/customer.entity.ts";
import { IdempotencyRecord } from "../idempotency/idempotency-record.entity.ts";
import { checkIdempotencyKey, findReplay, rememberResponse, requestHash } from "../idempotency/idempotency.service.ts";
import { Invoice } from "../invoices/invoice.entity.ts";
import { issueInvoice } from "../invoices/invoice.service.ts";
import type { JobQueue } from "../jobs/job-queue.ts";
import { getPaymentMethodOrThrow, inspectToken, saveCard } from "../payment-methods/payment-method.service.ts";
import { Payment } from "../payments/payment.entity.ts";
import { Product } from "../products/product.entity.ts";
import type { CustomerScope } from "../shared/customer-scope.ts";
import { emitWebhookEvent } from "../webhooks/webhook-events.ts";
import { findOpenInvoice, getCustomerSubscriptionOrThrow } from "./customer-subscription.util.ts";
import type { Subscription } from "./subscription.entity.ts";

export interface SubscriptionPaymentInput {
  subscriptionId: string;
  paymentMethodId?: string | null;
  token?: string | null;
  idempotencyKey?: string | null;
}

export interface SubscriptionPaymentResult {
  subscription: Subscription;
  payment: Payment | null;
  invoice: Invoice | null;
}

type StoredResult = { subscriptionId: string; paymentId: string | null; invoiceId: string | null };
type Outcome = { kind: "done"; result: SubscriptionPaymentResult } | { kind: "replay"; stored: StoredResult } | { kind: "declined"; error: AppError };

/** Payment.idempotencyKey of an invoice's successful charge: the database refuses a second one. */
export const invoiceChargeKey = (invoice: Invoice) => `invoice:${invoice.id}`;

/**
 * Chooses or adds the card a subscription pays with. An active or paused subscription just
 * switches; an on-hold one is reactivated: its outstanding invoice is charged with the card, and
 * on success it is paid, the subscription starts a new period now, and the person is emailed and
 * the business notified (both through jobs that run after commit). A decline is recorded as a
 * failed payment and answered with PAYMENT_FAILED; nothing else changes. The subscription row is
 * locked for the whole transaction and the first success is replayed for the same key, so
 * concurrent or repeated requests charge once.
 */
export async function updateSubscriptionPaymentMethod(
  em: EntityManager,
  jobs: JobQueue,
  billing: Billing,
  scope: CustomerScope,
  input: SubscriptionPaymentInput,
): Promise<SubscriptionPaymentResult> {
  if (Boolean(input.paymentMethodId) === Boolean(input.token)) {
    throw badInput("Choose a saved card or add a new one.", { fields: ["paymentMethodId", "token"] });
  }
  const clientKey = checkIdempotencyKey(input.idempotencyKey);
  if (input.token) inspectToken(billing.processor, input.token);
  // The default key names the outstanding invoice as it was before the lock, so concurrent retries share it.
  const before = await getCustomerSubscriptionOrThrow(em, scope, input.subscriptionId);
  const owed = before.status === "on_hold" ? await findOpenInvoice(em, before) : null;
  const hash = requestHash("updateSubscriptionPaymentMethod", { subscriptionId: before.id, paymentMethodId: input.paymentMethodId, token: input.token });
  const key = clientKey ?? (owed ? `reactivate:${before.id}:${owed.id}` : ((await latestReactivationKey(em, scope, before.id, hash)) ?? `reactivate:${before.id}:none`));

  const outcome = await em.transactional(async (tx): Promise<Outcome> => {
    const subscription = await getCustomerSubscriptionOrThrow(tx, scope, input.subscriptionId, true);
    const stored = await findReplay<StoredResult>(tx, scope, key, hash);
    if (stored) return { kind: "replay", stored };
    if (subscription.status === "active" || subscription.status === "paused") {
      const method = input.token
        ? await saveCard(tx, billing.processor, scope, input.token, false)
        : await getPaymentMethodOrThrow(tx, scope, input.paymentMethodId!);
      subscription.paymentMethodId = method.id;
      await tx.flush();
      return { kind: "done", result: { subscription, payment: null, invoice: null } };
    }
    if (subscription.status !== "on_hold") {
      throw new AppError("CONFLICT", "This subscription has ended, so its payment method can no longer be changed.", { status: subscription.status });
    }
    return reactivate(tx, jobs, billing, scope, subscription, input, { key, hash });
  });

  if (outcome.kind === "declined") throw outcome.error;
  if (outcome.kind === "done") return outcome.result;
  const { stored } = outcome;
  return {
    subscription: await getCustomerSubscriptionOrThrow(em, scope, stored.subscriptionId),
    payment: stored.paymentId ? await em.findOne(Payment, { id: stored.paymentId, businessId: scope.businessId, mode: scope.mode }) : null,
    invoice: stored.invoiceId ? await em.findOne(Invoice, { id: stored.invoiceId, businessId: scope.businessId, mode: scope.mode }) : null,
  };
}

/** A request that arrives just after an identical one reactivated the subscription replays that answer. */
async function latestReactivationKey(em: EntityManager, scope: CustomerScope, subscriptionId: string, hash: string): Promise<string | null> {
  const record = await em.findOne(
    IdempotencyRecord,
    { businessId: scope.businessId, mode: scope.mode, key: { $like: `reactivate:${subscriptionId}:%` }, requestHash: hash },
    { orderBy: { createdAt: "desc" } },
  );
  return record?.key ?? null;
}

async function reactivate(
  tx: EntityManager,
  jobs: JobQueue,
  billing: Billing,
  scope: CustomerScope,
  subscription: Subscription,
  input: SubscriptionPaymentInput,
  idempotency: { key: string; hash: string },
): Promise<Outcome> {
  const shop = await getShopOrThrow(tx, scope);
  const now = shopNow(shop);
  const product = await tx.findOneOrFail(Product, { id: subscription.productId });
  const saved = input.paymentMethodId ? await getPaymentMethodOrThrow(tx, scope, input.paymentMethodId) : null;
  const invoice =
    (await findOpenInvoice(tx, subscription)) ??
    (await issueInvoice(tx, {
      ...scope,
      subscriptionId: subscription.id,
      currency: subscription.currency,
      taxRateBps: product.taxRateBps,
      status: "open",
      issuedAt: now,
      lines: [{ description: periodLabel(product.name, now, addInterval(now, subscription.interval, subscription.intervalCount)), quantity: 1, unitAmount: subscription.amount }],
    }));

  let payment: Payment | null = null;
  if (invoice.total > 0) {
    const charge = chargeInvoice(tx, billing.processor, {
      invoice,
      paymentMethodId: saved?.id ?? null,
      processorToken: saved?.processorToken ?? input.token!,
      at: now,
      idempotencyKey: invoiceChargeKey(invoice),
      // One outstanding invoice paid with one card is one charge at the processor, however often it is retried.
      processorKey: invoiceChargeKey(invoice),
    });
    payment = charge.payment;
    if (!charge.ok) {
      await emitWebhookEvent(tx, jobs, scope, "payment.failed", paymentData(charge.payment));
      await tx.flush();
      return { kind: "declined", error: new AppError("PAYMENT_FAILED", charge.message, { declineCode: charge.declineCode, paymentId: charge.payment.id }) };
    }
  }
  // A new card is saved only once it has paid.
  const method = saved ?? (await saveCard(tx, billing.processor, scope, input.token!, false));
  if (payment) payment.paymentMethodId = method.id;
  invoice.status = "paid";
  subscription.status = "active";
  subscription.paymentMethodId = method.id;
  subscription.currentPeriodStart = now;
  subscription.currentPeriodEnd = addInterval(now, subscription.interval, subscription.intervalCount);
  subscription.nextBillingDate = subscription.currentPeriodEnd;

  const customer = await tx.findOneOrFail(Customer, { id: scope.customerId });
  await rememberResponse(tx, scope, idempotency.key, idempotency.hash, { subscriptionId: subscription.id, paymentId: payment?.id ?? null, invoiceId: invoice.id });
  if (payment) {
    await sendPaymentReceived(tx, jobs, shop, customer, invoice);
    await emitWebhookEvent(tx, jobs, scope, "payment.succeeded", paymentData(payment));
  }
  await sendSubscriptionReactivated(tx, jobs, shop, customer, product.name, subscription);
  await emitWebhookEvent(tx, jobs, scope, "subscription.active", subscriptionData(subscription));
  await tx.flush();
  // Charged, not committed: the window the durability test kills the process in (test runs only).
  if (payment) await pauseAfterCharge(billing);
  return { kind: "done", result: { subscription, payment, invoice } };
}
