import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { APIRequestContext, BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import { type BillfoldSystem, startSystem } from "../support/system.ts";

// Browser globals inside page.evaluate callbacks (the server tsconfig has no DOM lib).
type InPage = any;
declare const document: InPage;
declare const NodeFilter: InPage;

/** Generous per-file limits: the whole system and a real browser run in each test file. */
export const E2E_TEST_TIMEOUT = 120_000;
export const E2E_HOOK_TIMEOUT = 180_000;

/** Link-request limits high enough for a suite that signs in many times from one IP and email. */
export const RELAXED_RATE_LIMITS = { RATE_LINK_EMAIL_POINTS: "200", RATE_LINK_IP_POINTS: "500", RATE_EXCHANGE_IP_POINTS: "500" };

const WEB_DIST = fileURLToPath(new URL("../../web/dist/", import.meta.url));

/**
 * The whole system, serving a private copy of the built SPA: a rebuild of web/dist while the
 * file runs (another terminal, another test run) would otherwise swap the hashed chunks under
 * an open page and break its next navigation.
 */
export async function startE2eSystem(env: Record<string, string> = {}): Promise<BillfoldSystem> {
  const webDist = await mkdtemp(join(tmpdir(), "billfold-e2e-web-"));
  await cp(WEB_DIST, webDist, { recursive: true });
  const system = await startSystem({ env: { WEB_DIST: webDist, ...env } });
  const close = system.close.bind(system);
  return Object.assign(system, {
    async close() {
      await close();
      await rm(webDist, { recursive: true, force: true });
    },
  });
}

export interface MailboxMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  createdAt: string;
}

export async function mailbox(system: BillfoldSystem, email: string): Promise<MailboxMessage[]> {
  const response = await fetch(`${system.publicUrl}/dev/mailbox?to=${encodeURIComponent(email)}&format=json`);
  expect(response.status).toBe(200);
  return (await response.json()) as MailboxMessage[];
}

/**
 * Waits for a message to `email` newer than `since` (emails are sent by background jobs) and
 * returns the sign-in link in it, checking it is built from the configured public origin.
 */
export async function waitForLink(system: BillfoldSystem, email: string, since: Date, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    // Sent by a job after the request, so strictly newer than `since` (same machine clock).
    const fresh = (await mailbox(system, email)).filter((m) => Date.parse(m.createdAt) >= since.getTime());
    if (fresh.length > 0) {
      const link = /https?:\/\/[^\s"<>]+\/auth\/[A-Za-z0-9_-]+/.exec(fresh[0].text)?.[0];
      expect(link, `a sign-in link in the email "${fresh[0].subject}"`).toBeTruthy();
      expect(link!.startsWith(`${system.publicUrl}/auth/`)).toBe(true);
      return link!;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no email to ${email} within ${timeoutMs} ms`);
}

const REQUEST_LINK = "mutation ($input: RequestLoginLinkInput!) { requestLoginLink(input: $input) { message } }";
const EXCHANGE = "mutation ($token: String!) { exchangeLoginToken(token: $token) { redirectTo } }";

async function graphql(request: APIRequestContext, system: BillfoldSystem, query: string, variables: Record<string, unknown>) {
  const response = await request.post(`${system.publicUrl}/graphql`, {
    data: { query, variables },
    headers: { "content-type": "application/json", "apollo-require-preflight": "true" },
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data!;
}

/**
 * Signs a browser context in through the API (request a link, read it from the mailbox,
 * exchange it) for tests whose subject is not the sign-in screens themselves. The session
 * cookie lands in the context's cookie jar.
 */
export async function signInByApi(
  context: BrowserContext,
  system: BillfoldSystem,
  options: { email?: string; businessId?: string; mode?: "test" | "live" } = {},
): Promise<void> {
  const email = options.email ?? system.demo.person;
  const since = new Date();
  await graphql(context.request, system, REQUEST_LINK, { input: { email, businessId: options.businessId ?? null, mode: options.mode ?? "test" } });
  const link = await waitForLink(system, email, since);
  const token = link.split("/auth/")[1];
  await graphql(context.request, system, EXCHANGE, { token });
}

/** Signs in through the screens of the business login page and the link page. */
export async function signInThroughPages(page: Page, system: BillfoldSystem, businessId: string, mode: "test" | "live" = "test"): Promise<void> {
  const since = new Date();
  await page.goto(`${system.publicUrl}${mode === "test" ? "/test" : ""}/login/${businessId}`);
  await page.getByLabel("Email address").fill(system.demo.person);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await page.getByRole("heading", { name: "Almost there" }).waitFor();
  await page.goto(await waitForLink(system, system.demo.person, since));
  await page.getByRole("button", { name: "Continue to your portal" }).click();
  await page.waitForURL((url) => url.pathname.startsWith("/b/") || url.pathname === "/");
}

/** The text of every visible text node of the page, trimmed, in document order. */
export async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.replace(/\s+/g, " ").trim();
      const parent = node.parentElement;
      if (!text || !parent || parent.closest("script, style, noscript, template")) continue;
      if (parent.closest("option")) {
        // A closed <select> shows only its selected option.
        const option = parent.closest("option");
        if (!option.selected) continue;
      } else if (!parent.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      // Screen-reader-only text counts too: it is UI text a person hears.
      out.push(text);
    }
    return out;
  });
}

/** UI text outside text nodes: the document title and aria-label, title, placeholder and alt attributes. */
export async function attributeTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out = [document.title];
    for (const el of document.body.querySelectorAll("[aria-label], [title], [placeholder], img[alt]")) {
      for (const name of ["aria-label", "title", "placeholder", "alt"]) {
        const value = el.getAttribute(name)?.trim();
        if (value) out.push(value);
      }
    }
    return out;
  });
}

/** Waits until no skeleton placeholder is left on the page (loading has settled). */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll(".skeleton, [aria-busy='true']").length === 0, undefined, { timeout: 15_000 });
}
