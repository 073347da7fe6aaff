import { createSubgraphServer } from "@billfold/shared";
import type { MikroORM } from "@mikro-orm/postgresql";
import type { FastifyInstance } from "fastify";
import type { BusinessConfig } from "./config.ts";
import { type AccountsLinks, accountsLinksClient } from "./customer-portal/accounts-links.client.ts";
import { registerPortalSessionRoute } from "./customer-portal/portal-session.route.ts";
import { directorySyncQueue, startDirectorySyncWorker } from "./directory/directory-sync.job.ts";
import { JobQueue } from "./jobs/job-queue.ts";
import { registerMerchantRoute } from "./merchant/merchant-route.ts";
import { buildBusinessSchema } from "./schema.ts";
import { type BusinessContext, createContext } from "./shared/context.ts";

export interface BusinessAppOptions {
  config: BusinessConfig;
  orm: MikroORM;
  /** How often the directory worker polls when LISTEN/NOTIFY is unavailable (seconds, ≥ 0.5). */
  jobsPollingIntervalSeconds?: number;
  /** Replaces the accounts link client (tests). */
  links?: AccountsLinks;
}

export interface BusinessApp {
  app: FastifyInstance;
  jobs: JobQueue;
  /** Stops the HTTP server, then the job workers. Does not close `orm`. */
  close(): Promise<void>;
}

/** One business shard: `/graphql` for the gateway, `/business/:id/graphql` for merchants, the job workers. */
export async function createBusinessApp({ config, orm, jobsPollingIntervalSeconds, links: givenLinks }: BusinessAppOptions): Promise<BusinessApp> {
  const { schema } = await buildBusinessSchema();
  const links = givenLinks ?? accountsLinksClient({ accountsUrl: config.ACCOUNTS_URL, shardId: config.SHARD_ID, identitySecret: config.IDENTITY_SECRET });
  const jobs = await JobQueue.start({
    url: config.DATABASE_URL,
    poolMax: config.JOBS_POOL_MAX,
    listenNotify: config.JOBS_LISTEN_NOTIFY,
    queues: [directorySyncQueue],
  });
  try {
    await startDirectorySyncWorker(jobs, {
      accountsUrl: config.ACCOUNTS_URL,
      shardId: config.SHARD_ID,
      identitySecret: config.IDENTITY_SECRET,
      pollingIntervalSeconds: jobsPollingIntervalSeconds,
    });
    const { app } = await createSubgraphServer<BusinessContext>({
      name: `business:${config.SHARD_ID}`,
      schema,
      identitySecret: config.IDENTITY_SECRET,
      introspection: config.INTROSPECTION,
      context: (identity) => createContext(orm.em.fork(), identity, "gateway", jobs, links),
      routes: (app, apollo) => {
        registerMerchantRoute(app, apollo, { orm, jobs, identitySecret: config.IDENTITY_SECRET, links });
        registerPortalSessionRoute(app, { orm, links });
      },
    });
    return {
      app,
      jobs,
      async close() {
        await app.close();
        await jobs.stop();
      },
    };
  } catch (error) {
    await jobs.stop();
    throw error;
  }
}
