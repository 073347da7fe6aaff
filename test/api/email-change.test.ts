import type { AddressInfo } from "node:net";
import { directoryAccounts, upsertDirectoryEntries } from "@billfold/accounts/directory/directory.service";
import { createSession, resolveSessionIdentity } from "@billfold/accounts/sessions/session.service";
import { type AccountsTestKit, TEST_IDENTITY_SECRET, startAccountsTestKit, uniqueEmail } from "@billfold/accounts/testing/accounts-test-kit";
import { Customer } from "@billfold/business/customers/customer.entity";
import { type BusinessTestKit, createBusinessTestKit, seedFullAccount } from "@billfold/business/testing/business-test-kit";
import type { Identity } from "@billfold/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../support/ports.ts";

let accounts: AccountsTestKit;
let business: BusinessTestKit;
const ids = { acme: "", globex: "", acmeLive: "", globexLive: "", acmeTest: "" };
const OLD = uniqueEmail("old");
const NEW = uniqueEmail("new");


beforeAll(async () => {
  const shardPort = await freePort();
  accounts = await startAccountsTestKit({ SHARDS: `shard1=http://127.0.0.1:${shardPort}` });
  await accounts.accounts.app.listen({ port: 0, host: "127.0.0.1" });
  const accountsPort = (accounts.accounts.app.server.address() as AddressInfo).port;
  ids.acme = (await accounts.business({ name: "Acme Mail", shard: "shard1" })).id;
  ids.globex = (await accounts.business({ name: "Globex Mail", shard: "shard1" })).id;

  business = await createBusinessTestKit();
  const shard = await business.startApp({ SHARD_ID: "shard1", IDENTITY_SECRET: TEST_IDENTITY_SECRET, ACCOUNTS_URL: `http://127.0.0.1:${accountsPort}` });
  await shard.app.listen({ port: shardPort, host: "127.0.0.1" });
  const em = business.orm.em.fork();
  ids.acmeLive = (await seedFullAccount(em, { businessId: ids.acme, mode: "live" }, OLD)).id;
  ids.globexLive = (await seedFullAccount(em, { businessId: ids.globex, mode: "live" }, OLD)).id;
  ids.acmeTest = (await seedFullAccount(em, { businessId: ids.acme, mode: "test" }, OLD)).id;
  await upsertDirectoryEntries(accounts.em(), [
    { email: OLD, businessId: ids.acme, customerId: ids.acmeLive, mode: "live" },
    { email: OLD, businessId: ids.globex, customerId: ids.globexLive, mode: "live" },
    { email: OLD, businessId: ids.acme, customerId: ids.acmeTest, mode: "test" },
  ]);
}, 60_000);

afterAll(async () => {
  await business?.close();
  await accounts?.close();
});

const REQUEST = `mutation ($e: String!) { requestEmailChange(newEmail: $e) { message } }`;
const CONFIRM = `mutation ($t: String!) { confirmEmailChange(token: $t) { email mode } }`;
const VIEWER = `query { viewer { email pendingEmail accounts { businessId customerId } } }`;
const PREVIEW = `query ($t: String!) { loginLinkPreview(token: $t) { status emailChange emailHint } }`;
const EXCHANGE = `mutation ($t: String!) { exchangeLoginToken(token: $t) { redirectTo } }`;
const anonymous: Identity = { kind: "anonymous" };

async function signIn(email: string): Promise<string> {
  const em = accounts.em();
  const { token } = await createSession(em, { email, mode: "live" });
  await em.flush();
  return token;
}

