import type { EntityManager, RequiredEntityData } from "@mikro-orm/postgresql";
import { Subscription } from "./subscription.entity.ts";

/** Persists (does not flush) a subscription; the caller flushes once. */
export function buildSubscription(em: EntityManager, data: RequiredEntityData<Subscription>): Subscription {
  return em.create(Subscription, data);
}
