import { notFound } from "@billfold/shared";
import { type EntityManager, LockMode } from "@mikro-orm/postgresql";
import { Invoice } from "../invoices/invoice.entity.ts";
import type { CustomerScope } from "../shared/customer-scope.ts";
import { Subscription } from "./subscription.entity.ts";

/** The customer's own subscription (locked FOR UPDATE when asked, inside the caller's transaction); NOT_FOUND otherwise. */
export async function getCustomerSubscriptionOrThrow(em: EntityManager, scope: CustomerScope, id: string, lock = false): Promise<Subscription> {
  const subscription = await em.findOne(
    Subscription,
    { id, businessId: scope.businessId, mode: scope.mode, customerId: scope.customerId },
    lock ? { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } : {},
  );
  if (!subscription) throw notFound("The subscription");
  return subscription;
}

/** The newest open invoice of a subscription: what an on-hold subscription owes. */
export function findOpenInvoice(em: EntityManager, subscription: Subscription): Promise<Invoice | null> {
  return em.findOne(
    Invoice,
    { businessId: subscription.businessId, mode: subscription.mode, subscriptionId: subscription.id, status: "open" },
    { orderBy: { issuedAt: "desc", id: "desc" }, refresh: true },
  );
}
