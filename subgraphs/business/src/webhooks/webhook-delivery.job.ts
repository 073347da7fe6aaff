import type { EntityManager, MikroORM } from "@mikro-orm/postgresql";
import type { Job, Queue } from "pg-boss";
import { type JobQueue, transactionDatabase } from "../jobs/job-queue.ts";
import { WebhookDelivery } from "./webhook-delivery.entity.ts";
import { type DeliveryOutcome, postWebhook } from "./webhook-sender.ts";
import { WebhookEndpoint } from "./webhook-endpoint.entity.ts";
import { WebhookEvent } from "./webhook-event.entity.ts";

export const WEBHOOK_DELIVERY_QUEUE = "webhook-delivery";

/** Seconds before each automatic retry of a failed delivery: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (8 attempts, ~28 h). */
export const WEBHOOK_RETRY_SCHEDULE_SECONDS: readonly number[] = [5, 300, 1800, 7200, 18000, 36000, 36000];

/**
 * Attempts and their back-off are scheduled by the worker itself (one job per attempt, each
 * logged as a delivery row); pg-boss's own retry only covers a crash before an outcome was recorded.
 */
export const webhookDeliveryQueue: Queue = {
  name: WEBHOOK_DELIVERY_QUEUE,
  retryLimit: 5,
  retryDelay: 30,
  retryBackoff: true,
  retryDelayMax: 3600,
  notify: true,
};

export interface WebhookDeliveryJob {
  deliveryId: string;
  endpointId: string;
  /** When the event happened (ms): one endpoint's deliveries in a batch go out in this order. */
  eventAt: number;
  /** Schedule the next automatic retry when this attempt fails (false for a merchant's resend). */
  retry: boolean;
}

/** Enqueues the pending `delivery` (already persisted in `em`) inside `em`'s open transaction. */
export async function enqueueWebhookDelivery(
  em: EntityManager,
  jobs: JobQueue,
  delivery: WebhookDelivery,
  options: { retry: boolean; eventAt: Date },
): Promise<void> {
  const due = delivery.nextAttemptAt && delivery.nextAttemptAt.getTime() > Date.now() + 500 ? delivery.nextAttemptAt : undefined;
  // Without startAfter the job is due at the transaction's now(), so pg-boss NOTIFYs the worker on commit.
  const job: WebhookDeliveryJob = { deliveryId: delivery.id, endpointId: delivery.endpointId, eventAt: options.eventAt.getTime(), retry: options.retry };
  await jobs.boss.send(WEBHOOK_DELIVERY_QUEUE, job, {
    db: transactionDatabase(em),
    ...(due ? { startAfter: due } : {}),
  });
}

export interface WebhookWorkerOptions {
  orm: MikroORM;
  /** Overrides WEBHOOK_RETRY_SCHEDULE_SECONDS (tests). */
  retryScheduleSeconds?: readonly number[];
  timeoutMs?: number;
  pollingIntervalSeconds?: number;
  /** Deliver to private and local addresses too (WEBHOOK_ALLOW_PRIVATE_URLS). */
  allowPrivateAddresses: boolean;
}

/** Runs one pending attempt: POST, then record the outcome and schedule the next attempt in one transaction. */
export async function runWebhookDelivery(job: WebhookDeliveryJob, jobs: JobQueue, options: WebhookWorkerOptions): Promise<void> {
  const em = options.orm.em.fork();
  const delivery = await em.findOne(WebhookDelivery, { id: job.deliveryId, status: "pending" });
  if (!delivery) return; // already ran (a pg-boss retry after the outcome was recorded)
  const event = await em.findOneOrFail(WebhookEvent, delivery.eventId);
  const endpoint = await em.findOneOrFail(WebhookEndpoint, delivery.endpointId, { populate: ["secret"] });
  const usable = endpoint.active && !endpoint.deletedAt;
  const outcome: DeliveryOutcome = usable
    ? await postWebhook(endpoint, event, { timeoutMs: options.timeoutMs, allowPrivateAddresses: options.allowPrivateAddresses })
    : { ok: false, responseStatus: null, responseBody: "Not sent: the endpoint is disabled or deleted.", durationMs: 0 };
  const schedule = options.retryScheduleSeconds ?? WEBHOOK_RETRY_SCHEDULE_SECONDS;
  const delaySeconds = schedule[delivery.attempt - 1];
  const retryAt = !outcome.ok && usable && job.retry && delaySeconds !== undefined ? new Date(Date.now() + delaySeconds * 1000) : null;

  await em.transactional(async (tx) => {
    const updated = await tx.nativeUpdate(
      WebhookDelivery,
      { id: delivery.id, status: "pending" },
      {
        status: outcome.ok ? "succeeded" : "failed",
        responseStatus: outcome.responseStatus,
        responseBody: outcome.responseBody,
        durationMs: outcome.durationMs,
        nextAttemptAt: retryAt,
      },
    );
    if (updated === 0 || !retryAt) return; // another worker recorded this attempt first
    const next = tx.create(WebhookDelivery, {
      businessId: delivery.businessId,
      mode: delivery.mode,
      eventId: delivery.eventId,
      endpointId: delivery.endpointId,
      attempt: delivery.attempt + 1,
      nextAttemptAt: retryAt,
    });
    await enqueueWebhookDelivery(tx, jobs, next, { retry: true, eventAt: event.createdAt });
  });
}

/** Runs a batch: endpoints in parallel, each endpoint's deliveries one after another in event order. */
async function runBatch(batch: Job<WebhookDeliveryJob>[], jobs: JobQueue, options: WebhookWorkerOptions): Promise<void> {
  const byEndpoint = new Map<string, WebhookDeliveryJob[]>();
  for (const { data } of batch) byEndpoint.set(data.endpointId, [...(byEndpoint.get(data.endpointId) ?? []), data]);
  const results = await Promise.allSettled(
    [...byEndpoint.values()].map(async (queue) => {
      queue.sort((a, b) => a.eventAt - b.eventAt);
      for (const job of queue) await runWebhookDelivery(job, jobs, options);
    }),
  );
  const failure = results.find((result) => result.status === "rejected");
  if (failure) {
    console.error("[webhooks] delivery failed", failure.reason);
    // Recorded attempts are skipped on a re-run, so retrying the whole batch is safe.
    throw failure.reason;
  }
}

/** Starts the worker that delivers webhooks (up to 10 attempts per poll). */
export function startWebhookDeliveryWorker(jobs: JobQueue, options: WebhookWorkerOptions) {
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  return jobs.boss.work<WebhookDeliveryJob>(
    WEBHOOK_DELIVERY_QUEUE,
    {
      batchSize: 10,
      pollingIntervalSeconds,
      // NOTIFY wakes the worker only for jobs due now; retries scheduled for later are found by polling.
      notifyPollingIntervalSeconds: Math.max(2, pollingIntervalSeconds),
    },
    (batch: Job<WebhookDeliveryJob>[]) => runBatch(batch, jobs, options),
  );
}
