import type { EntityManager } from "@mikro-orm/postgresql";
import type { Scope } from "../shared/context.ts";
import { type Page, type PageArgs, paginate } from "../shared/pagination.ts";
import { type SubscriptionStatus, Subscription } from "./subscription.entity.ts";

/** A business's subscriptions, newest first, optionally for one customer or in one status. */
export function listSubscriptions(
  em: EntityManager,
  scope: Scope,
  args: PageArgs & { customerId?: string | null; status?: SubscriptionStatus | null },
): Promise<Page<Subscription>> {
  return paginate(
    em,
    Subscription,
    {
      ...scope,
      ...(args.customerId ? { customerId: args.customerId } : {}),
      ...(args.status ? { status: args.status } : {}),
    },
    "createdAt",
    args,
  );
}
