import type { MikroORM } from "@mikro-orm/postgresql";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { createSubgraphServer } from "@billfold/shared";
import { loginLinkHandler, loginLinkQueue } from "./access/login-link.job.ts";
import { type RateLimits, createRateLimits } from "./access/rate-limits.ts";
import type { AccountsConfig } from "./config.ts";
import { type Mailer, createMailer, sendEmailHandler, sendEmailQueue } from "./email/email.service.ts";
import { registerMailboxRoutes } from "./email/mailbox.routes.ts";
import { shardCustomerEmailHandler, shardCustomerEmailQueue } from "./email-change/shard-email.job.ts";
import { registerInternalRoutes } from "./internal/internal.routes.ts";
import { type JobQueue, startJobQueue } from "./jobs/job-queue.ts";
import { buildAccountsSchema } from "./schema.ts";
import { type AccountsContext, type ClientInfo, type ResponseHeaders, createContext } from "./shared/context.ts";

export const CLIENT_IP_HEADER = "x-billfold-client-ip";
export const STALE_SESSIONS_HEADER = "x-billfold-stale-sessions";

export interface AccountsApp {
  app: FastifyInstance;
  jobs: JobQueue;
  limits: RateLimits;
  /** Stops the HTTP server, the job queue and the limiters; the caller owns (and closes) the ORM. */
  close(): Promise<void>;
}

export interface CreateAccountsAppOptions {
  config: AccountsConfig;
  orm: MikroORM;
  /** Replaces the SMTP/json transport (tests). */
  mailer?: Mailer;
}

const firstHeader = (request: FastifyRequest, name: string) => {
  const value = request.headers[name];
  return (Array.isArray(value) ? value[0] : value) || undefined;
};

/** The gateway vouches for the client's address (the request is signed: /graphql refuses others). */
function clientInfo(request: FastifyRequest): ClientInfo {
  return { ip: (firstHeader(request, CLIENT_IP_HEADER) ?? request.ip).slice(0, 64), userAgent: firstHeader(request, "user-agent")?.slice(0, 1000) ?? null };
}

function responseHeaders(reply: FastifyReply): ResponseHeaders {
  const stale: string[] = [];
  return {
    setCookie: (value) => void reply.header("set-cookie", value),
    staleSessions(ids) {
      stale.push(...ids);
      void reply.header(STALE_SESSIONS_HEADER, stale.join(","));
    },
  };
}

export async function createAccountsApp({ config, orm, mailer }: CreateAccountsAppOptions): Promise<AccountsApp> {
  const { schema } = await buildAccountsSchema();
  const limits = createRateLimits(config.DATABASE_URL, config);
  const jobs = await startJobQueue({ url: config.DATABASE_URL, workers: config.JOB_WORKERS, queues: [loginLinkQueue, shardCustomerEmailQueue, sendEmailQueue] });
  const polling = { batchSize: 10, pollingIntervalSeconds: config.JOB_POLL_SECONDS };
  await jobs.work(loginLinkQueue.name, polling, loginLinkHandler(orm, () => jobs, config.PUBLIC_URL));
  await jobs.work(shardCustomerEmailQueue.name, polling, shardCustomerEmailHandler(orm, { shards: config.SHARDS, identitySecret: config.IDENTITY_SECRET }));
  await jobs.work(sendEmailQueue.name, polling, sendEmailHandler(orm, mailer ?? createMailer(config.SMTP_URL), config.MAIL_FROM, { forgetLinkTokens: Boolean(config.SMTP_URL) }));
  const services = { publicUrl: config.PUBLIC_URL, jobs, limits };
  const { app } = await createSubgraphServer<AccountsContext>({
    name: "accounts",
    schema,
    identitySecret: config.IDENTITY_SECRET,
    introspection: config.INTROSPECTION,
    context: (identity, request, reply) => createContext(identity, orm.em.fork(), services, clientInfo(request), responseHeaders(reply)),
    routes: async (app) => {
      await registerInternalRoutes(app, { orm, identitySecret: config.IDENTITY_SECRET, jobs, publicUrl: config.PUBLIC_URL });
      if (config.NODE_ENV !== "production") registerMailboxRoutes(app, orm);
    },
  });
  return {
    app,
    jobs,
    limits,
    async close() {
      await app.close();
      await jobs!.stop();
      await limits.close();
    },
  };
}
