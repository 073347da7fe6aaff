import type { Browser, BrowserContext, Page } from "playwright-core";

// The page's document, inside page.evaluate callbacks (the server tsconfig has no DOM lib).
declare const document: { documentElement: { lang: string; scrollWidth: number; clientWidth: number } };
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, screenshot, VIEWPORTS } from "../support/browser.ts";
import type { BillfoldSystem } from "../support/system.ts";
import { attributeTexts, E2E_HOOK_TIMEOUT, E2E_TEST_TIMEOUT, settled, signInByApi, startE2eSystem, visibleTexts } from "./e2e-kit.ts";
import { ENGLISH_FRAGMENTS, englishLeftovers } from "./english-leftovers.ts";

let system: BillfoldSystem;
let browser: Browser;
let context: BrowserContext;
let page: Page;

const KESTREL = "biz_kestrel";

beforeAll(async () => {
  [system, browser] = await Promise.all([startE2eSystem(), launchChromium()]);
  context = await browser.newContext({ viewport: VIEWPORTS.desktop });
  page = await context.newPage();
}, E2E_HOOK_TIMEOUT);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await system?.close();
}, E2E_HOOK_TIMEOUT);

async function screenTexts(): Promise<string[]> {
  await settled(page);
  return [...(await visibleTexts(page)), ...(await attributeTexts(page))];
}

async function expectAllHindi(screen: string) {
  await page.waitForFunction(() => document.documentElement.lang === "hi");
  const leftovers = englishLeftovers(await screenTexts());
  expect(leftovers, `English left on the Hindi ${screen}`).toEqual({ fragments: [], words: [] });
  await screenshot(page, `hi-${screen}-desktop`);
}

describe("the interface in Hindi", () => {
  it("has English messages to look for (the check itself works on an English screen)", async () => {
    expect(ENGLISH_FRAGMENTS.length).toBeGreaterThan(100);
    await page.goto(`${system.publicUrl}/login?lang=en`);
    await page.getByRole("heading", { name: "Sign in to your billing portal" }).waitFor();
    const leftovers = englishLeftovers(await screenTexts());
    expect(leftovers.fragments).toEqual(expect.arrayContaining(["Sign in to your billing portal", "Email address", "Email me a sign-in link"]));
    expect(leftovers.words.length).toBeGreaterThan(10);
  }, E2E_TEST_TIMEOUT);

  it("shows the sign-in pages with no English left", async () => {
    await page.goto(`${system.publicUrl}/login?lang=hi`);
    await page.locator("#login-title").waitFor();
    await expectAllHindi("login");

    // The choice is remembered without the query parameter.
    await page.goto(`${system.publicUrl}/test/login/${KESTREL}`);
    await page.locator("#business-login-title").waitFor();
    await expectAllHindi("business-login");
  }, E2E_TEST_TIMEOUT);

  it("shows the business portal's overview, billing history (with an invoice open) and other sections with no English left", async () => {
    await signInByApi(context, system, { businessId: KESTREL });
    await page.goto(`${system.publicUrl}/b/${KESTREL}?lang=hi`);
    await page.locator("main h1").waitFor();
    await expectAllHindi("overview");

    await page.goto(`${system.publicUrl}/b/${KESTREL}/billing`);
    await page.locator("main table").first().waitFor();
    await page.locator("main tbody button[aria-expanded]").first().click();
    await page.locator("table.lines").waitFor();
    await expectAllHindi("billing");

    for (const section of ["subscriptions", "payment-methods", "license-keys", "profile"]) {
      await page.goto(`${system.publicUrl}/b/${KESTREL}/${section}`);
      await page.locator("main h1").waitFor();
      await expectAllHindi(section);
    }
  }, E2E_TEST_TIMEOUT);

  it("shows the unified portal with no English left", async () => {
    await page.goto(`${system.publicUrl}/`);
    await page.locator("#businesses-title").waitFor();
    await expectAllHindi("unified-portal");
  }, E2E_TEST_TIMEOUT);
});
