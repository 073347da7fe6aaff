import type { EntityManager } from "@mikro-orm/postgresql";
import { type Job, PgBoss, type Queue, type SendOptions } from "pg-boss";
import { transactionDatabase } from "./transaction-database.ts";

export type JobHandler<T = unknown> = (jobs: Job<T>[]) => Promise<void>;

export interface JobQueueOptions {
  url: string;
  /** pg-boss's schema in this database: one per subgraph. */
  schema: string;
  /** Names the connections in pg_stat_activity. */
  applicationName: string;
  /** Connections pg-boss may open (its workers, maintenance and LISTEN). */
  poolMax?: number;
  /** Start pg-boss workers for `work()` and run supervision here; without them `drain()` runs the jobs (tests). */
  workers?: boolean;
  /** Wake workers with LISTEN/NOTIFY (real PostgreSQL only; pg-boss polls either way). */
  listenNotify?: boolean;
  /** Queues to create on start. */
  queues?: Queue[];
  /** Run pg-boss's cron schedules on this instance (the billing clock). */
  schedule?: boolean;
  /** Retry policy of every job sent with `send()`. */
  sendOptions?: Omit<SendOptions, "db">;
}

/**
 * pg-boss in a subgraph's database. Jobs are sent through the caller's MikroORM transaction,
 * so a job exists exactly when the change that caused it commits.
 */
export class JobQueue {
  private readonly handlers = new Map<string, JobHandler<never>>();

  private constructor(
    readonly boss: PgBoss,
    private readonly options: JobQueueOptions,
  ) {}

  static async start(options: JobQueueOptions): Promise<JobQueue> {
    const workers = options.workers ?? true;
    const boss = new PgBoss({
      connectionString: options.url,
      schema: options.schema,
      max: options.poolMax ?? 2,
      application_name: options.applicationName,
      useListenNotify: options.listenNotify ?? false,
      supervise: workers,
      schedule: options.schedule ?? false,
    });
    boss.on("error", (error) => console.error(`[${options.applicationName}]`, error));
    await boss.start();
    for (const queue of options.queues ?? []) {
      const { name, ...queueOptions } = queue;
      await boss.createQueue(name, queueOptions);
      // pg-boss caches queues at start; warm the cache for a queue created just now so that a
      // send inside a transaction never needs a second connection (which would deadlock on PGlite).
      await boss.deleteJob(name, "00000000-0000-0000-0000-000000000000");
    }
    return new JobQueue(boss, options);
  }

  /** Enqueues a job inside `em`'s open transaction; it commits or rolls back with it. */
  send(em: EntityManager, queue: string, data: object): Promise<string | null> {
    return this.boss.send(queue, data, { ...this.options.sendOptions, db: transactionDatabase(em) });
  }

  /** Handles the queue's jobs: polled by a pg-boss worker when workers run, else by `drain()`. */
  async work<T>(queue: string, options: { batchSize?: number; pollingIntervalSeconds?: number }, handler: JobHandler<T>): Promise<void> {
    this.handlers.set(queue, handler as JobHandler<never>);
    if (this.options.workers ?? true) {
      await this.boss.work<T>(queue, { batchSize: options.batchSize ?? 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, handler);
    }
  }

  /** Runs every queued job of the handled queues now, in this process, until they are empty (tests, scripts). */
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
