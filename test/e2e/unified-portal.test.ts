import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/browser.ts";
import type { BillfoldSystem } from "../support/system.ts";
import { E2E_HOOK_TIMEOUT, E2E_TEST_TIMEOUT, settled, startE2eSystem, waitForLink } from "./e2e-kit.ts";

let system: BillfoldSystem;
let browser: Browser;

beforeAll(async () => {
  [system, browser] = await Promise.all([startE2eSystem(), launchChromium()]);
}, E2E_HOOK_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await system?.close();
}, E2E_HOOK_TIMEOUT);

async function withPage<T>(run: (page: Page, context: BrowserContext) => Promise<T>): Promise<T> {
  const context = await browser.newContext();
  try {
    return await run(await context.newPage(), context);
  } finally {
    await context.close();
  }
}

/** Names of the business cards of the unified portal, in page order. */
async function businessCards(page: Page): Promise<string[]> {
  const section = page.locator("section", { has: page.getByRole("heading", { name: "Your businesses" }) });
  return section.getByRole("heading", { level: 3 }).allInnerTexts();
}

/** The dates (ISO) of the merged billing history rows, in DOM order. */
async function historyDates(page: Page): Promise<string[]> {
  const section = page.locator("section", { has: page.getByRole("heading", { name: "Billing history" }) });
  return section.locator("tbody time").evaluateAll((els) => els.map((el) => el.getAttribute("datetime") ?? ""));
}

async function historyBusinesses(page: Page): Promise<Set<string>> {
  const section = page.locator("section", { has: page.getByRole("heading", { name: "Billing history" }) });
  // The cell holds the brand mark's initials (hidden from assistive tech) and then the name.
  const cells = await section.locator("tbody tr td:nth-child(2)").allInnerTexts();
  return new Set(cells.map((text) => text.trim().split("\n").at(-1)!.trim()));
}

describe("unified sign-on and the unified portal", () => {
  it(
    "signs in once at /login and lists the person's live accounts only",
    async () => {
      await withPage(async (page) => {
        const since = new Date();
        await page.goto(`${system.publicUrl}/login`);
        await page.getByLabel("Email address").fill(system.demo.person);
        await page.getByRole("button", { name: "Email me a sign-in link" }).click();
        await page.getByRole("heading", { name: "Check your inbox" }).waitFor();
        await page.goto(await waitForLink(system, system.demo.person, since));
        await page.getByRole("heading", { name: "Sign in to Billfold" }).waitFor();
        await page.getByRole("button", { name: "Continue to your portal" }).click();
        await page.waitForURL(`${system.publicUrl}/`);
        await page.getByRole("heading", { name: "Your businesses" }).waitFor();
        await settled(page);
        // In live mode the demo person bought only from Northwind (the rest of the demo is test data).
        expect(await businessCards(page)).toEqual(["Northwind Analytics"]);
        await expect(page.getByText("Test mode", { exact: true }).count()).resolves.toBe(0);
      });
    },
    E2E_TEST_TIMEOUT,
  );

  it(
    "shows every demo business and one billing history newest first, opens a business portal without another sign-in, and names a business whose shard is down",
    async () => {
      await withPage(async (page) => {
        // The test-mode unified login (the seed's purchases at every business are test data).
        const since = new Date();
        await page.goto(`${system.publicUrl}/test/login`);
        await page.getByText("This portal is in test mode").waitFor();
        await page.getByLabel("Email address").fill(system.demo.person);
        await page.getByRole("button", { name: "Email me a sign-in link" }).click();
        await page.getByRole("heading", { name: "Check your inbox" }).waitFor();
        await page.goto(await waitForLink(system, system.demo.person, since));
        await page.getByRole("button", { name: "Continue to your portal" }).click();
        await page.waitForURL(`${system.publicUrl}/`);
        await page.getByRole("heading", { name: "Your businesses" }).waitFor();
        await settled(page);

        const names = system.demo.businesses.map((b) => b.name);
        expect((await businessCards(page)).sort()).toEqual([...names].sort());

        const dates = await historyDates(page);
        expect(dates.length).toBeGreaterThan(names.length);
        for (const date of dates) expect(Number.isNaN(Date.parse(date)), date).toBe(false);
        for (let i = 1; i < dates.length; i++) expect(Date.parse(dates[i]), `row ${i + 1} after row ${i}`).toBeLessThanOrEqual(Date.parse(dates[i - 1]));
        // One history, across businesses.
        expect([...(await historyBusinesses(page))].sort()).toEqual([...names].sort());

        // Into a business portal, inside the same session.
        await page.getByRole("link", { name: "Open Northwind Analytics’s portal" }).click();
        await page.waitForURL(`${system.publicUrl}/b/biz_northwind`);
        await page.getByRole("heading", { level: 1, name: "Overview" }).waitFor();
        await settled(page);
        await expect(page.locator("main").innerText()).resolves.toContain("Pro");
        expect(new URL(page.url()).pathname).toBe("/b/biz_northwind");

        // A shard goes down: the page names its businesses and still shows the others.
        const down = system.demo.businesses.filter((b) => b.shard === "shard2");
        const up = system.demo.businesses.filter((b) => b.shard !== "shard2");
        expect(down.length).toBeGreaterThan(0);
        await system.stopShard("shard2");
        try {
          await page.goto(`${system.publicUrl}/`);
          await page.getByRole("heading", { name: "Your businesses" }).waitFor();
          await settled(page);
          const notices = await page.getByRole("status").filter({ hasText: "right now" }).allInnerTexts();
          expect(notices.sort()).toEqual(down.map((b) => `We couldn’t load ${b.name} right now. Everything else is up to date.`).sort());
          const history = await historyBusinesses(page);
          for (const b of up) expect(history.has(b.name), `${b.name} still in the history`).toBe(true);
          for (const b of down) expect(history.has(b.name), `${b.name} not in the history`).toBe(false);
          // The cards of the reachable businesses still list their subscriptions.
          const northwind = page.locator("li.card", { has: page.getByRole("heading", { name: "Northwind Analytics" }) });
          await expect(northwind.innerText()).resolves.toContain("Pro");
        } finally {
          await system.startShard("shard2");
        }
      });
    },
    E2E_TEST_TIMEOUT,
  );
});
