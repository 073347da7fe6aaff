import { createSubgraphServer } from "@billfold/shared";
import type { MikroORM } from "@mikro-orm/postgresql";
import type { FastifyInstance } from "fastify";
import type { BusinessConfig } from "./config.ts";
import { type AccountsLinks, accountsLinksClient } from "./customer-portal/accounts-links.client.ts";
import { registerCustomerEmailRoute } from "./customers/customer-email.route.ts";
import { registerPortalSessionRoute } from "./customer-portal/portal-session.route.ts";
import { directorySyncQueue, startDirectorySyncWorker } from "./directory/directory-sync.job.ts";
import { customerEmailQueue, startCustomerEmailWorker } from "./email/customer-email.job.ts";
import { billingClockQueue, startBillingClock } from "./billing/billing-clock.job.ts";
import { createBilling } from "./billing/billing.ts";
import { InvoiceLinks } from "./invoices/invoice-link.util.ts";
import { registerInvoicePdfRoutes } from "./invoices/invoice-pdf.route.ts";
import { type JobQueue, startJobQueue } from "./jobs/job-queue.ts";
import { registerLicenseApiRoute } from "./licenses/license-api.route.ts";
import { DEFAULT_LICENSE_RATE_LIMITS, createLicenseRateLimits } from "./licenses/license-rate-limits.ts";
import { registerMerchantRoute } from "./merchant/merchant-route.ts";
import { buildBusinessSchema } from "./schema.ts";
import { type BusinessContext, createContext } from "./shared/context.ts";
import { startWebhookDeliveryWorker, webhookDeliveryQueue } from "./webhooks/webhook-delivery.job.ts";

export interface BusinessAppOptions {
  config: BusinessConfig;
  orm: MikroORM;
  /** How often the directory worker polls when LISTEN/NOTIFY is unavailable (seconds, ≥ 0.5). */
  jobsPollingIntervalSeconds?: number;
  /** Replaces the accounts link client (tests). */
  links?: AccountsLinks;
  /** Replaces the webhook retry back-off (tests). */
  webhookRetryScheduleSeconds?: readonly number[];
}

export interface BusinessApp {
  app: FastifyInstance;
  jobs: JobQueue;
  /** Stops the HTTP server, then the job workers. Does not close `orm`. */
  close(): Promise<void>;
}

/** One business shard: `/graphql` for the gateway, `/business/:id/graphql` for merchants, the job workers. */
export async function createBusinessApp({ config, orm, jobsPollingIntervalSeconds, links: givenLinks, webhookRetryScheduleSeconds }: BusinessAppOptions): Promise<BusinessApp> {
  const { schema } = await buildBusinessSchema();
  const links = givenLinks ?? accountsLinksClient({ accountsUrl: config.ACCOUNTS_URL, shardId: config.SHARD_ID, identitySecret: config.IDENTITY_SECRET });
  const billingClockOn = config.BILLING_CLOCK ?? config.NODE_ENV !== "test";
  const webhookUrlPolicy = { allowPrivate: config.WEBHOOK_ALLOW_PRIVATE_URLS ?? config.NODE_ENV !== "production" };
  const jobs = await startJobQueue({
    url: config.DATABASE_URL,
    poolMax: config.JOBS_POOL_MAX,
    listenNotify: config.JOBS_LISTEN_NOTIFY,
    queues: [directorySyncQueue, customerEmailQueue, webhookDeliveryQueue, billingClockQueue],
    schedule: billingClockOn,
  });
  const billing = createBilling(config);
  const invoiceLinks = new InvoiceLinks(config.IDENTITY_SECRET);
  const licenseLimits = createLicenseRateLimits(config.DATABASE_URL, {
    keyPoints: config.LICENSE_RATE_KEY_POINTS ?? DEFAULT_LICENSE_RATE_LIMITS.keyPoints,
    ipPoints: config.LICENSE_RATE_IP_POINTS ?? DEFAULT_LICENSE_RATE_LIMITS.ipPoints,
    windowSeconds: config.LICENSE_RATE_WINDOW_SECONDS ?? DEFAULT_LICENSE_RATE_LIMITS.windowSeconds,
  });
  try {
    await startDirectorySyncWorker(jobs, {
      accountsUrl: config.ACCOUNTS_URL,
      shardId: config.SHARD_ID,
      identitySecret: config.IDENTITY_SECRET,
      pollingIntervalSeconds: jobsPollingIntervalSeconds,
    });
    const serviceCaller = { accountsUrl: config.ACCOUNTS_URL, shardId: config.SHARD_ID, identitySecret: config.IDENTITY_SECRET };
    await startCustomerEmailWorker(jobs, { ...serviceCaller, pollingIntervalSeconds: jobsPollingIntervalSeconds });
    await startWebhookDeliveryWorker(jobs, {
      orm,
      pollingIntervalSeconds: jobsPollingIntervalSeconds,
      retryScheduleSeconds: webhookRetryScheduleSeconds,
      allowPrivateAddresses: webhookUrlPolicy.allowPrivate,
    });
    if (billingClockOn) await startBillingClock(jobs, orm, billing);
    const { app } = await createSubgraphServer<BusinessContext>({
      name: `business:${config.SHARD_ID}`,
      schema,
      identitySecret: config.IDENTITY_SECRET,
      introspection: config.INTROSPECTION,
      context: (identity, request) => ({
        ...createContext(orm.em.fork(), identity, "gateway", jobs, links, { businessId: businessHeader(request.headers), clientIp: request.ip }),
        billing,
        invoiceLinks,
        webhookUrlPolicy,
      }),
      routes: (app, apollo) => {
        registerMerchantRoute(app, apollo, { orm, jobs, identitySecret: config.IDENTITY_SECRET, links, licenseLimits, billing, invoiceLinks, webhookUrlPolicy });
        registerInvoicePdfRoutes(app, { orm, identitySecret: config.IDENTITY_SECRET, links: invoiceLinks });
        registerPortalSessionRoute(app, { orm, links });
        registerCustomerEmailRoute(app, { orm, jobs, identitySecret: config.IDENTITY_SECRET });
        registerLicenseApiRoute(app, { orm, limits: licenseLimits });
      },
    });
    return {
      app,
      jobs,
      async close() {
        await app.close();
        await jobs.stop();
        await licenseLimits.close();
      },
    };
  } catch (error) {
    await jobs.stop();
    await licenseLimits.close();
    throw error;
  }
}

/** `x-billfold-business`: which business a root operation routed by the gateway is for. */
function businessHeader(headers: Record<string, string | string[] | undefined>): string | undefined {
  const value = headers["x-billfold-business"];
  return (Array.isArray(value) ? value[0] : value) || undefined;
}
