import type { Identity, Mode } from "@billfold/shared";
import type { EntityManager } from "@mikro-orm/postgresql";
import { AccountLoaders } from "../accounts/account-loaders.ts";
import type { AccountsLinks } from "../customer-portal/accounts-links.client.ts";
import type { JobQueue } from "../jobs/job-queue.ts";
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
}

export interface Scope {
  businessId: string;
  mode: Mode;
}

/** One context per request: its own EntityManager fork and its own DataLoaders. */
export function createContext(em: EntityManager, identity: Identity, channel: Channel, jobs: JobQueue, links: AccountsLinks): BusinessContext {
  return { em, identity, channel, jobs, links, accounts: new AccountLoaders(em), records: new RecordLoaders(em) };
}
