import type { EntityManager, MikroORM } from "@mikro-orm/postgresql";
import type { Mode } from "@billfold/shared";
import type { Job, Queue } from "pg-boss";
import { Business } from "../businesses/business.entity.ts";
import { directoryAccounts } from "../directory/directory.service.ts";
import { queueEmail } from "../email/email.service.ts";
import { businessLoginEmail, merchantLoginEmail, unifiedLoginEmail } from "../email/email.templates.ts";
import type { JobQueue } from "../jobs/job-queue.ts";
import { MerchantUser } from "../merchants/merchant-user.entity.ts";
import { createLinkToken } from "./link-token.service.ts";

export const LOGIN_LINK_QUEUE = "login-link";
export const loginLinkQueue: Queue = { name: LOGIN_LINK_QUEUE, retryLimit: 3, retryDelay: 2, retryBackoff: true };

export type LoginLinkJob =
  | { kind: "static"; email: string; businessId: string; mode: Mode }
  | { kind: "unified"; email: string; mode: Mode }
  | { kind: "merchant"; email: string; mode: Mode };

const brandOf = (business: Business) => ({ name: business.name, primaryColor: business.brand.primaryColor, supportEmail: business.supportEmail });

/** Looks the email up; only a known email gets a link (token and email in one transaction). */
async function handle(tx: EntityManager, jobs: JobQueue, publicUrl: string, job: LoginLinkJob): Promise<void> {
  if (job.kind === "merchant") {
    const users = await tx.find(MerchantUser, { email: job.email }, { orderBy: { businessId: "asc" } });
    const businesses = await tx.find(Business, { id: { $in: users.map((u) => u.businessId) } });
    for (const user of users) {
      const business = businesses.find((b) => b.id === user.businessId);
      if (!business) continue;
      const { link } = createLinkToken(tx, publicUrl, { kind: "merchant", email: job.email, mode: job.mode, businessId: business.id, merchantUserId: user.id });
      await queueEmail(tx, jobs, job.email, merchantLoginEmail(brandOf(business), link), business.id);
    }
    return;
  }
  const accounts = (await directoryAccounts(tx, job.email, job.mode)).filter((a) => job.kind === "unified" || a.businessId === job.businessId);
  if (accounts.length === 0) return;
  if (job.kind === "static") {
    const business = await tx.findOneOrFail(Business, { id: job.businessId });
    const customerId = accounts.length === 1 ? accounts[0].customerId : null;
    const { link } = createLinkToken(tx, publicUrl, { kind: "static", email: job.email, mode: job.mode, businessId: business.id, customerId });
    await queueEmail(tx, jobs, job.email, businessLoginEmail(brandOf(business), link, job.mode === "test"), business.id);
    return;
  }
  const businesses = await tx.find(Business, { id: { $in: [...new Set(accounts.map((a) => a.businessId))] } }, { orderBy: { name: "asc" } });
  const { link } = createLinkToken(tx, publicUrl, { kind: "unified", email: job.email, mode: job.mode });
  await queueEmail(tx, jobs, job.email, unifiedLoginEmail(link, businesses.map((b) => b.name), job.mode === "test"));
}

export function loginLinkHandler(orm: MikroORM, getJobs: () => JobQueue, publicUrl: string) {
  return async (batch: Job<LoginLinkJob>[]): Promise<void> => {
    for (const job of batch) {
      await orm.em.fork().transactional((tx) => handle(tx, getJobs(), publicUrl, job.data));
    }
  };
}
