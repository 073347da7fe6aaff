import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BrowserContext } from "playwright-core";
import { expect } from "vitest";
import { type BillfoldSystem, startSystem } from "../support/system.ts";

/** Helpers of the money browser tests (reactivation, cancel, plan change). */

export const MONEY_TEST_TIMEOUT = 120_000;
export const MONEY_HOOK_TIMEOUT = 180_000;

const WEB_DIST = fileURLToPath(new URL("../../web/dist/", import.meta.url));

/**
 * The whole system serving a private copy of the built SPA, so a rebuild of web/dist while the
 * file runs cannot swap the hashed chunks under an open page.
 */
export async function startMoneySystem(): Promise<BillfoldSystem> {
  const webDist = await mkdtemp(join(tmpdir(), "billfold-money-web-"));
  await cp(WEB_DIST, webDist, { recursive: true });
  const system = await startSystem({ env: { WEB_DIST: webDist } });
  const close = system.close.bind(system);
  return Object.assign(system, {
    async close() {
      await close();
      await rm(webDist, { recursive: true, force: true });
    },
  });
}

export interface Mail {
  to: string;
  subject: string;
  text: string;
  createdAt: string;
}

export async function mailTo(system: BillfoldSystem, email: string): Promise<Mail[]> {
  const response = await fetch(`${system.publicUrl}/dev/mailbox?to=${encodeURIComponent(email)}&format=json`);
  expect(response.status).toBe(200);
  return (await response.json()) as Mail[];
}

/** Polls the dev mailbox until a message newer than `since` matches `subject`. */
export async function waitForMail(system: BillfoldSystem, email: string, since: Date, subject: RegExp, timeoutMs = 20_000): Promise<Mail> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = (await mailTo(system, email)).find((m) => Date.parse(m.createdAt) >= since.getTime() && subject.test(m.subject));
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no email to ${email} matching ${subject} within ${timeoutMs} ms`);
}

/** A GraphQL call from the browser context (its session cookie), failing the test on errors. */
export async function gql<T>(context: BrowserContext, system: BillfoldSystem, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await context.request.post(`${system.publicUrl}/graphql`, {
    data: { query, variables },
    headers: { "content-type": "application/json", "apollo-require-preflight": "true" },
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data!;
}

/** Signs the context in as the demo person, test mode, through the API (link from the mailbox). */
export async function signInDemo(context: BrowserContext, system: BillfoldSystem, businessId: string): Promise<void> {
  const email = system.demo.person;
  const since = new Date();
  await gql(context, system, "mutation ($input: RequestLoginLinkInput!) { requestLoginLink(input: $input) { message } }", {
    input: { email, businessId, mode: "test" },
  });
  const mail = await waitForMail(system, email, since, /./);
  const token = /\/auth\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
  expect(token, `a sign-in link in "${mail.subject}"`).toBeTruthy();
  await gql(context, system, "mutation ($token: String!) { exchangeLoginToken(token: $token) { redirectTo } }", { token });
}

interface SubscriptionsAnswer {
  viewer: { accounts: { businessId: string; subscriptions: { id: string; status: string; cancelAtPeriodEnd: boolean; product: { name: string } }[] | null }[] };
}

/** The demo person's subscription of `product` at `businessId`, as the API reports it now. */
export async function subscriptionOf(context: BrowserContext, system: BillfoldSystem, businessId: string, product: string) {
  const data = await gql<SubscriptionsAnswer>(
    context,
    system,
    "{ viewer { accounts { businessId subscriptions { id status cancelAtPeriodEnd product { name } } } } }",
  );
  const account = data.viewer.accounts.find((a) => a.businessId === businessId);
  const subscription = account?.subscriptions?.find((s) => s.product.name === product && s.status !== "cancelled" && s.status !== "expired");
  expect(subscription, `${product} at ${businessId}`).toBeTruthy();
  return subscription!;
}
