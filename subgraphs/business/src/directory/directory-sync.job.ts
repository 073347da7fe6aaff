import { IDENTITY_HEADER, type Mode, signIdentity } from "@billfold/shared";
import type { EntityManager } from "@mikro-orm/postgresql";
import type { Job, Queue } from "pg-boss";
import type { JobQueue } from "../jobs/job-queue.ts";

export const DIRECTORY_SYNC_QUEUE = "directory-sync";

/** Retried with exponential back-off (5 s, 10 s, … capped at an hour) for about a day. */
export const directorySyncQueue: Queue = {
  name: DIRECTORY_SYNC_QUEUE,
  retryLimit: 30,
  retryDelay: 5,
  retryBackoff: true,
  retryDelayMax: 3600,
  notify: true,
};

/** One row of the accounts directory: this email may open this customer account. */
export interface DirectoryEntryPayload {
  email: string;
  businessId: string;
  customerId: string;
  mode: Mode;
  /** Set when the customer's email changed: accounts moves the entry. */
  previousEmail?: string;
}

export interface DirectorySyncJob {
  entries: DirectoryEntryPayload[];
}

/** Enqueues a directory update inside `em`'s transaction (the one that changed the customer). */
export async function enqueueDirectorySync(jobs: JobQueue, em: EntityManager, entries: DirectoryEntryPayload[]): Promise<void> {
  await jobs.send(em, DIRECTORY_SYNC_QUEUE, { entries } satisfies DirectorySyncJob);
}

export interface DirectorySyncWorkerOptions {
  accountsUrl: string;
  shardId: string;
  identitySecret: string;
  timeoutMs?: number;
}

/** Delivers a batch of jobs in one call to accounts; a failure throws so pg-boss retries the batch. */
export function directorySyncHandler(options: DirectorySyncWorkerOptions) {
  const endpoint = `${options.accountsUrl.replace(/\/$/, "")}/internal/directory`;
  return async (batch: Job<DirectorySyncJob>[]): Promise<void> => {
    const entries = batch.flatMap((job) => job.data.entries);
    if (entries.length === 0) return;
    const response = await fetch(endpoint, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        [IDENTITY_HEADER]: signIdentity({ kind: "service", service: options.shardId }, options.identitySecret),
      },
      body: JSON.stringify({ entries }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    if (!response.ok) {
      throw new Error(`accounts answered ${response.status} to the directory sync`);
    }
  };
}

/** Starts the worker that drains the directory-sync queue. */
export function startDirectorySyncWorker(jobs: JobQueue, options: DirectorySyncWorkerOptions & { pollingIntervalSeconds?: number }) {
  return jobs.work<DirectorySyncJob>(
    DIRECTORY_SYNC_QUEUE,
    { batchSize: 50, pollingIntervalSeconds: options.pollingIntervalSeconds },
    directorySyncHandler(options),
  );
}
