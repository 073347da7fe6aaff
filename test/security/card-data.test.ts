import { Writable } from "node:stream";
import { cp, mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createGateway, type Gateway, loadGatewayConfig } from "@billfold/gateway";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { luhnValid } from "../../subgraphs/shared/src/processor/card.util.ts";
import { launchChromium, VIEWPORTS } from "../support/browser.ts";
import { IDENTITY_SECRET, type BillfoldSystem, startSystem } from "../support/system.ts";
import { RELAXED_RATE_LIMITS } from "./security-kit.ts";

/**
 * S11 card data. The demo person adds cards and reactivates a subscription through the real HTTP
 * APIs (cards tokenized at POST /processor/tokens, only tokens sent to /graphql), in a browser
 * for the card form and with plain HTTP for the rest, through a gateway that records every
 * request body and its own log. Afterwards no card number or CVC may be found in any table
 * (business, accounts, both job queues), in any log, or in any recorded request other than the
 * tokenization itself. The card form page runs under the strict CSP with no violation.
 */

const WEB_DIST = fileURLToPath(new URL("../../web/dist/", import.meta.url));
const KESTREL = "biz_kestrel";
const CARDS = { good: "4242424242424242", declined: "4000000000000002", mastercard: "5555555555554444", amex: "378282246310005" };
/** Security codes unlikely to occur by chance next to anything else. */
const CVCS = ["739", "8461", "652"];

const recorded: { method: string; path: string; body: string }[] = [];
const logs: string[] = [];
let system: BillfoldSystem;
let gateway: Gateway;
let url = "";
let webDist = "";
let browser: Browser;
let cookie = "";
const restoreOutput: (() => void)[] = [];

/** Everything this process writes to stdout/stderr (the in-process services' console output) lands in `logs` too. */
function captureOutput(stream: NodeJS.WriteStream) {
  const original = stream.write.bind(stream);
  stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    logs.push(String(chunk));
    return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof stream.write;
  restoreOutput.push(() => void (stream.write = original));
}

async function gql(query: string, variables: Record<string, unknown> = {}, businessId = KESTREL): Promise<{ data?: any; errors?: any[] }> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", "apollo-require-preflight": "true", "x-billfold-business": businessId, cookie },
    body: JSON.stringify({ query, variables }),
  });
  const setCookie = response.headers.get("set-cookie");
  if (setCookie?.startsWith("bf_session=")) cookie = setCookie.split(";", 1)[0];
  return (await response.json()) as { data?: any; errors?: any[] };
}

