import type { EntityManager, MikroORM } from "@mikro-orm/postgresql";
import { IDENTITY_HEADER, type Mode, signIdentity } from "@billfold/shared";
import type { Job, Queue } from "pg-boss";
import { Business } from "../businesses/business.entity.ts";
import type { JobQueue } from "../jobs/job-queue.ts";

export const SHARD_CUSTOMER_EMAIL_QUEUE = "shard-customer-email";
/** Retried with back-off (5 s … 1 h) for about a day, like the shards' directory sync. */
export const shardCustomerEmailQueue: Queue = { name: SHARD_CUSTOMER_EMAIL_QUEUE, retryLimit: 30, retryDelay: 5, retryBackoff: true, retryDelayMax: 3600 };

/** One customer row on a business shard that must take the person's new email. */
export interface ShardCustomerEmailJob {
  businessId: string;
  mode: Mode;
  customerId: string;
  email: string;
  previousEmail: string;
}

/** Enqueued in the transaction that applies the email change: the shard hears of it exactly when it commits. */
export async function enqueueShardCustomerEmails(em: EntityManager, jobs: JobQueue, rows: ShardCustomerEmailJob[]): Promise<void> {
  for (const row of rows) await jobs.send(em, SHARD_CUSTOMER_EMAIL_QUEUE, row);
}

export interface ShardCallerOptions {
  shards: Map<string, string>;
  identitySecret: string;
  timeoutMs?: number;
}

/**
 * `POST {shard}/internal/customers/email` signed as service "accounts". A network failure or a 5xx
 * throws (pg-boss retries); a 4xx is final (the customer is gone, or the shard refuses the address) and is logged.
 */
export function shardCustomerEmailHandler(orm: MikroORM, options: ShardCallerOptions) {
  return async (batch: Job<ShardCustomerEmailJob>[]): Promise<void> => {
    const em = orm.em.fork();
    const businesses = await em.find(Business, { id: { $in: [...new Set(batch.map((job) => job.data.businessId))] } });
    for (const job of batch) {
      const business = businesses.find((b) => b.id === job.data.businessId);
      const base = business ? options.shards.get(business.shard) : undefined;
      if (!base) throw new Error(`No shard URL for business ${job.data.businessId} (shard ${business?.shard ?? "unknown"})`);
      const response = await fetch(`${base}/internal/customers/email`, {
        method: "POST",
        headers: { "content-type": "application/json", [IDENTITY_HEADER]: signIdentity({ kind: "service", service: "accounts" }, options.identitySecret) },
        body: JSON.stringify(job.data),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      if (response.status >= 500) throw new Error(`shard ${business!.shard} answered ${response.status} to a customer email change`);
      if (!response.ok) console.error(`[accounts email change] shard ${business!.shard} refused ${job.data.customerId}: ${response.status} ${await response.text()}`);
    }
  };
}
