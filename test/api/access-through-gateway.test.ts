import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildAccountsSchema } from "@billfold/accounts/schema";
import { upsertDirectoryEntries } from "@billfold/accounts/directory/directory.service";
import { type AccountsTestKit, TEST_IDENTITY_SECRET, startAccountsTestKit, uniqueEmail } from "@billfold/accounts/testing/accounts-test-kit";
import { createGateway, type Gateway } from "@billfold/gateway/app";
import { loadGatewayConfig } from "@billfold/gateway/config";
import { type FakeShard, startFakeShard } from "@billfold/gateway/testing/fake-shard";
import { composeTestSupergraph } from "@billfold/gateway/testing/fake-system";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let kit: AccountsTestKit;
let shard: FakeShard;
let gateway: Gateway;
let url: string;
let webDist: string;

beforeAll(async () => {
  kit = await startAccountsTestKit();
  await kit.accounts.app.listen({ port: 0, host: "127.0.0.1" });
  const accountsPort = (kit.accounts.app.server.address() as { port: number }).port;
  shard = await startFakeShard(TEST_IDENTITY_SECRET, "shard1");
  webDist = await mkdtemp(join(tmpdir(), "billfold-web-"));
  await writeFile(join(webDist, "index.html"), "<!doctype html><title>Billfold SPA</title>");
  const supergraphSdl = composeTestSupergraph((await buildAccountsSchema()).sdl);
  const config = loadGatewayConfig({
    NODE_ENV: "test",
    IDENTITY_SECRET: TEST_IDENTITY_SECRET,
    ACCOUNTS_URL: `http://127.0.0.1:${accountsPort}`,
    SHARDS: `shard1=${shard.url}`,
    WEB_DIST: webDist,
    PUBLIC_URL: "http://localhost:4000",
  });
  gateway = await createGateway({ config, supergraphSdl });
  await gateway.app.listen({ port: 0, host: "127.0.0.1" });
  url = `http://127.0.0.1:${(gateway.app.server.address() as { port: number }).port}`;
});
afterAll(async () => {
  await gateway?.close();
  await shard?.close();
  await kit?.close();
  await rm(webDist, { recursive: true, force: true });
});

async function gql(query: string, variables: Record<string, unknown> = {}, cookie?: string) {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text), cookie: response.headers.getSetCookie()[0] as string | undefined };
}

const REQUEST = "mutation ($input: RequestLoginLinkInput!) { requestLoginLink(input: $input) { message } }";
const EXCHANGE = "mutation ($token: String!) { exchangeLoginToken(token: $token) { redirectTo viewer { email } } }";
const WHO = "{ viewer { email accounts { businessId } } }";
const pair = (setCookie: string) => setCookie.split(";")[0];

async function customer() {
  const business = await kit.business({ name: "Gateway Goods" });
  const email = uniqueEmail();
  await upsertDirectoryEntries(kit.em(), [{ email, businessId: business.id, customerId: "cus_1", mode: "live" }]);
  return { business, email };
}

/** Requests a link through the gateway and reads it from the dev mailbox through the gateway. */
async function emailedToken(email: string, businessId: string): Promise<string> {
  await gql(REQUEST, { input: { email, businessId } });
  await kit.runJobs();
  const mailbox = await fetch(`${url}/dev/mailbox?to=${encodeURIComponent(email)}`);
  expect(mailbox.status).toBe(200);
  const [message] = (await mailbox.json()) as { text: string }[];
  return /\/auth\/([0-9a-z]+)/.exec(message.text)![1];
}

async function signIn(cookie?: string) {
  const { business, email } = await customer();
  const token = await emailedToken(email, business.id);
  const result = await gql(EXCHANGE, { token }, cookie);
  return { email, business, token, result, cookie: pair(result.cookie!) };
}

