import { IDENTITY_HEADER, type Mode, signIdentity } from "@billfold/shared";
import type { Job, Queue } from "pg-boss";
import type { JobQueue } from "../jobs/job-queue.ts";

export const CUSTOMER_EMAIL_QUEUE = "customer-email";

/** Retried with exponential back-off (5 s, 10 s, … capped at an hour) for about a day. */
export const customerEmailQueue: Queue = {
  name: CUSTOMER_EMAIL_QUEUE,
  retryLimit: 30,
  retryDelay: 5,
  retryBackoff: true,
  retryDelayMax: 3600,
  notify: true,
};

/** One message as accounts' `POST /internal/emails` takes it. */
export interface OutgoingEmail {
  /** Idempotency key: accounts stores a message id once. */
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  businessId: string;
}

export interface CustomerEmailJob {
  message: OutgoingEmail;
  mode?: Mode;
}

export interface CustomerEmailWorkerOptions {
  accountsUrl: string;
  shardId: string;
  identitySecret: string;
  timeoutMs?: number;
}

/** Hands a batch of emails to accounts in one call; a failure throws so pg-boss retries the batch. */
export function customerEmailHandler(options: CustomerEmailWorkerOptions) {
  const endpoint = `${options.accountsUrl.replace(/\/$/, "")}/internal/emails`;
  return async (batch: Job<CustomerEmailJob>[]): Promise<void> => {
    const messages = batch.map((job) => job.data.message);
    if (messages.length === 0) return;
    const response = await fetch(endpoint, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        [IDENTITY_HEADER]: signIdentity({ kind: "service", service: options.shardId }, options.identitySecret),
      },
      body: JSON.stringify({ messages }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    if (!response.ok) {
      throw new Error(`accounts answered ${response.status} to ${messages.length} customer email(s)`);
    }
  };
}

/** Starts the worker that drains the customer-email queue. */
export function startCustomerEmailWorker(jobs: JobQueue, options: CustomerEmailWorkerOptions & { pollingIntervalSeconds?: number }) {
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  return jobs.boss.work<CustomerEmailJob>(
    CUSTOMER_EMAIL_QUEUE,
    // NOTIFY wakes the worker for new jobs only; pg-boss's retries (due later) are found by polling.
    { batchSize: 20, pollingIntervalSeconds, notifyPollingIntervalSeconds: Math.max(2, pollingIntervalSeconds) },
    customerEmailHandler(options),
  );
}
