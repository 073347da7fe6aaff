import { AppError, badInput, forbidden } from "@billfold/shared";
import type { EntityManager } from "@mikro-orm/postgresql";
import { getShopOrThrow, settingsOf, shopNow } from "../billing/billing-clock.ts";
import { subscriptionData } from "../billing/webhook-payloads.ts";
import type { JobQueue } from "../jobs/job-queue.ts";
import type { CustomerScope } from "../shared/customer-scope.ts";
import { syncLicenseKeysWithSubscription } from "../licenses/license-issue.service.ts";
import { emitWebhookEvent } from "../webhooks/webhook-events.ts";
import { findOpenInvoice, getCustomerSubscriptionOrThrow } from "./customer-subscription.util.ts";
import type { Subscription } from "./subscription.entity.ts";

export const CANCEL_REASONS = ["too_expensive", "missing_features", "switched_service", "unused", "customer_service", "too_complex", "low_quality", "other"] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];
export type CancelWhen = "at_period_end" | "immediately";
export const MAX_CANCEL_COMMENT = 500;

export interface CancelInput {
  subscriptionId: string;
  when: CancelWhen;
  reason?: CancelReason | null;
  comment?: string | null;
}

const CANCELLABLE = new Set(["active", "paused", "on_hold"]);

/**
 * Cancels at the end of the paid period (it keeps running until then and can be resumed) or
 * right away, as the shop allows. An on-hold subscription has no paid period left: it ends now
 * and its unpaid invoice is voided.
 */
export async function cancelSubscription(em: EntityManager, jobs: JobQueue, scope: CustomerScope, input: CancelInput): Promise<Subscription> {
  const comment = input.comment?.trim() || null;
  if (comment && comment.length > MAX_CANCEL_COMMENT) {
    throw badInput(`Keep the comment under ${MAX_CANCEL_COMMENT} characters.`, { field: "comment", max: MAX_CANCEL_COMMENT });
  }
  return em.transactional(async (tx) => {
    const subscription = await getCustomerSubscriptionOrThrow(tx, scope, input.subscriptionId, true);
    const shop = await getShopOrThrow(tx, scope);
    const now = shopNow(shop);
    if (!settingsOf(shop).allowCancel) throw forbidden(`${shop.name} does not allow cancelling online. Contact them to cancel.`);
    if (!CANCELLABLE.has(subscription.status)) throw new AppError("CONFLICT", "This subscription has already ended.", { status: subscription.status });
    const immediately = input.when === "immediately" || subscription.status === "on_hold";
    if (input.when === "immediately" && !settingsOf(shop).cancelImmediatelyAllowed && subscription.status !== "on_hold") {
      throw forbidden(`${shop.name} lets you cancel at the end of the billing period only.`);
    }
    if (!immediately && subscription.cancelAtPeriodEnd) throw new AppError("CONFLICT", "This subscription is already set to end with the current period.");
    subscription.cancelledAt = now;
    subscription.cancelReason = input.reason ?? null;
    subscription.cancelComment = comment;
    if (immediately) {
      const unpaid = subscription.status === "on_hold" ? await findOpenInvoice(tx, subscription) : null;
      if (unpaid) unpaid.status = "void";
      subscription.status = "cancelled";
      subscription.cancelAtPeriodEnd = false;
      subscription.endedAt = now;
      subscription.nextBillingDate = null;
    } else {
      subscription.cancelAtPeriodEnd = true;
    }
    const endsAt = immediately ? now : (subscription.currentPeriodEnd ?? subscription.nextBillingDate ?? now);
    await syncLicenseKeysWithSubscription(tx, subscription);
    await emitWebhookEvent(tx, jobs, scope, "subscription.cancelled", subscriptionData(subscription, { reason: subscription.cancelReason ?? null, endsAt: endsAt.toISOString() }));
    await tx.flush();
    return subscription;
  });
}

/** Undoes a cancel scheduled for the period end, while the period still runs. */
export async function resumeSubscription(em: EntityManager, jobs: JobQueue, scope: CustomerScope, subscriptionId: string): Promise<Subscription> {
  return em.transactional(async (tx) => {
    const subscription = await getCustomerSubscriptionOrThrow(tx, scope, subscriptionId, true);
    const now = shopNow(await getShopOrThrow(tx, scope));
    const running = subscription.status === "active" || subscription.status === "paused";
    if (!running || !subscription.cancelAtPeriodEnd || (subscription.currentPeriodEnd && subscription.currentPeriodEnd <= now)) {
      throw new AppError("CONFLICT", "There is no scheduled cancellation to undo.", { status: subscription.status });
    }
    subscription.cancelAtPeriodEnd = false;
    subscription.cancelledAt = null;
    subscription.cancelReason = null;
    subscription.cancelComment = null;
    await syncLicenseKeysWithSubscription(tx, subscription);
    await emitWebhookEvent(tx, jobs, scope, "subscription.active", subscriptionData(subscription));
    await tx.flush();
    return subscription;
  });
}
