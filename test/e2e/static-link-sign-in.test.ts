import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/browser.ts";
import type { BillfoldSystem } from "../support/system.ts";
import { E2E_HOOK_TIMEOUT, E2E_TEST_TIMEOUT, mailbox, startE2eSystem, waitForLink } from "./e2e-kit.ts";

let system: BillfoldSystem;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [system, browser] = await Promise.all([startE2eSystem(), launchChromium()]);
  context = await browser.newContext();
  page = await context.newPage();
}, E2E_HOOK_TIMEOUT);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await system?.close();
}, E2E_HOOK_TIMEOUT);

const kestrel = () => system.demo.businesses.find((b) => b.id === "biz_kestrel")!;

/** Fills the static login page of Kestrel (test mode) and returns the neutral answer shown. */
async function requestLink(email: string): Promise<string> {
  await page.goto(`${system.publicUrl}/test/login/${kestrel().id}`);
  await page.getByRole("heading", { name: `${kestrel().name}’s billing portal` }).waitFor();
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  const answer = page.locator("section[aria-live='polite']");
  await answer.getByRole("heading", { name: "Almost there" }).waitFor();
  return (await answer.innerText()).replaceAll(email, "<email>");
}

describe("static link sign-in in a real browser", () => {
  it(
    "signs the demo person in from the emailed link only after Continue, and refuses the link's second use with a way to a new one",
    async () => {
      const since = new Date();
      const knownAnswer = await requestLink(system.demo.person);
      expect(knownAnswer).toContain(`If <email> has purchases at ${kestrel().name}, a link is on its way.`);

      const link = await waitForLink(system, system.demo.person, since);

      // A scanner or preview opening the link (a GET) does not consume it.
      for (let visit = 0; visit < 2; visit++) {
        await page.goto(link);
        await page.getByRole("heading", { name: `Sign in to ${kestrel().name}` }).waitFor();
        await expect(page.getByRole("button", { name: "Continue to your portal" }).isVisible()).resolves.toBe(true);
      }

      await page.getByRole("button", { name: "Continue to your portal" }).click();
      await page.waitForURL(`${system.publicUrl}/b/${kestrel().id}`);
      const header = page.getByRole("banner");
      await header.getByText(kestrel().name, { exact: true }).waitFor();
      await page.getByRole("heading", { name: "Overview", level: 1 }).waitFor();
      // Kestrel's own data: the demo person's Kestrel Library subscription is on hold.
      const onHold = page.getByRole("status").filter({ hasText: "Kestrel Library is on hold" });
      await onHold.waitFor();
      await expect(onHold.getByRole("link", { name: "Update payment method" }).isVisible()).resolves.toBe(true);
      // …and not another business's.
      await expect(page.getByText("Northwind Analytics").count()).resolves.toBe(0);

      // The same link a second time: a page that says so and offers a new link, not an error.
      await page.goto(link);
      await page.getByRole("heading", { name: "This link has already been used" }).waitFor();
      const again = page.getByRole("link", { name: "Email me a new link" });
      await again.click();
      await page.waitForURL((url) => url.pathname === `/test/login/${kestrel().id}`);
      await expect(page.getByLabel("Email address").inputValue()).resolves.toBe(system.demo.person);
    },
    E2E_TEST_TIMEOUT,
  );

  it(
    "answers an unknown email with the very same neutral message and sends it nothing",
    async () => {
      const known = await requestLink(system.demo.person);
      const stranger = "nobody-here@example.com";
      const unknown = await requestLink(stranger);
      expect(unknown).toBe(known);
      // Give the job queue time to (not) send anything.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      await expect(mailbox(system, stranger)).resolves.toEqual([]);
    },
    E2E_TEST_TIMEOUT,
  );
});
