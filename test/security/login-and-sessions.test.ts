import { LoginToken, Session, createAccountsApp, hashToken, parseAccountsConfig } from "@billfold/accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PERSON } from "../../scripts/src/seed/demo-catalog.ts";
import { postGraphQL, sessionCookie } from "../support/graphql-client.ts";
import { IDENTITY_SECRET, type BillfoldSystem, startSystem } from "../support/system.ts";
import { RELAXED_RATE_LIMITS, extraGateway } from "./security-kit.ts";
import { sqlOf } from "./tenant-rows.ts";

const REQUEST = "mutation ($input: RequestLoginLinkInput!) { requestLoginLink(input: $input) { message } }";
const REQUEST_MERCHANT = "mutation ($input: RequestMerchantLoginLinkInput!) { requestMerchantLoginLink(input: $input) { message } }";
const EXCHANGE = "mutation ($token: String!, $businessId: ID, $mode: Mode) { exchangeLoginToken(token: $token, businessId: $businessId, mode: $mode) { redirectTo viewer { email } merchant { email } } }";
const WHO = "{ viewer { email } }";

let system: BillfoldSystem;
const rawTokens = new Set<string>();

beforeAll(async () => {
  system = await startSystem({ env: RELAXED_RATE_LIMITS });
});
afterAll(() => system?.close());

async function call(query: string, variables: Record<string, unknown> = {}, cookie?: string, base: { gatewayUrl: string } = system) {
  const response = await fetch(`${base.gatewayUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text), setCookie: response.headers.getSetCookie()[0] as string | undefined };
}

const pair = (setCookie: string) => setCookie.split(";")[0];
const tokenOf = (setCookie: string) => pair(setCookie).split("=")[1];

/** Asks for a link and reads its token from the dev mailbox (polling: mail goes out from a job). */
async function emailedToken(email: string, input: { businessId?: string; mode?: string; merchant?: boolean } = {}, base: { gatewayUrl: string } = system): Promise<string> {
  const inbox = async () => (await (await fetch(`${base.gatewayUrl}/dev/mailbox?to=${encodeURIComponent(email)}`)).json()) as { text: string }[];
  const before = (await inbox()).length;
  const requested = input.merchant
    ? await call(REQUEST_MERCHANT, { input: { email } }, undefined, base)
    : await call(REQUEST, { input: { email, businessId: input.businessId, mode: input.mode ?? "test" } }, undefined, base);
  expect(requested.body.errors).toBeUndefined();
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const messages = await inbox();
    if (messages.length > before) {
      const token = /\/auth\/([0-9a-z]+)/.exec(messages[0].text)![1];
      rawTokens.add(token);
      return token;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no email for ${email}`);
}

async function exchange(token: string, extra: { businessId?: string; mode?: string } = {}, cookie?: string, base: { gatewayUrl: string } = system) {
  const result = await call(EXCHANGE, { token, ...extra }, cookie, base);
  if (result.setCookie) rawTokens.add(tokenOf(result.setCookie));
  return result;
}

const northwind = () => system.demo.businesses.find((b) => b.id === "biz_northwind")!;
const monsoon = () => system.demo.businesses.find((b) => b.id === "biz_monsoon")!;

describe("S2 no account enumeration on any login form", () => {
  it("answers a known and an unknown email with identical status and body on the static, unified and merchant forms", async () => {
    const forms: [string, (email: string) => Promise<{ status: number; text: string }>, string][] = [
      ["static (business)", (email) => call(REQUEST, { input: { email, businessId: northwind().id, mode: "test" } }), DEMO_PERSON],
      ["static, email known only at another business", (email) => call(REQUEST, { input: { email, businessId: monsoon().id, mode: "test" } }), "mara.lind@example.com"],
      ["static, live mode", (email) => call(REQUEST, { input: { email, businessId: northwind().id, mode: "live" } }), DEMO_PERSON],
      ["unified", (email) => call(REQUEST, { input: { email } }), DEMO_PERSON],
      ["merchant", (email) => call(REQUEST_MERCHANT, { input: { email } }), northwind().merchantEmail],
    ];
    for (const [label, submit, known] of forms) {
      const a = await submit(known);
      const b = await submit(`nobody.${Date.now()}@example.com`);
      expect(a.status, label).toBe(200);
      expect(b.status, label).toBe(a.status);
      expect(b.text, label).toBe(a.text);
    }
  });
});

