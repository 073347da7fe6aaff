import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/browser.ts";
import { type BillfoldSystem, startSystem } from "../support/system.ts";
import { E2E_HOOK_TIMEOUT, E2E_TEST_TIMEOUT, settled, signInByApi } from "./e2e-kit.ts";

let system: BillfoldSystem;
let browser: Browser;
let context: BrowserContext;
let page: Page;

const KESTREL = "biz_kestrel";

beforeAll(async () => {
  [system, browser] = await Promise.all([startSystem(), launchChromium()]);
  context = await browser.newContext();
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: system.publicUrl });
  page = await context.newPage();
  await signInByApi(context, system);
}, E2E_HOOK_TIMEOUT);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await system?.close();
}, E2E_HOOK_TIMEOUT);

const sansCard = () => page.getByRole("article").filter({ has: page.getByRole("heading", { level: 3, name: "Kestrel Sans Family" }) }).first();

describe("license keys in the portal (demo person, test mode)", () => {
  it(
    "reveals and copies the real key, and deactivating a device behind a confirm dialog drops the count",
    async () => {
      await page.goto(`${system.publicUrl}/b/${KESTREL}/license-keys`);
      await page.getByRole("heading", { level: 1, name: "License keys" }).waitFor();
      await settled(page);
      const card = sansCard();
      await expect(card.innerText()).resolves.toContain("2 of 3 activations");
      await expect(card.locator("code").innerText()).resolves.toBe("••••-••••-••••-••••");

      await card.getByRole("button", { name: "Show key" }).click();
      const shown = await card.locator("code").innerText();
      expect(system.demo.licenseKeys.map((k) => k.key)).toContain(shown);
      await card.getByRole("button", { name: "Copy key" }).click();
      await expect(page.evaluate<string>("navigator.clipboard.readText()")).resolves.toBe(shown);

      await card.getByRole("button", { name: "Deactivate MacBook Air" }).click();
      const dialog = page.getByRole("dialog", { name: "Deactivate this device?" });
      await dialog.waitFor();
      // "Keep it" changes nothing.
      await dialog.getByRole("button", { name: "Keep it" }).click();
      await expect(card.innerText()).resolves.toContain("2 of 3 activations");

      await card.getByRole("button", { name: "Deactivate MacBook Air" }).click();
      await dialog.getByRole("button", { name: "Deactivate device" }).click();
      await card.getByText("1 of 3 activations").waitFor();
      await expect(card.innerText()).resolves.not.toContain("MacBook Air");

      await page.reload();
      await page.getByRole("heading", { level: 1, name: "License keys" }).waitFor();
      await settled(page);
      await expect(sansCard().innerText()).resolves.toContain("1 of 3 activations");
    },
    E2E_TEST_TIMEOUT,
  );

  it(
    "lists the keys of every business in one place on the unified portal",
    async () => {
      await page.goto(`${system.publicUrl}/`);
      const section = page.locator("section", { has: page.getByRole("heading", { level: 2, name: "Your license keys" }) });
      await section.waitFor();
      await settled(page);
      const text = await section.innerText();
      expect(text).toContain("Kestrel Sans Family");
      expect(text).toContain("Retro Sprite Pack");
      const demoBusinesses = new Set(system.demo.licenseKeys.map((k) => k.businessId));
      expect(demoBusinesses.size).toBeGreaterThan(1);
    },
    E2E_TEST_TIMEOUT,
  );
});