async function tokenize(number: string, cvc: string): Promise<string> {
  const response = await fetch(`${url}/processor/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ number, exp_month: 12, exp_year: 2034, cvc }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { token: string }).token;
}

beforeAll(async () => {
  captureOutput(process.stdout);
  captureOutput(process.stderr);
  webDist = await mkdtemp(join(tmpdir(), "billfold-card-web-"));
  await cp(WEB_DIST, webDist, { recursive: true });
  [system, browser] = await Promise.all([startSystem({ env: RELAXED_RATE_LIMITS }), launchChromium()]);
  gateway = await createGateway({
    config: loadGatewayConfig({
      NODE_ENV: "test",
      IDENTITY_SECRET,
      PUBLIC_URL: system.publicUrl,
      ACCOUNTS_URL: system.accountsUrl,
      SHARDS: `shard1=${system.shardUrl("shard1")},shard2=${system.shardUrl("shard2")}`,
      WEB_DIST: webDist,
      ...RELAXED_RATE_LIMITS,
    }),
    // The gateway's own log at its most verbose, kept for the scan (no timestamps: 13-digit numbers).
    logger: {
      level: "trace",
      timestamp: false,
      stream: new Writable({
        write(chunk, _encoding, done) {
          logs.push(String(chunk));
          done();
        },
      }),
    },
  });
  gateway.app.addHook("preParsing", async (request, _reply, payload) => {
    const chunks: Buffer[] = [];
    for await (const chunk of payload) chunks.push(Buffer.from(chunk as Buffer));
    const body = Buffer.concat(chunks);
    recorded.push({ method: request.method, path: request.url.split("?", 1)[0], body: body.toString("utf8") });
    const { Readable } = await import("node:stream");
    return Object.assign(Readable.from([body]), { receivedEncodedLength: body.length });
  });
  gateway.app.addHook("onRequest", async (request) => {
    if (request.method === "GET") recorded.push({ method: "GET", path: request.url.split("?", 1)[0], body: decodeURIComponent(request.url.split("?")[1] ?? "") });
  });
  await gateway.app.listen({ port: 0, host: "127.0.0.1" });
  url = `http://127.0.0.1:${(gateway.app.server.address() as AddressInfo).port}`;

  const since = Date.now();
  await gql("mutation ($input: RequestLoginLinkInput!) { requestLoginLink(input: $input) { message } }", { input: { email: system.demo.person, businessId: KESTREL, mode: "test" } });
  let token: string | undefined;
  for (let i = 0; i < 100 && !token; i++) {
    const mail = (await (await fetch(`${url}/dev/mailbox?to=${encodeURIComponent(system.demo.person)}&format=json`)).json()) as { text: string; createdAt: string }[];
    token = /\/auth\/([A-Za-z0-9_-]+)/.exec(mail.find((m) => Date.parse(m.createdAt) >= since - 1000)?.text ?? "")?.[1];
    if (!token) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect((await gql("mutation ($token: String!) { exchangeLoginToken(token: $token) { redirectTo } }", { token })).errors).toBeUndefined();
}, 180_000);

afterAll(async () => {
  for (const restore of restoreOutput) restore();
  await browser?.close();
  await gateway?.close();
  await system?.close();
  if (webDist) await rm(webDist, { recursive: true, force: true });
}, 180_000);

describe("S11 the card form page", () => {
  it("loads, tokenizes and submits a card under the strict Content-Security-Policy with no violation", async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.phone });
    await context.addCookies([{ name: "bf_session", value: cookie.split("=")[1], url }]);
    const page = await context.newPage();
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`));
    });
    const main = await page.goto(`${url}/b/${KESTREL}`);
    expect(main!.headers()["content-security-policy"]).toContain("script-src 'self';");
    expect(main!.headers()["content-security-policy"]).toContain("style-src 'self';");
    await page
      .getByRole("heading", { level: 1, name: "Overview" })
      .waitFor()
      .catch(async (error: Error) => {
        throw new Error(`${error.message}\nat ${page.url()}: ${(await page.locator("body").innerText()).slice(0, 500)}\n${violations.join("\n")}`);
      });
    await page.getByRole("status").filter({ hasText: "Kestrel Library is on hold" }).getByRole("link", { name: "Update payment method" }).click();
    const sheet = page.getByRole("dialog", { name: "Edit payment method" });
    await sheet.waitFor();
    await sheet.getByRole("radio", { name: "Add a new card" }).check();
    await sheet.getByLabel("Card number").fill(CARDS.declined.replace(/(\d{4})(?=\d)/g, "$1 "));
    await sheet.getByLabel("Expiry date (MM/YY)").fill("12/34");
    await sheet.getByLabel("Security code (CVC)").fill(CVCS[0]);
    await sheet.getByRole("button", { name: "Confirm changes" }).click();
    // The card went to /processor/tokens, the token through GraphQL, the decline came back.
    await sheet.getByRole("alert").filter({ hasText: "Your card was declined." }).waitFor({ timeout: 20_000 });
    expect(violations).toEqual([]);
    await context.close();
  }, 120_000);
});

declare const document: { addEventListener(type: string, listener: (event: { violatedDirective: string; blockedURI: string }) => void): void };

describe("S11 no card number or CVC at rest, in logs or in GraphQL requests", () => {
  it("after adding cards and reactivating through the HTTP APIs, finds none anywhere but in the tokenization requests", async () => {
    // Add a card at every business of the person (both shards).
    const accounts = (await gql("{ viewer { accounts { businessId subscriptions { id status product { name } } } } }")).data.viewer.accounts as {
      businessId: string;
      subscriptions: { id: string; status: string; product: { name: string } }[] | null;
    }[];
    for (const account of accounts) {
      const added = await gql("mutation ($input: AddPaymentMethodInput!) { addPaymentMethod(input: $input) { id last4 } }", { input: { token: await tokenize(CARDS.mastercard, CVCS[2]) } }, account.businessId);
      expect(added.errors, account.businessId).toBeUndefined();
    }
    // Reactivate Kestrel Library: a decline, then a good card.
    const library = accounts.find((a) => a.businessId === KESTREL)!.subscriptions!.find((s) => s.product.name === "Kestrel Library" && s.status === "on_hold")!;
    const REACTIVATE = "mutation ($input: UpdateSubscriptionPaymentMethodInput!) { updateSubscriptionPaymentMethod(input: $input) { subscription { status } } }";
    const declined = await gql(REACTIVATE, { input: { subscriptionId: library.id, token: await tokenize(CARDS.declined, CVCS[0]) } });
    expect(declined.errors?.[0].extensions.code).toBe("PAYMENT_FAILED");
    const paid = await gql(REACTIVATE, { input: { subscriptionId: library.id, token: await tokenize(CARDS.amex, CVCS[1]), idempotencyKey: "card-data-reactivation" } });
    expect(paid.data?.updateSubscriptionPaymentMethod.subscription.status).toBe("active");
    // Let the jobs (emails, webhooks) run so their data is in the tables and logs too.
    await new Promise((resolve) => setTimeout(resolve, 3_000));

    const graphqlBodies = recorded.filter((r) => r.path !== "/processor/tokens");
    expect(graphqlBodies.some((r) => r.body.includes("addPaymentMethod")), "the recorder saw the GraphQL requests").toBe(true);
    const tokenizations = recorded.filter((r) => r.path === "/processor/tokens");
    expect(tokenizations.length).toBeGreaterThanOrEqual(5);
    // The scanner does see card data where it is expected: in the tokenization requests.
    expect(tokenizations.flatMap((r) => cardDataIn("tokenization", r.body)).length).toBeGreaterThanOrEqual(2 * tokenizations.length);

    const findings = [
      ...graphqlBodies.flatMap((r) => cardDataIn(`request ${r.method} ${r.path}`, r.body)),
      ...logs.flatMap((line) => cardDataIn("log", line)),
      ...(await cardDataInTables()),
    ];
    expect(findings).toEqual([]);
  }, 120_000);
});

/** Not part of a longer word (a hex hash) or of a decimal fraction (a response time in a log line). */
const CARD_RUN = /(?<![0-9A-Za-z.])\d(?:[ -]?\d){12,18}(?![0-9A-Za-z]|\.\d)/g;
const CVC_NEAR_CARD = new RegExp(`(?:cvc|cvv|csc|security.?code)\\W{0,6}(?:${CVCS.join("|")})|(?<![0-9A-Za-z])(?:${CVCS.join("|")})(?![0-9A-Za-z])`, "gi");

/** Luhn-valid 13–19 digit runs, and the CVCs of this test on their own or after a CVC label. */
function cardDataIn(where: string, text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(CARD_RUN)) {
    const digits = match[0].replace(/[ -]/g, "");
    if (luhnValid(digits)) found.push(`${where}: card number ${digits} in …${text.slice(Math.max(0, match.index - 40), match.index + 60)}…`);
  }
  for (const match of text.matchAll(CVC_NEAR_CARD)) found.push(`${where}: security code "${match[0]}" in …${text.slice(Math.max(0, match.index - 40), match.index + 40)}…`);
  return found;
}

/** Every text, JSON and array column of every table in the accounts, business and job schemas. */
async function cardDataInTables(): Promise<string[]> {
  const em = system.businessOrm.em.fork();
  const columns = await em.execute<{ table_schema: string; table_name: string; column_name: string }[]>(
    `select c.table_schema, c.table_name, c.column_name from information_schema.columns c
     join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
     where c.table_schema in ('accounts', 'business', 'pgboss_business', 'pgboss_accounts', 'pgboss')
       and c.table_name not like '%migrations' and c.data_type in ('text', 'character varying', 'json', 'jsonb', 'ARRAY')`,
  );
  const schemas = new Set(columns.map((c) => c.table_schema));
  expect(schemas.has("accounts") && schemas.has("business") && schemas.has("pgboss_business")).toBe(true);
  const found: string[] = [];
  for (const { table_schema, table_name, column_name } of columns) {
    const rows = await em.execute<{ value: string | null }[]>(`select "${column_name}"::text as value from "${table_schema}"."${table_name}"`);
    for (const { value } of rows) found.push(...cardDataIn(`${table_schema}.${table_name}.${column_name}`, value ?? ""));
  }
  return found;
}