describe("S3 login tokens", () => {
  it("refuses a replayed token", async () => {
    const token = await emailedToken(DEMO_PERSON, { businessId: northwind().id });
    expect((await exchange(token)).body.data.exchangeLoginToken.viewer.email).toBe(DEMO_PERSON);
    const again = await exchange(token);
    expect(again.body.errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "used" });
    expect(again.setCookie).toBeUndefined();
  });

  it("refuses an expired token (expiry moved into the past in the database)", async () => {
    const token = await emailedToken(DEMO_PERSON, { businessId: northwind().id });
    const moved = await system.accountsOrm.em.fork().nativeUpdate(LoginToken, { tokenHash: hashToken(token) }, { expiresAt: new Date(Date.now() - 1000) });
    expect(moved).toBe(1);
    const result = await exchange(token);
    expect(result.body.errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "expired" });
    expect(result.setCookie).toBeUndefined();
  });

  it("refuses tampered tokens (one character changed, truncated, extended, upper-cased)", async () => {
    const token = await emailedToken(DEMO_PERSON, { businessId: northwind().id });
    const flip = (c: string) => (c === "a" ? "b" : "a");
    const variants = [token.slice(0, -1) + flip(token.at(-1)!), flip(token[0]) + token.slice(1), token.slice(0, -1), `${token}a`, token.toUpperCase()];
    for (const variant of variants) {
      const result = await exchange(variant);
      expect(result.body.errors[0].extensions.code, variant).toBe("BAD_USER_INPUT");
      expect(result.setCookie).toBeUndefined();
    }
    // None of them burnt the real one.
    expect((await exchange(token)).body.data.exchangeLoginToken.viewer.email).toBe(DEMO_PERSON);
  });

  it("refuses a token made for another business or another mode, without burning it", async () => {
    const token = await emailedToken(DEMO_PERSON, { businessId: northwind().id, mode: "test" });
    const otherBusiness = await exchange(token, { businessId: monsoon().id });
    expect(otherBusiness.body.errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "other_business" });
    const otherMode = await exchange(token, { businessId: northwind().id, mode: "live" });
    expect(otherMode.body.errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "other_mode" });
    expect(otherBusiness.setCookie ?? otherMode.setCookie).toBeUndefined();
    const right = await exchange(token, { businessId: northwind().id, mode: "test" });
    expect(right.body.data.exchangeLoginToken.viewer.email).toBe(DEMO_PERSON);
  });

  it("hands out tokens of at least 128 random bits in a lower-case base32 alphabet, all distinct", async () => {
    const tokens = [await emailedToken(DEMO_PERSON), await emailedToken(DEMO_PERSON, { businessId: monsoon().id }), await emailedToken(northwind().merchantEmail, { merchant: true })];
    const session = pair((await exchange(tokens[0])).setCookie!).split("=")[1];
    for (const token of [...tokens, session]) {
      expect(token).toMatch(/^[0-9a-z]+$/);
      // base32: 5 bits a character (hex would be 4: still ≥ 128 bits at 32+ characters).
      expect(token.length * 5).toBeGreaterThanOrEqual(128 + 2);
      expect(token.length * 4).toBeGreaterThanOrEqual(128);
    }
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it("keeps only hashes at rest: no raw link or session token appears in any accounts or business table", async () => {
    await emailedToken(DEMO_PERSON, { businessId: northwind().id });
    rawTokens.add(tokenOf(`x=${(await sessionCookie(system, DEMO_PERSON)).split("=")[1]}`));
    expect(rawTokens.size).toBeGreaterThanOrEqual(8);
    const run = sqlOf(system.businessOrm);
    {
      const tables = await run<{ table_schema: string; table_name: string }>(
        "select table_schema, table_name from information_schema.tables where table_schema in ('accounts', 'business') and table_type = 'BASE TABLE'",
      );
      expect(tables.length).toBeGreaterThan(5);
      let scanned = 0;
      let hashesSeen = 0;
      for (const { table_schema, table_name } of tables) {
        // The email outbox keeps each message's body, link included, for the dev mailbox and retries
        // (open problem: redact after delivery in production). Every other table must hold hashes only.
        if (table_schema === "accounts" && table_name === "email_message") continue;
        const rows = await run<{ row: string }>(`select t::text as row from "${table_schema}"."${table_name}" t`);
        const text = rows.map((r) => r.row).join("\n");
        scanned += rows.length;
        for (const token of rawTokens) {
          expect(text.includes(token), `${table_schema}.${table_name} holds a raw token`).toBe(false);
          if (text.includes(hashToken(token))) hashesSeen++;
        }
      }
      // The scan reads the right rows: every token's hash is there.
      expect(hashesSeen).toBeGreaterThanOrEqual(rawTokens.size);
      console.log(`[S3] scanned ${tables.length} tables, ${scanned} rows for ${rawTokens.size} raw tokens: none found`);
    }
  });
});

describe("S4 link scanners", () => {
  it("GET and HEAD on /auth/{token} (as a mail scanner would) never consume the link", async () => {
    const token = await emailedToken(DEMO_PERSON, { businessId: northwind().id });
    for (const method of ["GET", "GET", "HEAD", "GET"]) {
      const response = await fetch(`${system.gatewayUrl}/auth/${token}`, { method, headers: { accept: "text/html" } });
      expect(response.status).toBeLessThan(500);
    }
    const preview = await call("query ($t: String!) { loginLinkPreview(token: $t) { status } }", { t: token });
    expect(preview.body.data.loginLinkPreview.status).toBe("valid");
    expect((await exchange(token)).body.data.exchangeLoginToken.viewer.email).toBe(DEMO_PERSON);
  });
});

