import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/browser.ts";
import type { BillfoldSystem } from "../support/system.ts";
import { gql, MONEY_HOOK_TIMEOUT, MONEY_TEST_TIMEOUT, signInDemo, startMoneySystem, subscriptionOf } from "./money-kit.ts";

let system: BillfoldSystem;
let browser: Browser;
let context: BrowserContext;
let page: Page;

const NORTHWIND = "biz_northwind";

beforeAll(async () => {
  [system, browser] = await Promise.all([startMoneySystem(), launchChromium()]);
  context = await browser.newContext();
  page = await context.newPage();
  await signInDemo(context, system, NORTHWIND);
}, MONEY_HOOK_TIMEOUT);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await system?.close();
}, MONEY_HOOK_TIMEOUT);

async function openSubscriptions() {
  await page.goto(`${system.publicUrl}/b/${NORTHWIND}/subscriptions`);
  await page.getByRole("heading", { level: 1, name: "Subscriptions" }).waitFor();
}

describe("cancelling and changing plans in the browser (Northwind Pro, test mode)", () => {
  it(
    "cancels at the period end with a required reason, then undoes it",
    async () => {
      await openSubscriptions();
      await page.getByRole("link", { name: "Cancel Pro" }).click();
      const sheet = page.getByRole("dialog", { name: "Sorry to see you go" });
      // The sheet opens at once and fills in the plan when the subscription has loaded.
      await sheet.waitFor();
      await expect.poll(() => sheet.innerText(), { timeout: 10_000 }).toContain("Pro");
      // Northwind allows cancelling at the period end only.
      await expect(sheet.getByRole("radio", { name: /Cancel now/ }).count()).resolves.toBe(0);

      await sheet.getByRole("button", { name: "Cancel at next billing date" }).click();
      await sheet.getByRole("alert").filter({ hasText: "Choose a reason to continue." }).waitFor();
      expect((await subscriptionOf(context, system, NORTHWIND, "Pro")).cancelAtPeriodEnd).toBe(false);

      await sheet.getByRole("radio", { name: "It’s too expensive" }).check();
      await sheet.getByLabel(/Anything else you’d like to tell us/).fill("Budget cuts");
      await sheet.getByText("11 / 500").waitFor();
      await expect(sheet.innerText()).resolves.toMatch(/You keep access, and your license keys keep working, until/);
      await sheet.getByRole("button", { name: "Cancel at next billing date" }).click();
      await sheet.waitFor({ state: "hidden" });
      await page.getByRole("status").filter({ hasText: /Pro will end on/ }).waitFor();
      const cancelled = await subscriptionOf(context, system, NORTHWIND, "Pro");
      expect(cancelled).toMatchObject({ status: "active", cancelAtPeriodEnd: true });

      // Scheduled: "Undo cancellation" replaces Cancel and Change plan.
      const undo = page.getByRole("button", { name: "Undo cancellation of Pro" });
      await undo.waitFor();
      await expect(page.getByRole("link", { name: "Cancel Pro" }).count()).resolves.toBe(0);
      await expect(page.getByRole("link", { name: "Change plan of Pro" }).count()).resolves.toBe(0);
      await undo.click();
      await page.getByRole("link", { name: "Cancel Pro" }).waitFor();
      expect((await subscriptionOf(context, system, NORTHWIND, "Pro")).cancelAtPeriodEnd).toBe(false);
    },
    MONEY_TEST_TIMEOUT,
  );

  it(
    "previews a change from Pro to Team and charges exactly the previewed amount",
    async () => {
      await openSubscriptions();
      await page.getByRole("link", { name: "Change plan of Pro" }).click();
      const sheet = page.getByRole("dialog", { name: "Change plan" });
      await sheet.waitFor();
      await sheet.getByText("Current plan", { exact: true }).waitFor();
      await sheet.getByRole("radio", { name: "Team", exact: true }).check();
      const pay = sheet.getByRole("button", { name: /^Pay \$[\d.,]+$/ });
      await pay.waitFor();
      const due = await sheet.getByTestId("amount-due-now").innerText();
      await expect(pay.innerText()).resolves.toBe(`Pay ${due}`);
      await expect(sheet.locator("tbody").innerText()).resolves.toContain("Team");
      await expect(sheet.innerText()).resolves.toMatch(/Then \$99\.00 on /);

      await pay.click();
      await sheet.waitFor({ state: "hidden" });
      await page.getByRole("status").filter({ hasText: "You’re now on Team." }).waitFor();
      await page.getByRole("article").filter({ has: page.getByRole("heading", { level: 3, name: "Team" }) }).waitFor();

      // The charge equals the preview.
      const data = await gql<{ viewer: { accounts: { businessId: string; payments: { amount: number; currency: string; status: string }[] | null }[] } }>(
        context,
        system,
        "{ viewer { accounts { businessId payments(first: 1) { amount currency status } } } }",
      );
      const latest = data.viewer.accounts.find((a) => a.businessId === NORTHWIND)!.payments![0];
      expect(latest.status).toBe("succeeded");
      expect(`$${(latest.amount / 100).toFixed(2)}`).toBe(due);
    },
    MONEY_TEST_TIMEOUT,
  );
});