describe("sign-in through the gateway", () => {
  it("request → mailbox → the link page (GET does not consume) → exchange → cookie → portal; a second use is refused", async () => {
    const { business, email } = await customer();
    const token = await emailedToken(email, business.id);

    for (let i = 0; i < 3; i++) {
      const page = await fetch(`${url}/auth/${token}`, { headers: { accept: "text/html" } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("Billfold SPA");
    }
    expect((await gql("query ($t: String!) { loginLinkPreview(token: $t) { status } }", { t: token })).body.data.loginLinkPreview.status).toBe("valid");

    const exchanged = await gql(EXCHANGE, { token });
    expect(exchanged.body).toEqual({ data: { exchangeLoginToken: { redirectTo: `/b/${business.id}`, viewer: { email } } } });
    expect(exchanged.cookie).toMatch(/^bf_session=[0-9a-z]+; Path=\/; Max-Age=86400; HttpOnly; SameSite=Lax$/);

    const me = await gql(WHO, {}, pair(exchanged.cookie!));
    expect(me.body.data.viewer).toEqual({ email, accounts: [{ businessId: business.id }] });

    const again = await gql(EXCHANGE, { token });
    expect(again.body.errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "used" });
    expect(again.cookie).toBeUndefined();
  });

  it("answers known and unknown emails with byte-identical bodies and the same status", async () => {
    const { business, email } = await customer();
    const known = await gql(REQUEST, { input: { email, businessId: business.id } });
    const unknown = await gql(REQUEST, { input: { email: uniqueEmail("nobody"), businessId: business.id } });
    expect(unknown.status).toBe(known.status);
    expect(unknown.text).toBe(known.text);
  });

  it("rotates the session: a new id after sign-in and the old cookie is useless at once", async () => {
    const first = await signIn();
    expect((await gql(WHO, {}, first.cookie)).body.data.viewer).not.toBeNull();
    const second = await signIn(first.cookie);
    expect(second.cookie).not.toBe(first.cookie);
    expect((await gql(WHO, {}, first.cookie)).body.data.viewer).toBeNull();
    expect((await gql(WHO, {}, second.cookie)).body.data.viewer.email).toBe(second.email);
  });

  it("logout makes the cookie useless at once", async () => {
    const { cookie } = await signIn();
    expect((await gql(WHO, {}, cookie)).body.data.viewer).not.toBeNull();
    const out = await gql("mutation { logout }", {}, cookie);
    expect(out.body).toEqual({ data: { logout: true } });
    expect(out.cookie).toBe("bf_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
    expect((await gql(WHO, {}, cookie)).body.data.viewer).toBeNull();
  });

  it("ending the other sessions makes their cookies useless at once", async () => {
    const mine = await signIn();
    const token = await emailedToken(mine.email, mine.business.id);
    const other = pair((await gql(EXCHANGE, { token })).cookie!);
    expect((await gql(WHO, {}, other)).body.data.viewer).not.toBeNull();

    expect((await gql("mutation { endOtherSessions }", {}, mine.cookie)).body).toEqual({ data: { endOtherSessions: 1 } });
    expect((await gql(WHO, {}, other)).body.data.viewer).toBeNull();
    expect((await gql(WHO, {}, mine.cookie)).body.data.viewer).not.toBeNull();
  });
});

describe("login mutations cannot be multiplied", () => {
  it("refuses JSON array batching with 400", async () => {
    const response = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify([{ query: EXCHANGE, variables: { token: "a".repeat(32) } }, { query: EXCHANGE, variables: { token: "b".repeat(32) } }]),
    });
    expect(response.status).toBe(400);
  });

  it("refuses aliased login fields with BAD_USER_INPUT and runs none of them", async () => {
    const email = uniqueEmail();
    const result = await gql(`mutation { a: requestLoginLink(input: {email: "${email}"}) { message } b: requestLoginLink(input: {email: "${email}"}) { message } }`);
    expect(result.body.data).toBeUndefined();
    expect(result.body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(await kit.runJobs()).toBe(0);
  });
});