describe("S12 sessions", () => {
  const attributes = (setCookie: string) => setCookie.split(";").slice(1).map((part) => part.trim());

  it("sets the cookie HttpOnly, SameSite=Lax, Path=/, with a Max-Age of at most 24 h and no Domain", async () => {
    const result = await exchange(await emailedToken(DEMO_PERSON, { businessId: northwind().id }));
    const cookie = result.setCookie!;
    expect(cookie.startsWith("bf_session=")).toBe(true);
    const attrs = attributes(cookie);
    expect(attrs).toEqual(expect.arrayContaining(["HttpOnly", "SameSite=Lax", "Path=/"]));
    const maxAge = Number(attrs.find((a) => a.startsWith("Max-Age="))!.split("=")[1]);
    expect(maxAge).toBeGreaterThan(0);
    expect(maxAge).toBeLessThanOrEqual(86_400);
    expect(attrs.some((a) => /^domain=/i.test(a))).toBe(false);
  });

  it("rotates the session id at login: the browser's previous cookie stops working at once", async () => {
    const first = (await exchange(await emailedToken(DEMO_PERSON, { businessId: northwind().id }))).setCookie!;
    expect((await call(WHO, {}, pair(first))).body.data.viewer.email).toBe(DEMO_PERSON);
    const second = (await exchange(await emailedToken(DEMO_PERSON, { businessId: northwind().id }), {}, pair(first))).setCookie!;
    expect(tokenOf(second)).not.toBe(tokenOf(first));
    expect((await call(WHO, {}, pair(first))).body.data.viewer).toBeNull();
    expect((await call(WHO, {}, pair(second))).body.data.viewer.email).toBe(DEMO_PERSON);
  });

  it("logout ends the session on the server: replaying the old cookie or bearer token gets nothing", async () => {
    const cookie = pair((await exchange(await emailedToken(DEMO_PERSON, { businessId: northwind().id }))).setCookie!);
    expect((await call(WHO, {}, cookie)).body.data.viewer.email).toBe(DEMO_PERSON);
    const out = await call("mutation { logout }", {}, cookie);
    expect(out.body.data.logout).toBe(true);
    expect(out.setCookie).toMatch(/Max-Age=0/);
    expect((await call(WHO, {}, cookie)).body.data.viewer).toBeNull();
    const bearer = await postGraphQL(`${system.gatewayUrl}/graphql`, WHO, { headers: { authorization: `Bearer ${cookie.split("=")[1]}` } });
    expect(bearer.data?.viewer).toBeNull();
  });

  it("enforces the absolute and idle expiry on the server whatever the browser keeps", async () => {
    const em = system.accountsOrm.em.fork();
    const absolute = await sessionCookie(system, DEMO_PERSON);
    await em.nativeUpdate(Session, { idHash: hashToken(absolute.split("=")[1]) }, { expiresAt: new Date(Date.now() - 1000) });
    expect((await call(WHO, {}, absolute)).body.data.viewer).toBeNull();

    const idle = await sessionCookie(system, DEMO_PERSON);
    await em.nativeUpdate(Session, { idHash: hashToken(idle.split("=")[1]) }, { lastSeenAt: new Date(Date.now() - 2 * 3600_000 - 60_000) });
    expect((await call(WHO, {}, idle)).body.data.viewer).toBeNull();

    const fresh = await sessionCookie(system, DEMO_PERSON);
    expect((await call(WHO, {}, fresh)).body.data.viewer.email).toBe(DEMO_PERSON);
  });

  it("with an https PUBLIC_URL: the __Host- prefixed cookie, Secure, Path=/ and no Domain", async () => {
    // Accounts and a gateway configured for an https origin, on the same database.
    const accounts = await createAccountsApp({
      config: parseAccountsConfig({ NODE_ENV: "test", DATABASE_URL: system.db.url, IDENTITY_SECRET, PUBLIC_URL: "https://billfold.example", ...RELAXED_RATE_LIMITS }),
      orm: system.accountsOrm,
    });
    await accounts.app.listen({ port: 0, host: "127.0.0.1" });
    const accountsUrl = `http://127.0.0.1:${(accounts.app.server.address() as { port: number }).port}`;
    const gateway = await extraGateway(system, { ACCOUNTS_URL: accountsUrl, PUBLIC_URL: "https://billfold.example" });
    const secure = { gatewayUrl: gateway.url };
    try {
      const token = await emailedToken(DEMO_PERSON, { businessId: "biz_northwind" }, secure);
      const result = await exchange(token, {}, undefined, secure);
      const cookie = result.setCookie!;
      expect(cookie.startsWith("__Host-bf_session=")).toBe(true);
      expect(attributes(cookie)).toEqual(expect.arrayContaining(["Secure", "HttpOnly", "SameSite=Lax", "Path=/"]));
      expect(attributes(cookie).some((a) => /^domain=/i.test(a))).toBe(false);
      // The gateway reads the prefixed cookie.
      expect((await call(WHO, {}, pair(cookie), secure)).body.data.viewer.email).toBe(DEMO_PERSON);
    } finally {
      await gateway.close();
      await accounts.close();
    }
  });
});
