import { AppError, badInput, forbidden, notFound } from "@billfold/shared";
import type { EntityManager } from "@mikro-orm/postgresql";
import { addInterval } from "../billing/billing-period.util.ts";
import type { Billing } from "../billing/billing.ts";
import { getShopOrThrow, settingsOf, shopNow } from "../billing/billing-clock.ts";
import { sendPaymentReceived } from "../billing/customer-notices.ts";
import { planChangeChargeKey } from "../billing/processor-key.util.ts";
import { paymentData, subscriptionData } from "../billing/webhook-payloads.ts";
import { Customer } from "../customers/customer.entity.ts";
import { checkIdempotencyKey, findReplay, rememberResponse, requestHash } from "../idempotency/idempotency.service.ts";
import { Invoice } from "../invoices/invoice.entity.ts";
import { issueInvoice } from "../invoices/invoice.service.ts";
import type { JobQueue } from "../jobs/job-queue.ts";
import { PaymentMethod } from "../payment-methods/payment-method.entity.ts";
import { Payment } from "../payments/payment.entity.ts";
import { buildPayment } from "../payments/payment.factory.ts";
import { Product } from "../products/product.entity.ts";
import type { CustomerScope } from "../shared/customer-scope.ts";
import type { ProrationMode } from "../shops/shop-settings.ts";
import type { Shop } from "../shops/shop.entity.ts";
import { emitWebhookEvent } from "../webhooks/webhook-events.ts";
import { getCustomerSubscriptionOrThrow } from "./customer-subscription.util.ts";
import { allowedPlans } from "./plan-rules.util.ts";
import { type ProrationResult, computeProration } from "./proration.util.ts";
import type { Subscription } from "./subscription.entity.ts";
import type { SubscriptionPaymentResult } from "./subscription-payment.service.ts";

export interface PlanChangeInput {
  subscriptionId: string;
  productId: string;
  quantity?: number | null;
  prorationMode?: ProrationMode | null;
}

export interface ChangePlanRequest extends PlanChangeInput {
  expectedAmountDueNow: number;
  /** The plan the person saw as current: the change is refused when the subscription has left it since. */
  fromProductId?: string | null;
  idempotencyKey?: string | null;
}

export interface PlanChangePreview extends ProrationResult {
  currency: string;
  prorationMode: ProrationMode;
}

interface Plan {
  shop: Shop;
  subscription: Subscription;
  product: Product;
  quantity: number;
  preview: PlanChangePreview;
  now: Date;
}

/** Checks the change against the subscription and the shop's rules and prices it; no writes. */
async function planChange(em: EntityManager, scope: CustomerScope, input: PlanChangeInput, lock: boolean): Promise<Plan> {
  const quantity = input.quantity ?? 1;
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > 1000) throw badInput("The quantity must be a whole number from 1 to 1000.", { field: "quantity" });
  const subscription = await getCustomerSubscriptionOrThrow(em, scope, input.subscriptionId, lock);
  const shop = await getShopOrThrow(em, scope);
  const now = shopNow(shop);
  if (settingsOf(shop).planChanges === "none") throw forbidden(`${shop.name} does not allow changing plans online.`);
  if (subscription.status !== "active" || subscription.cancelAtPeriodEnd) {
    throw new AppError("CONFLICT", "Only an active subscription that is not ending can change plans.", { status: subscription.status });
  }
  const product = await em.findOne(Product, { id: input.productId, businessId: scope.businessId, mode: scope.mode });
  if (!product) throw notFound("The plan");
  if (product.id === subscription.productId && quantity === subscription.quantity) throw badInput("The subscription is already on this plan.");
  const current = await em.findOneOrFail(Product, { id: subscription.productId });
  const candidates = product.id === current.id ? [] : allowedPlans(settingsOf(shop), subscription, current, [product]);
  if (product.id !== current.id && candidates.length === 0) {
    throw forbidden(settingsOf(shop).planChanges === "upgrade_only" ? `${shop.name} allows upgrades only.` : "This plan is not available for this subscription.");
  }
  const mode = input.prorationMode ?? settingsOf(shop).prorationMode;
  const periodStart = subscription.currentPeriodStart ?? now;
  const proration = computeProration({
    mode,
    current: { name: current.name, amount: subscription.amount, interval: subscription.interval, intervalCount: subscription.intervalCount },
    next: { name: product.name, unitAmount: product.priceAmount, quantity, taxRateBps: product.taxRateBps, interval: product.interval!, intervalCount: product.intervalCount },
    period: { start: periodStart, end: subscription.currentPeriodEnd ?? addInterval(periodStart, subscription.interval, subscription.intervalCount) },
    now,
    creditBalance: subscription.creditBalance,
  });
  return { shop, subscription, product, quantity, now, preview: { ...proration, currency: subscription.currency, prorationMode: mode } };
}

export async function previewPlanChange(em: EntityManager, scope: CustomerScope, input: PlanChangeInput): Promise<PlanChangePreview> {
  return (await planChange(em, scope, input, false)).preview;
}

/**
 * Applies a plan change priced exactly as its preview: recomputed under the subscription's lock
 * and refused with CONFLICT when the subscription left the plan the person changed from, or the
 * amount due now differs from what they saw. An amount due is charged to the subscription's card
 * (else the default card); a decline records the failed payment and changes nothing else.
 */
