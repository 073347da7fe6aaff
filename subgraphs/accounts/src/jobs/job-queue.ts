import { JobQueue, type JobQueueOptions } from "@billfold/shared/job-queue";

export { JobQueue };
export type { JobHandler } from "@billfold/shared/job-queue";

export const JOBS_SCHEMA = "pgboss_accounts";

/** pg-boss in the accounts database (schema `pgboss_accounts`); failed jobs retry 5 times with backoff. */
export function startJobQueue(options: Omit<JobQueueOptions, "schema" | "applicationName" | "sendOptions">): Promise<JobQueue> {
  return JobQueue.start({
    poolMax: 3,
    ...options,
    schema: JOBS_SCHEMA,
    applicationName: "billfold-accounts-jobs",
    sendOptions: { retryLimit: 5, retryDelay: 5, retryBackoff: true },
  });
}