describe("verified email change", () => {
  let sessionToken = "";
  let link = "";

  it("refuses a caller who is not signed in", async () => {
    const result = await accounts.graphql(anonymous, REQUEST, { e: NEW });
    expect(result.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("refuses, plainly, an address another person already uses", async () => {
    const other = uniqueEmail("taken");
    await upsertDirectoryEntries(accounts.em(), [{ email: other, businessId: ids.globex, customerId: "cus_someone_else", mode: "live" }]);
    sessionToken = await signIn(OLD);
    const result = await accounts.graphql(await resolveSessionIdentity(accounts.em(), sessionToken), REQUEST, { e: other });
    expect(result.errors?.[0]).toMatchObject({ message: expect.stringMatching(/already used/), extensions: { code: "BAD_USER_INPUT", field: "newEmail" } });
  });

  it("emails a confirmation link to the new address and a link-free notice to the old one; nothing changes yet", async () => {
    const identity = await resolveSessionIdentity(accounts.em(), sessionToken);
    const result = await accounts.graphql<{ requestEmailChange: { message: string } }>(identity, REQUEST, { e: NEW.toUpperCase() });
    expect(result.data?.requestEmailChange.message).toBe(`We sent a confirmation link to ${NEW}. Your email changes once you open it.`);
    await accounts.runJobs();
    const [confirm] = await accounts.mailbox(NEW);
    expect(confirm.subject).toBe("Confirm your new Billfold email");
    link = /http:\/\/localhost:4000\/auth\/[0-9a-z]+/.exec(confirm.text)![0];
    const [notice] = await accounts.mailbox(OLD);
    expect(notice.text).toContain(NEW);
    expect(notice.text).not.toContain("/auth/");
    const viewer = await accounts.graphql<{ viewer: { email: string; pendingEmail: string | null; accounts: unknown[] } }>(identity, VIEWER);
    expect(viewer.data?.viewer).toMatchObject({ email: OLD, pendingEmail: NEW });
    expect(viewer.data?.viewer.accounts).toHaveLength(2);
  });

  it("previews the link as an email change and never signs anyone in with it", async () => {
    const token = link.split("/auth/")[1];
    expect((await accounts.graphql(anonymous, PREVIEW, { t: token })).data).toEqual({ loginLinkPreview: { status: "valid", emailChange: true, emailHint: NEW } });
    const exchange = await accounts.graphql(anonymous, EXCHANGE, { t: token });
    expect(exchange.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "unknown" });
  });

  it("applies the change on confirmation: session, directory, and every business's customer", async () => {
    const token = link.split("/auth/")[1];
    const response = await accounts.post(anonymous, CONFIRM, { t: token });
    expect(response.json()).toEqual({ data: { confirmEmailChange: { email: NEW, mode: "live" } } });
    expect(response.headers["x-billfold-stale-sessions"]).toBeTruthy();

    const identity = await resolveSessionIdentity(accounts.em(), sessionToken);
    expect(identity).toMatchObject({ kind: "person", email: NEW });
    const viewer = await accounts.graphql<{ viewer: { email: string; pendingEmail: string | null; accounts: { customerId: string }[] } }>(identity, VIEWER);
    expect(viewer.data?.viewer.email).toBe(NEW);
    expect(viewer.data?.viewer.pendingEmail).toBeNull();
    expect(viewer.data?.viewer.accounts.map((a) => a.customerId).sort()).toEqual([ids.acmeLive, ids.globexLive].sort());
    expect(await directoryAccounts(accounts.em(), OLD, "live")).toEqual([]);
    expect((await directoryAccounts(accounts.em(), OLD, "test")).map((a) => a.customerId)).toEqual([ids.acmeTest]);

    expect(await accounts.runJobs()).toBeGreaterThanOrEqual(2);
    const emailOf = async (id: string) => (await business.orm.em.fork().findOneOrFail(Customer, { id })).email;
    expect(await emailOf(ids.acmeLive)).toBe(NEW);
    expect(await emailOf(ids.globexLive)).toBe(NEW);
    expect(await emailOf(ids.acmeTest)).toBe(OLD);
    // The shard's own directory sync (with previousEmail) lands back in accounts and keeps the entries on NEW.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await directoryAccounts(accounts.em(), NEW, "live")).map((a) => a.customerId).sort()).toEqual([ids.acmeLive, ids.globexLive].sort());
  });

  it("no longer sends sign-in links for the old address in that mode", async () => {
    const before = (await accounts.mailbox(OLD)).length;
    await accounts.graphql(anonymous, `mutation ($e: String!) { requestLoginLink(input: { email: $e }) { message } }`, { e: OLD });
    await accounts.runJobs();
    expect(await accounts.mailbox(OLD)).toHaveLength(before);
  });

  it("refuses a second use of the link", async () => {
    const result = await accounts.graphql(anonymous, CONFIRM, { t: link.split("/auth/")[1] });
    expect(result.errors?.[0]).toMatchObject({ message: "This confirmation link was already used.", extensions: { code: "BAD_USER_INPUT", reason: "used" } });
  });

  it("refuses an unknown token", async () => {
    const result = await accounts.graphql(anonymous, CONFIRM, { t: "0".repeat(32) });
    expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "unknown" });
  });
});
