import type { Identity, Mode } from "@billfold/shared";
import type { EntityManager } from "@mikro-orm/postgresql";
import { AccountLoaders } from "../accounts/account-loaders.ts";
import type { Billing } from "../billing/billing.ts";
import type { AccountsLinks } from "../customer-portal/accounts-links.client.ts";
import type { InvoiceLinks } from "../invoices/invoice-link.util.ts";
import type { JobQueue } from "../jobs/job-queue.ts";
import type { LicenseRateLimits } from "../licenses/license-rate-limits.ts";
import type { WebhookUrlPolicy } from "../webhooks/webhook-url.util.ts";
import { RecordLoaders } from "./record-loaders.ts";

/** How the request reached this shard: through the gateway, or on the merchant endpoint with an API key. */
export type Channel = "gateway" | "merchant";

export interface BusinessContext {
  em: EntityManager;
  identity: Identity;
  channel: Channel;
  accounts: AccountLoaders;
  records: RecordLoaders;
  jobs: JobQueue;
  /** accounts' link maker (portal sessions, invites). */
  links: AccountsLinks;
  /** Where the request came in: the business it names (merchant path or x-billfold-business) and the client IP. */
  request: RequestInfo;
  /** Limits of the public license API (set on the merchant endpoint). */
  licenseLimits?: LicenseRateLimits;
  /** The card processor and the public URL of the money operations (absent only in contexts that move no money). */
  billing?: Billing;
  /** Signs the expiring invoice PDF links (`Invoice.pdfUrl`). */
  invoiceLinks?: InvoiceLinks;
  /** Which webhook endpoint URLs may be registered (absent: public https hosts only). */
  webhookUrlPolicy?: WebhookUrlPolicy;
}

export interface RequestInfo {
  businessId?: string;
  clientIp?: string;
}

export interface Scope {
  businessId: string;
  mode: Mode;
}

/** One context per request: its own EntityManager fork and its own DataLoaders. */
export function createContext(
  em: EntityManager,
  identity: Identity,
  channel: Channel,
  jobs: JobQueue,
  links: AccountsLinks,
  request: RequestInfo = {},
): BusinessContext {
  return { em, identity, channel, jobs, links, request, accounts: new AccountLoaders(em), records: new RecordLoaders(em) };
}
