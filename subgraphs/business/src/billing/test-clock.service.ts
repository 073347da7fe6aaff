import { badInput, forbidden } from "@billfold/shared";
import type { EntityManager } from "@mikro-orm/postgresql";
import type { JobQueue } from "../jobs/job-queue.ts";
import type { Scope } from "../shared/context.ts";
import { addDays } from "./billing-period.util.ts";
import type { Billing } from "./billing.ts";
import { getShopOrThrow, shopNow } from "./billing-clock.ts";
import { runRenewals } from "./renewal.service.ts";

const MAX_ADVANCE_DAYS = 3 * 366;

/**
 * Moves a business's test clock forward (never back) and runs, at their own due times, the
 * renewals, cancellations and retries that fall in between. Test mode only.
 */
export async function advanceTestClock(em: EntityManager, deps: { jobs: JobQueue; billing: Billing }, scope: Scope, to: Date) {
  if (scope.mode !== "test") throw forbidden("Test clocks exist in test mode only. Use a test key (sk_test_…).");
  if (Number.isNaN(to.getTime())) throw badInput("`to` is not a valid date.", { field: "to" });
  await em.transactional(async (tx) => {
    const shop = await getShopOrThrow(tx, scope, true);
    const current = shopNow(shop);
    if (to <= current) throw badInput(`The test clock only moves forward; it is at ${current.toISOString()}.`, { field: "to", now: current.toISOString() });
    if (to > addDays(current, MAX_ADVANCE_DAYS)) throw badInput("Move the test clock at most three years at a time.", { field: "to" });
    shop.testClock = to;
    await tx.flush();
  });
  const counts = await runRenewals(em, deps, scope, to, { simulate: true });
  return { businessId: scope.businessId, now: to, renewed: counts.renewed, putOnHold: counts.putOnHold };
}
