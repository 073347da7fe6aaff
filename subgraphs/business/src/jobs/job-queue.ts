import { JobQueue, type JobQueueOptions } from "@billfold/shared/job-queue";

export { JobQueue };
export { transactionDatabase } from "@billfold/shared";

export const JOBS_SCHEMA = "pgboss_business";

/** pg-boss in the business database (schema `pgboss_business`). */
export function startJobQueue(options: Omit<JobQueueOptions, "schema" | "applicationName">): Promise<JobQueue> {
  return JobQueue.start({ ...options, schema: JOBS_SCHEMA, applicationName: "billfold-business-jobs" });
}
