import { periodsPerYear } from "../billing/billing-period.util.ts";
import type { Product } from "../products/product.entity.ts";
import type { ShopSettings } from "../shops/shop-settings.ts";
import type { Subscription } from "./subscription.entity.ts";

export interface SubscriptionCapabilities {
  canCancel: boolean;
  canCancelImmediately: boolean;
  canResume: boolean;
  canChangePlan: boolean;
  canUpdatePaymentMethod: boolean;
}

/** A year of the subscription at its price: plans of different intervals compare by it. */
export const yearlyAmount = (amount: number, product: Pick<Product, "interval" | "intervalCount">) =>
  amount * periodsPerYear(product.interval ?? "month", product.intervalCount);

/** The plans the shop lets this subscription switch to: same plan group and currency, active, not the current one. */
export function allowedPlans(settings: ShopSettings, subscription: Subscription, current: Product | null, candidates: Product[]): Product[] {
  if (settings.planChanges === "none" || !current?.planGroup) return [];
  const currentYearly = yearlyAmount(subscription.amount, subscription);
  return candidates.filter(
    (product) =>
      product.id !== current.id &&
      product.active &&
      product.kind === "subscription" &&
      product.planGroup === current.planGroup &&
      product.currency === subscription.currency &&
      (settings.planChanges === "any" || yearlyAmount(product.priceAmount * subscription.quantity, product) > currentYearly),
  );
}

/** What the person may do with a subscription, given its state and the shop's settings. */
export function capabilitiesOf(settings: ShopSettings, subscription: Subscription, plans: Product[], now: Date): SubscriptionCapabilities {
  const running = subscription.status === "active" || subscription.status === "paused";
  const live = running || subscription.status === "on_hold";
  const canCancel = settings.allowCancel && live && !subscription.cancelAtPeriodEnd;
  const periodRunning = !subscription.currentPeriodEnd || subscription.currentPeriodEnd > now;
  return {
    canCancel,
    canCancelImmediately: canCancel && (settings.cancelImmediatelyAllowed || subscription.status === "on_hold"),
    canResume: running && subscription.cancelAtPeriodEnd && periodRunning,
    canChangePlan: subscription.status === "active" && !subscription.cancelAtPeriodEnd && plans.length > 0,
    canUpdatePaymentMethod: live,
  };
}
