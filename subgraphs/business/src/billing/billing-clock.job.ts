import type { MikroORM } from "@mikro-orm/postgresql";
import type { Queue } from "pg-boss";
import type { JobQueue } from "../jobs/job-queue.ts";
import { qualifiedTable } from "@billfold/shared";
import type { Mode } from "@billfold/shared";
import { Shop } from "../shops/shop.entity.ts";
import { Subscription } from "../subscriptions/subscription.entity.ts";
import type { Billing } from "./billing.ts";
import { type RenewalCounts, runRenewals } from "./renewal.service.ts";

export const BILLING_CLOCK_QUEUE = "billing-clock";

/** One tick at a time per database (so per shard in production); a tick that dies is not retried, the next one comes a minute later. */
export const billingClockQueue: Queue = { name: BILLING_CLOCK_QUEUE, policy: "singleton", retryLimit: 0, expireInSeconds: 15 * 60 };

/**
 * Runs the billing events due by `now` of every business+mode on the wall clock: live mode, and
 * test mode until a merchant moves its test clock (then only advanceTestClock moves it).
 */
export async function tickBillingClock(orm: MikroORM, deps: { jobs: JobQueue; billing: Billing }, now = new Date()): Promise<RenewalCounts> {
  const em = orm.em.fork();
  const subscriptions = qualifiedTable(em, Subscription);
  const shops = qualifiedTable(em, Shop);
  const due = await em.execute<{ business_id: string; mode: Mode }[]>(
    `select distinct s.business_id, s.mode from ${subscriptions} s
     join ${shops} sh on sh.business_id = s.business_id and sh.mode = s.mode
     where s.status in ('active', 'on_hold') and s.next_billing_date <= ? and (sh.mode = 'live' or sh.test_clock is null)`,
    [now],
  );
  const total: RenewalCounts = { renewed: 0, putOnHold: 0, ended: 0, failed: 0 };
  for (const row of due) {
    const counts = await runRenewals(orm.em.fork(), deps, { businessId: row.business_id, mode: row.mode }, now, { simulate: false });
    for (const key of Object.keys(total) as (keyof RenewalCounts)[]) total[key] += counts[key];
  }
  return total;
}

/** Schedules the tick every minute with pg-boss (cron kept in the database) and works it. */
export async function startBillingClock(jobs: JobQueue, orm: MikroORM, billing: Billing, options: { pollingIntervalSeconds?: number } = {}) {
  await jobs.boss.schedule(BILLING_CLOCK_QUEUE, "* * * * *", {});
  await jobs.work(BILLING_CLOCK_QUEUE, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 10 }, async () => {
    const counts = await tickBillingClock(orm, { jobs, billing });
    if (counts.renewed + counts.putOnHold + counts.ended + counts.failed > 0) console.log("[billing-clock]", JSON.stringify(counts));
  });
}
