import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/browser.ts";
import type { BillfoldSystem } from "../support/system.ts";
import { E2E_HOOK_TIMEOUT, E2E_TEST_TIMEOUT, settled, startE2eSystem, waitForLink } from "./e2e-kit.ts";

let system: BillfoldSystem;
let browser: Browser;
let context: BrowserContext;
let page: Page;

const KESTREL = "biz_kestrel";

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

/** Opens a dashboard section from the layout's own navigation, as a merchant would. */
async function openSection(name: string) {
  await page.getByRole("navigation", { name: "Dashboard sections" }).getByRole("link", { name, exact: true }).click();
  await page.getByRole("heading", { level: 1, name, exact: true }).waitFor();
  await settled(page);
}

describe("the merchant dashboard (Kestrel, test mode)", () => {
  it(
    "signs the merchant in with an emailed link and switches to test data",
    async () => {
      const merchantEmail = system.demo.businesses.find((b) => b.id === KESTREL)!.merchantEmail;
      const since = new Date();
      await page.goto(`${system.publicUrl}/merchant/login`);
      await page.getByLabel("Work email").fill(merchantEmail);
      await page.getByRole("button", { name: "Email me a sign-in link" }).click();
      await page.getByText(merchantEmail).first().waitFor();
      await page.goto(await waitForLink(system, merchantEmail, since));
      await page.getByRole("button", { name: /^Continue/ }).click();
      await page.waitForURL((url) => url.pathname.startsWith("/merchant/") && url.pathname !== "/merchant/login");
      await page.getByRole("navigation", { name: "Dashboard sections" }).waitFor();

      const testSwitch = page.getByRole("switch", { name: /Test mode/ });
      if ((await testSwitch.getAttribute("aria-checked")) !== "true") {
        await testSwitch.click();
        await page.getByRole("note").filter({ hasText: "Test mode." }).waitFor();
      }
    },
    E2E_TEST_TIMEOUT,
  );

  it(
    "shares a dynamic invite that opens the customer's portal in a fresh browser without an email",
    async () => {
      await openSection("Customers");
      await page.getByLabel("Search customers").fill(system.demo.person);
      const row = page.getByRole("row").filter({ hasText: system.demo.person });
      await row.first().waitFor();
      await row.getByRole("link").first().click();
      await page.getByRole("button", { name: "Share invite" }).click();
      const dialog = page.getByRole("dialog", { name: "Share a portal invite" });
      await dialog.waitFor();
      await dialog.getByRole("button", { name: /dynamic link/ }).click();
      const field = dialog.getByRole("textbox", { name: "Dynamic link", exact: true });
      await field.waitFor();
      const link = await field.inputValue();
      expect(link.startsWith(`${system.publicUrl}/`)).toBe(true);
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "hidden" });

      const fresh = await browser.newContext();
      try {
        const customerPage = await fresh.newPage();
        await customerPage.goto(link);
        // The invite opens the sign-in confirmation (or the portal straight away): never an email field.
        const cont = customerPage.getByRole("button", { name: "Continue to your portal" });
        const portalNav = customerPage.getByRole("navigation", { name: "Portal sections" });
        await cont.or(portalNav).first().waitFor();
        await expect(customerPage.getByLabel("Email address").count()).resolves.toBe(0);
        if (await cont.isVisible()) await cont.click();
        await customerPage.waitForURL((url) => url.pathname.startsWith(`/b/${KESTREL}`));
        await customerPage.getByRole("navigation", { name: "Portal sections" }).waitFor();
        await expect(customerPage.getByLabel("Email address").count()).resolves.toBe(0);
      } finally {
        await fresh.close();
      }
    },
    E2E_TEST_TIMEOUT,
  );

  it(
    "creates a webhook endpoint, shows its secret once and lists it",
    async () => {
      await openSection("Webhooks");
      await page.getByRole("button", { name: "Add endpoint" }).first().click();
      const dialog = page.getByRole("dialog", { name: "Add a webhook endpoint" });
      await dialog.waitFor();
      // Nothing chosen: the form says what is missing instead of sending.
      await dialog.getByRole("button", { name: "Add endpoint" }).click();
      await dialog.getByText("Enter the URL events should be sent to.").waitFor();

      await dialog.getByLabel("Endpoint URL").fill("http://127.0.0.1:9/hook");
      await dialog.getByRole("button", { name: "Select all" }).click();
      await dialog.getByRole("button", { name: "Add endpoint" }).click();
      const secretDialog = page.getByRole("dialog", { name: "Your endpoint’s signing secret" });
      await secretDialog.waitFor();
      await expect(secretDialog.getByRole("textbox").inputValue()).resolves.toMatch(/^whsec_/);
      await secretDialog.getByRole("button", { name: "I’ve saved the secret" }).click();
      await secretDialog.waitFor({ state: "hidden" });

      await page.getByRole("heading", { level: 2, name: "http://127.0.0.1:9/hook" }).waitFor();
      await expect(page.getByRole("switch", { name: "Send events to http://127.0.0.1:9/hook" }).isChecked()).resolves.toBe(true);
      await page.getByRole("button", { name: "Delivery log" }).first().click();
      await settled(page);
    },
    E2E_TEST_TIMEOUT,
  );

  it(
    "lists the demo license keys and disables one",
    async () => {
      await openSection("License keys");
      const kestrelKeys = system.demo.licenseKeys.filter((k) => k.businessId === KESTREL);
      expect(kestrelKeys.length).toBeGreaterThan(0);
      const rows = page.locator("tr[data-key-id]");
      await expect(rows.count()).resolves.toBe(kestrelKeys.length);
      await expect(page.locator("table").innerText()).resolves.toContain("Kestrel Sans Family");

      const first = rows.first();
      const keyId = await first.getAttribute("data-key-id");
      await first.getByRole("button", { name: /^Details of key/ }).click();
      await page.locator(`[id="lk-${keyId}-detail"]`).waitFor();

      await first.getByRole("button", { name: /^Disable key/ }).click();
      await first.getByRole("button", { name: /^Enable key/ }).waitFor();
      await expect(first.innerText()).resolves.toContain("Disabled");

      await page.getByLabel("Status").selectOption("disabled");
      await settled(page);
      await expect(page.locator("tr[data-key-id]").count()).resolves.toBe(1);
    },
    E2E_TEST_TIMEOUT,
  );
});
