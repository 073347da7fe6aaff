import { transactionDatabase } from "@billfold/shared";
import type { EntityManager } from "@mikro-orm/postgresql";
import { type Job, PgBoss, type Queue } from "pg-boss";

export const JOBS_SCHEMA = "pgboss_accounts";

export type JobHandler<T = unknown> = (jobs: Job<T>[]) => Promise<void>;

export interface JobQueueOptions {
  url: string;
  queues: { queue: Queue; handler: JobHandler<never> }[];
  /** Start pg-boss workers; without them, `drain()` runs the jobs (tests). */
  workers: boolean;
  pollingIntervalSeconds?: number;
  poolMax?: number;
}

/**
 * pg-boss in the accounts database (schema `pgboss_accounts`). Jobs are sent through the caller's
 * MikroORM transaction, so a job exists exactly when the change that caused it commits.
 */
export class JobQueue {
  private constructor(
    private readonly boss: PgBoss,
    private readonly handlers: Map<string, JobHandler<never>>,
  ) {}

  static async start(options: JobQueueOptions): Promise<JobQueue> {
    const boss = new PgBoss({
      connectionString: options.url,
      schema: JOBS_SCHEMA,
      max: options.poolMax ?? 3,
      application_name: "billfold-accounts-jobs",
      supervise: options.workers,
      schedule: false,
    });
    boss.on("error", (error) => console.error("[accounts jobs]", error));
    await boss.start();
    const handlers = new Map<string, JobHandler<never>>();
    for (const { queue, handler } of options.queues) {
      const { name, ...queueOptions } = queue;
      await boss.createQueue(name, queueOptions);
      // Warm pg-boss's queue cache so that a send inside a transaction needs no second connection.
      await boss.deleteJob(name, "00000000-0000-0000-0000-000000000000");
      handlers.set(name, handler);
      if (options.workers) {
        await boss.work(name, { batchSize: 10, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 }, handler as JobHandler<object>);
      }
    }
    return new JobQueue(boss, handlers);
  }

  /** Enqueues a job inside `em`'s open transaction; it commits or rolls back with it. */
  async send(em: EntityManager, queue: string, data: object): Promise<void> {
    await this.boss.send(queue, data, { db: transactionDatabase(em), retryLimit: 5, retryDelay: 5, retryBackoff: true });
  }

  /** Runs every queued job now, in this process, until the queues are empty (tests, scripts). */
  async drain(): Promise<number> {
    let ran = 0;
    for (let round = 0; round < 20; round++) {
      let found = 0;
      for (const [name, handler] of this.handlers) {
        const jobs = await this.boss.fetch<never>(name, { batchSize: 50 });
        if (!jobs.length) continue;
        found += jobs.length;
        await handler(jobs);
        await this.boss.complete(name, jobs.map((job) => job.id));
      }
      ran += found;
      if (found === 0) break;
    }
    return ran;
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, timeout: 10_000 });
  }
}

export { transactionDatabase };
