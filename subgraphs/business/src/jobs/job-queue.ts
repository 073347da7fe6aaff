import { transactionDatabase } from "@billfold/shared";
import type { EntityManager } from "@mikro-orm/postgresql";
import { type Job, PgBoss, type Queue } from "pg-boss";

export const JOBS_SCHEMA = "pgboss_business";

export interface JobQueueOptions {
  url: string;
  /** Connections pg-boss may open (its workers, maintenance and LISTEN). */
  poolMax?: number;
  /** Supervision, maintenance and scheduling run here too (one shard process per database is enough, more is harmless). */
  supervise?: boolean;
  /** Wake workers with LISTEN/NOTIFY (real PostgreSQL only; pg-boss polls either way). */
  listenNotify?: boolean;
  /** Queues to create on start. */
  queues?: Queue[];
  /** Run pg-boss's cron schedules on this instance (the billing clock). */
  schedule?: boolean;
}


/**
 * pg-boss in the business database (schema `pgboss_business`). Jobs are sent through the
 * caller's MikroORM transaction, so a job exists exactly when the change that caused it commits.
 */
export class JobQueue {
  private constructor(readonly boss: PgBoss) {}

  static async start(options: JobQueueOptions): Promise<JobQueue> {
    const boss = new PgBoss({
      connectionString: options.url,
      schema: JOBS_SCHEMA,
      max: options.poolMax ?? 2,
      application_name: "billfold-business-jobs",
      useListenNotify: options.listenNotify ?? false,
      supervise: options.supervise ?? true,
      schedule: options.schedule ?? false,
    });
    boss.on("error", (error) => console.error("[jobs]", error));
    await boss.start();
    for (const queue of options.queues ?? []) {
      const { name, ...queueOptions } = queue;
      await boss.createQueue(name, queueOptions);
      // pg-boss caches queues at start; warm the cache for a queue created just now so that a
      // send inside a transaction never needs a second connection (which would deadlock on PGlite).
      await boss.deleteJob(name, "00000000-0000-0000-0000-000000000000");
    }
    return new JobQueue(boss);
  }

  /** Enqueues a job inside `em`'s open transaction; it commits or rolls back with it. */
  async send(em: EntityManager, queue: string, data: object): Promise<string | null> {
    return this.boss.send(queue, data, { db: transactionDatabase(em) });
  }

  async work<T>(queue: string, options: { batchSize?: number; pollingIntervalSeconds?: number }, handler: (jobs: Job<T>[]) => Promise<void>) {
    return this.boss.work<T>(queue, { batchSize: options.batchSize ?? 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, handler);
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, timeout: 10_000 });
  }
}

export { transactionDatabase };
