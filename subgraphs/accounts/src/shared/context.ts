import type { EntityManager } from "@mikro-orm/postgresql";
import type { Identity } from "@billfold/shared";
import type { RateLimits } from "../access/rate-limits.ts";
import type { JobQueue } from "../jobs/job-queue.ts";
import { type AccountsLoaders, createLoaders } from "./loaders.ts";

/** Long-lived collaborators of the access flows, made once per process. */
export interface AccessServices {
  publicUrl: string;
  jobs: JobQueue;
  limits: RateLimits;
}

/** What accounts knows of the browser behind the gateway (never the raw cookie). */
export interface ClientInfo {
  ip: string;
  userAgent: string | null;
}

/** Sets response headers the gateway relays (the session cookie) or reads (sessions it must forget). */
export interface ResponseHeaders {
  setCookie(value: string): void;
  /** Sessions ended or changed: the gateway drops identities it cached for them. */
  staleSessions(ids: string[]): void;
}

/** Per-request GraphQL context: who is calling (signed by the gateway), a fresh EntityManager, batched loaders. */
export interface AccountsContext {
  identity: Identity;
  em: EntityManager;
  loaders: AccountsLoaders;
  services: AccessServices;
  client: ClientInfo;
  response: ResponseHeaders;
}

export const NO_RESPONSE: ResponseHeaders = { setCookie() {}, staleSessions() {} };

export function createContext(
  identity: Identity,
  em: EntityManager,
  services: AccessServices,
  client: ClientInfo = { ip: "unknown", userAgent: null },
  response: ResponseHeaders = NO_RESPONSE,
): AccountsContext {
  return { identity, em, loaders: createLoaders(em), services, client, response };
}
