import type { EntityManager } from "@mikro-orm/postgresql";
import type { JobQueue } from "../jobs/job-queue.ts";
import type { Product } from "../products/product.entity.ts";
import type { Subscription, SubscriptionStatus } from "../subscriptions/subscription.entity.ts";
import { emitWebhookEvent } from "../webhooks/webhook-events.ts";
import { LicenseKey } from "./license-key.entity.ts";
import { buildLicenseKey } from "./license-key.factory.ts";
import { licenseKeyData } from "./license-key.payload.ts";

const DAY_MS = 86_400_000;
/** Subscription states after which its key stops working (at the end of the paid period). */
const ENDED: readonly SubscriptionStatus[] = ["cancelled", "expired", "failed"];

export interface LicensePurchase {
  product: Product;
  customerId: string;
  /** The subscription bought, for subscription products. */
  subscriptionId?: string | null;
}

/**
 * Issues the key a purchase earns under `product.licenseSettings`: none, one per order, or one
 * per subscription (a subscription that already has its key gets it back, no second key). The
 * key and its `license_key.created` webhook commit together (inside the caller's transaction
 * when there is one). Answers null when the product issues no keys.
 */
export async function issueLicenseKeyForPurchase(em: EntityManager, jobs: JobQueue, purchase: LicensePurchase): Promise<LicenseKey | null> {
  const { product, customerId } = purchase;
  const settings = product.licenseSettings ?? { issue: "none" };
  if (settings.issue === "none") return null;
  const subscriptionId = purchase.subscriptionId ?? null;
  const scope = { businessId: product.businessId, mode: product.mode };
  return em.transactional(async (tx) => {
    if (settings.issue === "per_subscription" && subscriptionId) {
      const existing = await tx.findOne(LicenseKey, { ...scope, subscriptionId, productId: product.id });
      if (existing) return existing;
    }
    const now = new Date();
    const licenseKey = buildLicenseKey(tx, {
      ...scope,
      customerId,
      productId: product.id,
      subscriptionId,
      activationLimit: settings.activationLimit ?? null,
      expiresAt: settings.expiresInDays ? new Date(now.getTime() + settings.expiresInDays * DAY_MS) : null,
      createdAt: now,
    });
    await emitWebhookEvent(tx, jobs, scope, "license_key.created", licenseKeyData(licenseKey));
    await tx.flush();
    return licenseKey;
  });
}

/**
 * When the keys of `subscription` stop working: at the end of the paid period once it is
 * cancelled, expired or failed (or set to cancel at period end), never while it runs. Call it
 * after every status change; it is one UPDATE in `em`'s transaction and needs no flush.
 * Re-activating a subscription clears the scheduled disable; a merchant's own disable stays.
 */
export async function syncLicenseKeysWithSubscription(em: EntityManager, subscription: Subscription): Promise<number> {
  const disableAt = licenseDisableAt(subscription);
  return em.nativeUpdate(
    LicenseKey,
    { subscriptionId: subscription.id, businessId: subscription.businessId, mode: subscription.mode },
    { disableAt },
  );
}

/** The moment a subscription's keys stop working, or null while it keeps running. */
export function licenseDisableAt(subscription: Pick<Subscription, "status" | "cancelAtPeriodEnd" | "currentPeriodEnd" | "endedAt">, now = new Date()): Date | null {
  if (ENDED.includes(subscription.status)) return subscription.currentPeriodEnd ?? subscription.endedAt ?? now;
  if (subscription.cancelAtPeriodEnd && subscription.currentPeriodEnd) return subscription.currentPeriodEnd;
  return null;
}