export async function changePlan(
  em: EntityManager,
  jobs: JobQueue,
  billing: Billing,
  scope: CustomerScope,
  input: ChangePlanRequest,
): Promise<SubscriptionPaymentResult> {
  const key = checkIdempotencyKey(input.idempotencyKey);
  const hash = requestHash("changePlan", { ...input, idempotencyKey: undefined, quantity: input.quantity ?? 1 });
  const outcome = await em.transactional(async (tx) => {
    const locked = await getCustomerSubscriptionOrThrow(tx, scope, input.subscriptionId, true);
    const stored = key ? await findReplay<{ subscriptionId: string; paymentId: string | null; invoiceId: string | null }>(tx, scope, key, hash) : null;
    if (stored) {
      return {
        result: {
          subscription: await getCustomerSubscriptionOrThrow(tx, scope, stored.subscriptionId),
          payment: stored.paymentId ? await tx.findOne(Payment, { id: stored.paymentId }) : null,
          invoice: stored.invoiceId ? await tx.findOne(Invoice, { id: stored.invoiceId }) : null,
        },
      };
    }
    if (input.fromProductId && input.fromProductId !== locked.productId) {
      throw new AppError("CONFLICT", "This subscription changed plan while you were changing it. Reload it and choose again.", {
        reason: "PLAN_CHANGED",
        currentProductId: locked.productId,
      });
    }
    const plan = await planChange(tx, scope, input, false);
    const { subscription, product, preview, now } = plan;
    if (preview.amountDueNow !== input.expectedAmountDueNow) {
      throw new AppError("CONFLICT", "The price of this change has changed since you saw it. Review it again.", { amountDueNow: preview.amountDueNow });
    }
    let payment: Payment | null = null;
    if (preview.amountDueNow > 0) {
      const method = await tx.findOne(
        PaymentMethod,
        subscription.paymentMethodId
          ? { id: subscription.paymentMethodId, removedAt: null }
          : { businessId: scope.businessId, mode: scope.mode, customerId: scope.customerId, isDefault: true, removedAt: null },
      );
      if (!method) throw badInput("Add a payment method before changing to this plan.", { field: "paymentMethodId" });
      const declines = await tx.count(Payment, { subscriptionId: subscription.id, status: "failed" });
      const processorKey = planChangeChargeKey(subscription.id, subscription.version, declines + 1);
      const charge = billing.processor.charge(method.processorToken, preview.amountDueNow, preview.currency, now, processorKey);
      if (charge.status === "failed") {
        const failed = buildPayment(tx, {
          ...paymentScope(scope, subscription),
          amount: preview.amountDueNow,
          currency: preview.currency,
          status: "failed",
          failureReason: charge.message,
          paymentMethodId: method.id,
          createdAt: now,
        });
        await emitWebhookEvent(tx, jobs, scope, "payment.failed", paymentData(failed));
        await tx.flush();
        return { declined: new AppError("PAYMENT_FAILED", charge.message, { declineCode: charge.code, paymentId: failed.id }) };
      }
      payment = buildPayment(tx, { ...paymentScope(scope, subscription), amount: preview.amountDueNow, currency: preview.currency, status: "succeeded", paymentMethodId: method.id, createdAt: now });
    }
    const invoice =
      preview.amountDueNow > 0
        ? await issueInvoice(tx, { ...scope, subscriptionId: subscription.id, currency: preview.currency, taxRateBps: product.taxRateBps, status: "paid", issuedAt: now, lines: preview.lines })
        : null;
    if (payment && invoice) {
      payment.invoiceId = invoice.id;
      payment.idempotencyKey = `invoice:${invoice.id}`;
    }
    const previousProductId = subscription.productId;
    Object.assign(subscription, {
      productId: product.id,
      quantity: plan.quantity,
      amount: product.priceAmount * plan.quantity,
      interval: product.interval!,
      intervalCount: product.intervalCount,
      currentPeriodStart: preview.periodStart,
      currentPeriodEnd: preview.periodEnd,
      nextBillingDate: preview.nextBillingDate,
      creditBalance: preview.creditBalance,
    });
    if (key) await rememberResponse(tx, scope, key, hash, { subscriptionId: subscription.id, paymentId: payment?.id ?? null, invoiceId: invoice?.id ?? null });
    if (payment && invoice) {
      await sendPaymentReceived(tx, jobs, plan.shop, await tx.findOneOrFail(Customer, { id: scope.customerId }), invoice);
      await emitWebhookEvent(tx, jobs, scope, "payment.succeeded", paymentData(payment));
    }
    await emitWebhookEvent(tx, jobs, scope, "subscription.plan_changed", subscriptionData(subscription, { previousProductId, prorationMode: preview.prorationMode, amountCharged: preview.amountDueNow }));
    await tx.flush();
    return { result: { subscription, payment, invoice } };
  });
  if ("declined" in outcome) throw outcome.declined;
  return outcome.result;
}

const paymentScope = (scope: CustomerScope, subscription: Subscription) => ({
  businessId: scope.businessId,
  mode: scope.mode,
  customerId: scope.customerId,
  subscriptionId: subscription.id,
  invoiceId: null,
});
