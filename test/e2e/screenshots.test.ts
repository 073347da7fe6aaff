import type { Browser, BrowserContext, Page } from "playwright-core";

// The page's document, inside page.evaluate callbacks (the server tsconfig has no DOM lib).
declare const document: { documentElement: { lang: string; scrollWidth: number; clientWidth: number } };
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, screenshot, VIEWPORTS } from "../support/browser.ts";
import type { BillfoldSystem } from "../support/system.ts";
import { E2E_HOOK_TIMEOUT, RELAXED_RATE_LIMITS, settled, signInByApi, startE2eSystem, waitForLink } from "./e2e-kit.ts";

let system: BillfoldSystem;
let browser: Browser;
/** An unused link, for the link landing page (opening it does not consume it). */
let landingLink: string;

const KESTREL = "biz_kestrel";

beforeAll(async () => {
  [system, browser] = await Promise.all([startE2eSystem(RELAXED_RATE_LIMITS), launchChromium()]);
  const since = new Date();
  const response = await fetch(`${system.publicUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: "mutation ($input: RequestLoginLinkInput!) { requestLoginLink(input: $input) { message } }",
      variables: { input: { email: system.demo.person, businessId: KESTREL, mode: "test" } },
    }),
  });
  expect(response.status).toBe(200);
  landingLink = await waitForLink(system, system.demo.person, since);
}, E2E_HOOK_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await system?.close();
}, E2E_HOOK_TIMEOUT);

interface Screen {
  name: string;
  path: () => string;
  signedIn: boolean;
  /** What shows once the screen is ready. */
  ready: (page: Page) => Promise<unknown>;
}

const h1 = (name: string) => (page: Page) => page.getByRole("heading", { level: 1, name }).waitFor();

const SCREENS: Screen[] = [
  { name: "login", path: () => "/login", signedIn: false, ready: h1("Sign in to your billing portal") },
  { name: "business-login", path: () => `/test/login/${KESTREL}`, signedIn: false, ready: h1("Kestrel Type Foundry’s billing portal") },
  { name: "auth-landing", path: () => new URL(landingLink).pathname, signedIn: false, ready: h1("Sign in to Kestrel Type Foundry") },
  { name: "unified-portal", path: () => "/", signedIn: true, ready: (page) => page.getByRole("heading", { name: "Your businesses" }).waitFor() },
  { name: "business-overview", path: () => `/b/${KESTREL}`, signedIn: true, ready: h1("Overview") },
  { name: "subscriptions", path: () => `/b/${KESTREL}/subscriptions`, signedIn: true, ready: h1("Subscriptions") },
  { name: "billing", path: () => `/b/${KESTREL}/billing`, signedIn: true, ready: h1("Billing history") },
  { name: "payment-methods", path: () => `/b/${KESTREL}/payment-methods`, signedIn: true, ready: h1("Payment methods") },
  { name: "license-keys", path: () => `/b/${KESTREL}/license-keys`, signedIn: true, ready: h1("License keys") },
  { name: "profile", path: () => `/b/${KESTREL}/profile`, signedIn: true, ready: h1("Profile") },
  {
    name: "playground",
    path: () => "/playground",
    signedIn: true,
    ready: (page) => page.locator(".graphiql-container .graphiql-query-editor").waitFor({ timeout: 30_000 }),
  },
];

/** Page width beyond the viewport: something overflows sideways (a layout break on phones). */
async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe("screenshots of every main screen", () => {
  for (const [viewportName, viewport] of Object.entries(VIEWPORTS)) {
    it(`saves each screen at ${viewportName} width (${viewport.width} px) without sideways overflow`, async () => {
      const anonymous: BrowserContext = await browser.newContext({ viewport, deviceScaleFactor: 1 });
      const signedIn: BrowserContext = await browser.newContext({ viewport, deviceScaleFactor: 1 });
      try {
        await signInByApi(signedIn, system);
        const pages = { anonymous: await anonymous.newPage(), signedIn: await signedIn.newPage() };
        const overflowing: string[] = [];
        for (const screen of SCREENS) {
          const page = screen.signedIn ? pages.signedIn : pages.anonymous;
          await page.goto(`${system.publicUrl}${screen.path()}`);
          try {
            await screen.ready(page);
          } catch (error) {
            // Keep what the screen showed instead, to see why.
            await screenshot(page, `FAILED-${screen.name}-${viewportName}`);
            const shown = (await page.locator("body").innerText()).replace(/\s+/g, " ").slice(0, 400);
            throw new Error(`${screen.name} (${viewportName}) did not become ready; it shows: ${shown}`, { cause: error });
          }
          await settled(page);
          // The billing screen with one invoice's lines open shows the most layout.
          if (screen.name === "billing") {
            await page.locator("main tbody button[aria-expanded]").first().click();
            await page.locator("table.lines").waitFor();
          }
          await screenshot(page, `${screen.name}-${viewportName}`);
          if (screen.name !== "playground" && (await horizontalOverflow(page)) > 0) overflowing.push(screen.name);
        }
        expect(overflowing, "screens wider than the viewport").toEqual([]);
      } finally {
        await anonymous.close();
        await signedIn.close();
      }
    }, 150_000);
  }
});
