import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/browser.ts";
import type { BillfoldSystem } from "../support/system.ts";
import { E2E_HOOK_TIMEOUT, E2E_TEST_TIMEOUT, settled, signInThroughPages, startE2eSystem } from "./e2e-kit.ts";

let system: BillfoldSystem;
let browser: Browser;
let context: BrowserContext;
let page: Page;

const KESTREL = "biz_kestrel";
const NORTHWIND = "biz_northwind";

beforeAll(async () => {
  [system, browser] = await Promise.all([startE2eSystem(), launchChromium()]);
  context = await browser.newContext();
  page = await context.newPage();
  await signInThroughPages(page, system, KESTREL);
}, E2E_HOOK_TIMEOUT);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await system?.close();
}, E2E_HOOK_TIMEOUT);

/** Opens a section from the portal's own navigation, as a person would. */
async function openSection(name: string) {
  await page.getByRole("navigation", { name: "Portal sections" }).getByRole("link", { name, exact: true }).click();
  await page.getByRole("heading", { level: 1, name, exact: true }).waitFor();
  await settled(page);
}

/** The first invoice row's "Download PDF" link of the Billing history table. */
const pdfLinks = () => page.getByRole("link", { name: /^Download invoice .+ as PDF$/ });

describe("the business portal of the demo person (Kestrel, test mode)", () => {
  it(
    "shows the overview with the on-hold subscription and recent invoices",
    async () => {
      await page.goto(`${system.publicUrl}/b/${KESTREL}`);
      await page.getByRole("heading", { level: 1, name: "Overview" }).waitFor();
      await settled(page);
      await expect(page.getByRole("status").filter({ hasText: "Kestrel Library is on hold" }).count()).resolves.toBe(1);
      const active = page.locator("section", { has: page.getByRole("heading", { name: "Active subscriptions" }) });
      await expect(active.innerText()).resolves.toContain("Kestrel Library");
      const recent = page.locator("section", { has: page.getByRole("heading", { name: "Recent invoices" }) });
      await expect(recent.getByRole("row").count()).resolves.toBeGreaterThan(1);
      await expect(recent.innerText()).resolves.toMatch(/KTF/);
    },
    E2E_TEST_TIMEOUT,
  );

  it(
    "lists subscriptions with their status badges, the on-hold one included, and an Edit entry point",
    async () => {
      await openSection("Subscriptions");
      const library = page.getByRole("article").filter({ has: page.getByRole("heading", { name: "Kestrel Library" }) });
      await expect(library.locator(".badge").allInnerTexts()).resolves.toContain("On hold");
      await expect(library.getByRole("link", { name: "Edit payment method for Kestrel Library" }).count()).resolves.toBe(1);
      await expect(library.innerText()).resolves.toMatch(/•••• 0341/);

      // Another business in the same session: active and past subscriptions with their own badges.
      await page.goto(`${system.publicUrl}/b/${NORTHWIND}/subscriptions`);
      await page.getByRole("heading", { level: 1, name: "Subscriptions" }).waitFor();
      await settled(page);
      const current = page.locator("section", { has: page.getByRole("heading", { name: "Current" }) });
      const past = page.locator("section", { has: page.getByRole("heading", { name: "Past" }) });
      await expect(current.getByRole("article").filter({ hasText: "Pro" }).locator(".badge").allInnerTexts()).resolves.toContain("Active");
      await expect(past.getByRole("article").filter({ hasText: "Starter" }).locator(".badge").allInnerTexts()).resolves.toContain("Cancelled");
      await page.goto(`${system.publicUrl}/b/${KESTREL}`);
      await page.getByRole("heading", { level: 1, name: "Overview" }).waitFor();
    },
    E2E_TEST_TIMEOUT,
  );

  it(
    "opens an invoice's lines with subtotal, tax and total in the billing history",
    async () => {
      await openSection("Billing history");
      const toggles = page.getByRole("button", { name: /^Show details of KTF/ });
      await expect(toggles.count()).resolves.toBeGreaterThan(0);
      const sans = page.getByRole("row").filter({ hasText: "One-time" }).first();
      await sans.getByRole("button", { name: /^Show details of/ }).click();
      const lines = page.locator("table.lines");
      await lines.waitFor();
      // Headings are upper-cased by CSS, so compare case-insensitively.
      const text = await lines.innerText();
      expect(text).toContain("Kestrel Sans Family");
      expect(text).toMatch(/Subtotal\s+€149\.00/i);
      // 19 % VAT on €149.00.
      expect(text).toMatch(/Tax\s+€28\.31/i);
      expect(text).toMatch(/Total\s+€177\.31/i);
      await expect(sans.getByRole("button", { name: /^Hide details of/ }).getAttribute("aria-expanded")).resolves.toBe("true");
      await expect(pdfLinks().count()).resolves.toBeGreaterThan(0);
    },
    E2E_TEST_TIMEOUT,
  );

  it(
    "downloads an invoice PDF with the page's own session",
    async () => {
      if (!page.url().endsWith("/billing")) await openSection("Billing history");
      const href = await pdfLinks().first().getAttribute("href");
      expect(href).toBeTruthy();
      const response = await page.request.get(new URL(href!, page.url()).toString());
      expect(response.status(), `GET ${href}`).toBe(200);
      expect(response.headers()["content-type"]).toContain("application/pdf");
      const body = await response.body();
      expect(body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    },
    E2E_TEST_TIMEOUT,
  );

  it(
    "shows the saved payment methods",
    async () => {
      await openSection("Payment methods");
      const items = page.locator("main li");
      await expect(items.count()).resolves.toBeGreaterThan(0);
      const text = await page.locator("main").innerText();
      expect(text).toMatch(/Visa •••• 4242/);
      expect(text).toMatch(/•••• 0341/);
      expect(text).toMatch(/Expires \d{2}\/\d{2,4}/);
    },
    E2E_TEST_TIMEOUT,
  );

  it(
    "shows the license keys of the demo person's Kestrel purchases",
    async () => {
      await openSection("License keys");
      const seeded = system.demo.licenseKeys.filter((k) => k.businessId === KESTREL);
      expect(seeded.length).toBeGreaterThan(0);
      const cards = page.locator("main article");
      await expect(cards.count()).resolves.toBeGreaterThan(0);
      const titles = await cards.getByRole("heading", { level: 3 }).allInnerTexts();
      expect(titles).toEqual(expect.arrayContaining(["Kestrel Sans Family"]));
      await expect(cards.first().getByRole("button", { name: "Show key" }).count()).resolves.toBe(1);
      await expect(page.locator("main").innerText()).resolves.toMatch(/\d+ of \d+ activations|activations \(no limit\)/);
    },
    E2E_TEST_TIMEOUT,
  );

  it(
    "edits name and phone, keeps them across a reload, and flags an invalid phone inline",
    async () => {
      await openSection("Profile");
      const main = page.locator("main");
      await main.getByRole("button", { name: "Edit profile" }).click();

      // An invalid phone is refused in place, with the field marked and focused.
      await page.getByLabel("Full name").fill("Asha Verma");
      await page.getByLabel("Phone").fill("12345");
      await main.getByRole("button", { name: "Save changes" }).click();
      const error = main.getByRole("alert");
      await error.waitFor();
      await expect(error.innerText()).resolves.toContain("Enter the number with its country code");
      await expect(page.getByLabel("Phone").getAttribute("aria-invalid")).resolves.toBe("true");

      await page.getByLabel("Phone").fill("+91 98765 43210");
      await main.getByRole("button", { name: "Save changes" }).click();
      await main.getByRole("status").filter({ hasText: "Your profile is saved." }).waitFor();

      await page.reload();
      await page.getByRole("heading", { level: 1, name: "Profile" }).waitFor();
      await settled(page);
      const details = main.locator("dl");
      await expect(details.locator("div", { hasText: "Full name" }).locator("dd").innerText()).resolves.toBe("Asha Verma");
      await expect(details.locator("div", { hasText: "Phone" }).locator("dd").innerText()).resolves.toBe("+919876543210");
      await expect(details.locator("div", { hasText: "Email" }).locator("dd").innerText()).resolves.toBe(system.demo.person);
    },
    E2E_TEST_TIMEOUT,
  );
});
