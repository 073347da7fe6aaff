import type { Payment } from "../payments/payment.entity.ts";
import type { Subscription } from "../subscriptions/subscription.entity.ts";

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);

/** The `data` of payment.* events. */
export const paymentData = (payment: Payment) => ({
  payment: {
    id: payment.id,
    customerId: payment.customerId,
    subscriptionId: payment.subscriptionId ?? null,
    invoiceId: payment.invoiceId ?? null,
    amount: payment.amount,
    currency: payment.currency,
    status: payment.status,
    failureReason: payment.failureReason ?? null,
    createdAt: iso(payment.createdAt),
  },
});

/** The `data` of subscription.* events. */
export const subscriptionData = (subscription: Subscription, extra: Record<string, unknown> = {}) => ({
  subscription: {
    id: subscription.id,
    customerId: subscription.customerId,
    productId: subscription.productId,
    status: subscription.status,
    quantity: subscription.quantity,
    amount: subscription.amount,
    currency: subscription.currency,
    currentPeriodStart: iso(subscription.currentPeriodStart),
    currentPeriodEnd: iso(subscription.currentPeriodEnd),
    nextBillingDate: iso(subscription.nextBillingDate),
    cancelAtPeriodEnd: subscription.cancelAtPeriodEnd,
    cancelledAt: iso(subscription.cancelledAt),
    endedAt: iso(subscription.endedAt),
  },
  ...extra,
});
