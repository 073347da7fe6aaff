import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, VIEWPORTS } from "../support/browser.ts";
import type { BillfoldSystem } from "../support/system.ts";
import { startWebhookTestReceiver, type WebhookTestReceiver } from "../../subgraphs/business/src/webhooks/webhook-test-receiver.ts";
import { verifyWebhook } from "../../subgraphs/business/src/webhooks/verify-webhook.ts";
import { MONEY_HOOK_TIMEOUT, MONEY_TEST_TIMEOUT, signInDemo, startMoneySystem, subscriptionOf, waitForMail } from "./money-kit.ts";

let system: BillfoldSystem;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let receiver: WebhookTestReceiver;
let webhookSecret: string;

const KESTREL = "biz_kestrel";

/** The merchant's webhook endpoint for the events of this flow, created with Kestrel's test key. */
async function subscribeReceiver(): Promise<string> {
  const key = system.demo.businesses.find((b) => b.id === KESTREL)!.testApiKey;
  const response = await fetch(`${system.gatewayUrl}/business/${KESTREL}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify({
      query: "mutation ($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret } }",
      variables: { input: { url: receiver.url("/kestrel"), eventTypes: ["payment.succeeded", "subscription.active"] } },
    }),
  });
  const body = (await response.json()) as { data?: { createWebhookEndpoint: { secret: string } }; errors?: unknown };
  if (!body.data) throw new Error(`createWebhookEndpoint failed: ${JSON.stringify(body.errors)}`);
  return body.data.createWebhookEndpoint.secret;
}

beforeAll(async () => {
  [system, browser, receiver] = await Promise.all([startMoneySystem(), launchChromium(), startWebhookTestReceiver()]);
  webhookSecret = await subscribeReceiver();
  // A phone: the sheet must work at 390 px.
  context = await browser.newContext({ viewport: VIEWPORTS.phone });
  page = await context.newPage();
  await signInDemo(context, system, KESTREL);
}, MONEY_HOOK_TIMEOUT);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await system?.close();
  await receiver?.close();
}, MONEY_HOOK_TIMEOUT);

async function addCard(sheet: ReturnType<Page["getByRole"]>, number: string) {
  await sheet.getByRole("radio", { name: "Add a new card" }).check();
  await sheet.getByLabel("Card number").fill(number);
  await sheet.getByLabel("Expiry date (MM/YY)").fill("12/34");
  await sheet.getByLabel("Security code (CVC)").fill("123");
}

describe("reactivating the demo person's on-hold Kestrel Library in the browser", () => {
  it(
    "shows a declined card's reason and keeps the subscription on hold, then pays with another card and confirms the reactivation",
    async () => {
      const since = new Date();
      await page.goto(`${system.publicUrl}/b/${KESTREL}`);
      await page.getByRole("heading", { level: 1, name: "Overview" }).waitFor();
      await page.getByRole("status").filter({ hasText: "Kestrel Library is on hold" }).getByRole("link", { name: "Update payment method" }).click();

      const sheet = page.getByRole("dialog", { name: "Edit payment method" });
      await sheet.waitFor();
      await sheet.getByText(/We’ll charge €[\d.,]+ now to reactivate it\./).waitFor();
      const owed = /€[\d.,]+/.exec(await sheet.getByText(/We’ll charge/).innerText())![0];

      // A declined card: the reason shows in the sheet, nothing is reactivated.
      await addCard(sheet, "4000 0000 0000 0002");
      await sheet.getByRole("button", { name: "Confirm changes" }).click();
      const alert = sheet.getByRole("alert").filter({ hasText: "The payment didn’t go through" });
      await alert.waitFor({ timeout: 20_000 });
      await expect(alert.innerText()).resolves.toContain("Your card was declined.");
      await expect(alert.innerText()).resolves.toContain("still on hold");
      expect((await subscriptionOf(context, system, KESTREL, "Kestrel Library")).status).toBe("on_hold");
      expect(page.url()).toContain("/payment-method");

      // The sheet kept its state: only the number changes for the second try.
      await expect(sheet.getByLabel("Expiry date (MM/YY)").inputValue()).resolves.toBe("12/34");
      await sheet.getByLabel("Card number").fill("4242 4242 4242 4242");
      await sheet.getByRole("button", { name: "Confirm changes" }).click();

      await page.waitForURL(/\/b\/biz_kestrel\/subscriptions\/[^/]+\/reactivated\?invoice=/, { timeout: 20_000 });
      await page.getByRole("heading", { level: 1, name: "Your subscription is active again" }).waitFor();
      const main = page.locator("main");
      await expect(main.innerText()).resolves.toContain(owed);
      await expect(main.innerText()).resolves.toContain("Next renewal");
      await expect(main.locator(".badge").allInnerTexts()).resolves.toContain("Active");
      expect((await subscriptionOf(context, system, KESTREL, "Kestrel Library")).status).toBe("active");

      // The new invoice's PDF.
      const download = page.getByRole("link", { name: /^Download invoice KTF-.+ as PDF$/ });
      const href = await download.getAttribute("href");
      expect(href).toBeTruthy();
      const pdf = await context.request.get(new URL(href!, system.publicUrl).toString());
      expect(pdf.status()).toBe(200);
      expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");

      // Both emails, sent after commit by background jobs.
      await waitForMail(system, system.demo.person, since, /^Payment received — Kestrel Type Foundry$/);
      await waitForMail(system, system.demo.person, since, /^Subscription reactivated — Kestrel Type Foundry$/);

      // The merchant's endpoint got payment.succeeded, then subscription.active, each with a valid signature.
      const deadline = Date.now() + 20_000;
      while (receiver.received.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
      const seen = new Set<string>();
      const events = receiver.received.map((delivery) => verifyWebhook({ secret: webhookSecret, body: delivery.body, headers: delivery.headers, seen }));
      expect(events.map((event) => event.type)).toEqual(["payment.succeeded", "subscription.active"]);

      // Back on the list: active, no banner.
      await page.getByRole("link", { name: "Back to subscriptions" }).click();
      await page.getByRole("heading", { level: 1, name: "Subscriptions" }).waitFor();
      const library = page.getByRole("article").filter({ has: page.getByRole("heading", { level: 3, name: "Kestrel Library" }) });
      await library.locator(".badge", { hasText: "Active" }).waitFor();
      await expect(page.getByText("Kestrel Library is on hold").count()).resolves.toBe(0);
    },
    MONEY_TEST_TIMEOUT,
  );
});
