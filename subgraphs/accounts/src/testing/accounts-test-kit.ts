import type { EntityManager, MikroORM } from "@mikro-orm/postgresql";
import { type Identity, IDENTITY_HEADER, type Mode, newId, signIdentity } from "@billfold/shared";
import { type TestDatabase, createTestDatabase } from "@billfold/shared/testing/test-database";
import type { LightMyRequestResponse } from "fastify";
import { type AccountsApp, createAccountsApp } from "../app.ts";
import { type AccountsConfig, parseAccountsConfig } from "../config.ts";
import { listEmails } from "../email/email.service.ts";
import { registerBusiness } from "../businesses/business.service.ts";
import type { Business } from "../businesses/business.entity.ts";
import { openAccountsDatabase } from "../database.ts";
import { migrateAccounts } from "../migrate.ts";

export const TEST_IDENTITY_SECRET = "accounts-test-secret-".padEnd(48, "x");

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface AccountsTestKit {
  database: TestDatabase;
  orm: MikroORM;
  accounts: AccountsApp;
  /** Every SQL statement sent since the last `statements.length = 0`. */
  statements: string[];
  em(): EntityManager;
  header(identity: Identity, secret?: string): Record<string, string>;
  config: AccountsConfig;
  graphql<T = Record<string, unknown>>(identity: Identity, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** The raw HTTP answer (status, headers, exact body) as the gateway would see it. */
  post(identity: Identity, query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  /** Runs the queued jobs (login links, emails) now. */
  runJobs(): Promise<number>;
  /** Emails to an address, newest first. */
  mailbox(to: string): Promise<{ subject: string; text: string; html: string }[]>;
  business(overrides?: Partial<Parameters<typeof registerBusiness>[1]>): Promise<Business>;
  close(): Promise<void>;
}

/** A migrated database of its own, the real fastify app in-process, and helpers to call it as the gateway would. */
export async function startAccountsTestKit(env: Record<string, string> = {}): Promise<AccountsTestKit> {
  const database = await createTestDatabase();
  await migrateAccounts(database.url);
  const statements: string[] = [];
  const orm = await openAccountsDatabase(database.url, { onStatement: (sql) => statements.push(sql) });
  const config = parseAccountsConfig({
    NODE_ENV: "test",
    DATABASE_URL: database.url,
    IDENTITY_SECRET: TEST_IDENTITY_SECRET,
    PUBLIC_URL: "http://localhost:4000",
    JOB_WORKERS: "false",
    ...env,
  });
  const accounts = await createAccountsApp({ config, orm });
  const header = (identity: Identity, secret = TEST_IDENTITY_SECRET) => ({ [IDENTITY_HEADER]: signIdentity(identity, secret) });
  const post = (identity: Identity, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) =>
    accounts.app.inject({ method: "POST", url: "/graphql", headers: { ...header(identity), ...headers }, payload: { query, variables } });
  return {
    database,
    orm,
    accounts,
    statements,
    config,
    em: () => orm.em.fork(),
    header,
    post,
    async graphql(identity, query, variables) {
      return (await post(identity, query, variables)).json();
    },
    runJobs: () => accounts.jobs.drain(),
    mailbox: (to) => listEmails(orm.em.fork(), to),
    business(overrides = {}) {
      const slug = overrides.slug ?? `shop-${newId("x").slice(2)}`;
      return registerBusiness(orm.em.fork(), {
        name: "Acme Rockets",
        slug,
        supportEmail: "help@acme.test",
        brand: { primaryColor: "#112233", accentColor: "#445566" },
        shard: "shard1",
        ...overrides,
      });
    },
    async close() {
      await accounts.close();
      await orm.close();
      await database.drop();
    },
  };
}

export function personIdentity(email: string, mode: Mode = "live", accounts: { businessId: string; customerId: string }[] = []): Identity {
  return { kind: "person", email, sessionId: newId("ses"), mode, accounts };
}

export const uniqueEmail = (label = "person") => `${label}-${newId("e").slice(2)}@example.test`;
