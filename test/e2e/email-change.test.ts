import { Customer } from "@billfold/business/customers/customer.entity";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/browser.ts";
import type { BillfoldSystem } from "../support/system.ts";
import { E2E_HOOK_TIMEOUT, E2E_TEST_TIMEOUT, RELAXED_RATE_LIMITS, signInByApi, startE2eSystem, waitForLink } from "./e2e-kit.ts";

let system: BillfoldSystem;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const NEW = "renamed-person@example.test";

beforeAll(async () => {
  [system, browser] = await Promise.all([startE2eSystem(RELAXED_RATE_LIMITS), launchChromium()]);
  context = await browser.newContext();
  page = await context.newPage();
}, E2E_HOOK_TIMEOUT);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await system?.close();
}, E2E_HOOK_TIMEOUT);

const KESTREL = "biz_kestrel";

describe("verified email change in a real browser", () => {
  it(
    "asks from the Profile page, confirms from the emailed link's page with a button, and moves the purchases to the new address",
    async () => {
      await signInByApi(context, system, { businessId: KESTREL, mode: "test" });
      await page.goto(`${system.publicUrl}/b/${KESTREL}/profile`);
      await page.getByRole("heading", { name: "Profile", level: 1 }).waitFor();

      const since = new Date();
      await page.getByRole("button", { name: "Change email" }).click();
      await page.getByLabel("New email").fill(NEW);
      await page.getByRole("button", { name: "Send confirmation link" }).click();
      await page.getByText(`We sent a confirmation link to ${NEW}.`).first().waitFor();

      const link = await waitForLink(system, NEW, since);
      // Opening the link (a GET) changes nothing: only the button does.
      await page.goto(link);
      await page.getByRole("heading", { name: "Confirm your new email" }).waitFor();
      await page.goto(link);
      await page.getByRole("button", { name: "Confirm new email" }).click();
      await page.getByRole("heading", { name: "Your email is changed" }).waitFor();

      // The same browser session now resolves the new email.
      await page.goto(`${system.publicUrl}/b/${KESTREL}/profile`);
      await page.getByRole("heading", { name: "Profile", level: 1 }).waitFor();
      await page.getByText(NEW, { exact: true }).first().waitFor();

      // Kestrel's shard hears of it through accounts' job.
      const deadline = Date.now() + 15_000;
      let moved = 0;
      while (Date.now() < deadline && moved === 0) {
        moved = await system.businessOrm.em.fork().count(Customer, { businessId: KESTREL, mode: "test", email: NEW });
        if (!moved) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(moved).toBe(1);
      expect(await system.businessOrm.em.fork().count(Customer, { businessId: KESTREL, mode: "test", email: system.demo.person })).toBe(0);

      // A second use of the link is refused.
      await page.goto(link);
      await page.getByRole("heading", { name: "This link has already been used" }).waitFor();
    },
    E2E_TEST_TIMEOUT,
  );
});
