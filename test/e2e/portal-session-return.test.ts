import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/browser.ts";
import type { BillfoldSystem } from "../support/system.ts";
import { E2E_HOOK_TIMEOUT, E2E_TEST_TIMEOUT, startE2eSystem } from "./e2e-kit.ts";

let system: BillfoldSystem;
let browser: Browser;

beforeAll(async () => {
  [system, browser] = await Promise.all([startE2eSystem(), launchChromium()]);
}, E2E_HOOK_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await system?.close();
}, E2E_HOOK_TIMEOUT);

describe("a merchant's portal session", () => {
  it(
    "opens that business's portal from the API's link and offers the way back to the merchant's site",
    async () => {
      const northwind = system.demo.businesses.find((b) => b.id === "biz_northwind")!;
      const customers = await fetch(`${system.gatewayUrl}/business/${northwind.id}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${northwind.testApiKey}` },
        body: JSON.stringify({ query: `{ customers(search: "${system.demo.person}") { nodes { id } } }` }),
      });
      const customerId = ((await customers.json()) as any).data.customers.nodes[0].id as string;
      const session = await fetch(
        `${system.gatewayUrl}/customers/${customerId}/customer-portal/session?return_url=${encodeURIComponent("https://northwind.example/account")}`,
        { method: "POST", headers: { authorization: `Bearer ${northwind.testApiKey}` } },
      );
      expect(session.status).toBe(200);
      const { link } = (await session.json()) as { link: string };

      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(link);
        await page.getByRole("button", { name: "Continue to your portal" }).click();
        await page.waitForURL(`${system.publicUrl}/b/${northwind.id}**`);
        const back = page.getByRole("link", { name: `Back to ${northwind.name}` });
        await back.waitFor();
        expect(await back.getAttribute("href")).toBe("https://northwind.example/account");
      } finally {
        await context.close();
      }
    },
    E2E_TEST_TIMEOUT,
  );
});
