import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, VIEWPORTS } from "../support/browser.ts";
import type { BillfoldSystem } from "../support/system.ts";
import { E2E_HOOK_TIMEOUT, E2E_TEST_TIMEOUT, signInByApi, startE2eSystem } from "./e2e-kit.ts";

let system: BillfoldSystem;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const requested: string[] = [];

beforeAll(async () => {
  [system, browser] = await Promise.all([startE2eSystem(), launchChromium()]);
  context = await browser.newContext({ viewport: VIEWPORTS.desktop });
  await signInByApi(context, system);
  page = await context.newPage();
  // Every request of the page, workers included (they are the page's own requests in Chromium).
  context.on("request", (request) => requested.push(request.url()));
}, E2E_HOOK_TIMEOUT);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await system?.close();
}, E2E_HOOK_TIMEOUT);

function isLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === "data:" || protocol === "blob:") return true;
  return hostname === "localhost" || hostname === "127.0.0.1" || hostname === "[::1]";
}

describe("the GraphQL playground", () => {
  it(
    "loads from the app's own origin only and runs the Unified dashboard example for the signed-in person",
    async () => {
      // GraphiQL introspects the schema for its docs and editor hints as it loads.
      const introspection = page.waitForResponse(
        (response) => new URL(response.url()).pathname === "/graphql" && (response.request().postData() ?? "").includes("__schema"),
        { timeout: 60_000 },
      );
      await page.goto(`${system.publicUrl}/playground`);
      await page.getByRole("heading", { level: 1, name: "Playground" }).waitFor();
      await page.locator(".graphiql-container").waitFor({ timeout: 30_000 });
      const example = page.getByLabel("Example");
      await expect(example.isEnabled()).resolves.toBe(true);
      await example.selectOption({ label: "Unified dashboard" });
      await page.locator(".graphiql-query-editor").getByText("query UnifiedDashboard").waitFor();

      const answer = page.waitForResponse(
        (response) => new URL(response.url()).pathname === "/graphql" && (response.request().postData() ?? "").includes("UnifiedDashboard"),
      );
      await page.getByRole("button", { name: /^Execute query/ }).click();
      const response = await answer;
      expect(response.status()).toBe(200);
      const body = (await response.json()) as {
        data?: { viewer: { email: string; accounts: { business: { name: string } }[] } | null };
        errors?: unknown[];
      };
      expect(body.errors).toBeUndefined();
      expect(body.data?.viewer?.email).toBe(system.demo.person);
      expect(body.data!.viewer!.accounts.map((a) => a.business.name).sort()).toEqual(system.demo.businesses.map((b) => b.name).sort());

      // The answer is shown in the result pane.
      await page.locator(".graphiql-response").getByText(system.demo.person).first().waitFor();

      const schema = await introspection;
      const schemaBody = (await schema.json()) as { data?: { __schema?: unknown }; errors?: { message: string }[] };
      expect(schemaBody.errors?.map((e) => e.message), "introspection errors").toBeUndefined();
      expect(schemaBody.data?.__schema).toBeTruthy();

      // The schema docs open from the app's bundle too.
      await page.getByRole("button", { name: /Show Documentation Explorer/i }).click();
      await page.locator(".graphiql-doc-explorer").getByText("Query", { exact: true }).first().waitFor();

      expect(requested.length).toBeGreaterThan(5);
      expect(requested.filter((url) => !isLocal(url))).toEqual([]);
    },
    E2E_TEST_TIMEOUT,
  );
});
