import { buildAccountsSchema } from "@billfold/accounts/schema";
import { type AccountsTestKit, TEST_IDENTITY_SECRET, startAccountsTestKit } from "@billfold/accounts/testing/accounts-test-kit";
import { createApiKey } from "@billfold/business/api-keys/api-key.service";
import { type BusinessTestKit, createBusinessTestKit, seedFullAccount } from "@billfold/business/testing/business-test-kit";
import { createGateway, type Gateway } from "@billfold/gateway/app";
import { loadGatewayConfig } from "@billfold/gateway/config";
import { composeTestSupergraph } from "@billfold/gateway/testing/fake-system";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let accounts: AccountsTestKit;
let business: BusinessTestKit;
let gateway: Gateway;
let url: string;
let liveKey: string;
let testKey: string;
const ids = { acme: "", globex: "", liveCustomer: "", testCustomer: "", globexCustomer: "" };
const port = (app: { server: { address(): unknown } }) => (app.server.address() as { port: number }).port;

beforeAll(async () => {
  accounts = await startAccountsTestKit();
  await accounts.accounts.app.listen({ port: 0, host: "127.0.0.1" });
  ids.acme = (await accounts.business({ name: "Acme Portal", shard: "shard1" })).id;
  ids.globex = (await accounts.business({ name: "Globex Portal", shard: "shard1" })).id;

  business = await createBusinessTestKit();
  const shard = await business.startApp({ SHARD_ID: "shard1", IDENTITY_SECRET: TEST_IDENTITY_SECRET, ACCOUNTS_URL: `http://127.0.0.1:${port(accounts.accounts.app)}` });
  await shard.app.listen({ port: 0, host: "127.0.0.1" });
  const em = business.orm.em.fork();
  liveKey = (await createApiKey(em, { businessId: ids.acme, mode: "live", name: "prod" })).key;
  testKey = (await createApiKey(em, { businessId: ids.acme, mode: "test", name: "ci" })).key;
  ids.liveCustomer = (await seedFullAccount(em, { businessId: ids.acme, mode: "live" }, "lena@portal.test")).id;
  ids.testCustomer = (await seedFullAccount(em, { businessId: ids.acme, mode: "test" }, "tom@portal.test")).id;
  ids.globexCustomer = (await seedFullAccount(em, { businessId: ids.globex, mode: "live" }, "gus@portal.test")).id;

  const config = loadGatewayConfig({
    NODE_ENV: "test",
    IDENTITY_SECRET: TEST_IDENTITY_SECRET,
    ACCOUNTS_URL: `http://127.0.0.1:${port(accounts.accounts.app)}`,
    SHARDS: `shard1=http://127.0.0.1:${port(shard.app)}`,
    WEB_DIST: "/nonexistent",
  });
  gateway = await createGateway({ config, supergraphSdl: composeTestSupergraph((await buildAccountsSchema()).sdl) });
  await gateway.app.listen({ port: 0, host: "127.0.0.1" });
  url = `http://127.0.0.1:${port(gateway.app)}`;
});
afterAll(async () => {
  await gateway?.close();
  await business?.close();
  await accounts?.close();
});

const createSession = (customerId: string, key: string, query = "", body?: object) =>
  fetch(`${url}/customers/${customerId}/customer-portal/session${query}`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });

async function exchange(link: string) {
  const token = link.split("/auth/")[1];
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "mutation ($t: String!) { exchangeLoginToken(token: $t) { redirectTo returnUrl businessName viewer { email mode accounts { businessId customerId } } } }", variables: { t: token } }),
  });
  return (await response.json()) as { data?: { exchangeLoginToken: any }; errors?: any[] };
}

describe("portal session API through the gateway", () => {
  it("answers { link } for the key's customer; send_email puts the same link in the mailbox; the link opens that portal", async () => {
    const response = await createSession(ids.liveCustomer, liveKey, "?send_email=true&return_url=https%3A%2F%2Fshop.test%2Faccount");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const { link } = (await response.json()) as { link: string };
    expect(link).toMatch(/^http:\/\/localhost:4000\/auth\/[0-9a-z]{32}$/);

    await accounts.runJobs();
    const mailbox = (await (await fetch(`${url}/dev/mailbox?to=lena%40portal.test`)).json()) as { subject: string; text: string }[];
    expect(mailbox[0].subject).toBe("Your billing portal at Acme Portal");
    expect(mailbox[0].text).toContain(link);

    const result = await exchange(link);
    expect(result.data?.exchangeLoginToken).toEqual({
      redirectTo: `/b/${ids.acme}`,
      returnUrl: "https://shop.test/account",
      businessName: "Acme Portal",
      viewer: { email: "lena@portal.test", mode: "live", accounts: [] },
    });
  });

  it("makes test-mode links with a test key only, with a deep link from the JSON body", async () => {
    const response = await createSession(ids.testCustomer, testKey, "", { flow: "update_payment_method" });
    const { link } = (await response.json()) as { link: string };
    const result = await exchange(link);
    expect(result.data?.exchangeLoginToken).toMatchObject({ redirectTo: `/b/${ids.acme}?flow=update_payment_method`, viewer: { mode: "test" } });

    // A live key cannot reach the test-mode customer at all.
    expect((await createSession(ids.testCustomer, liveKey)).status).toBe(404);
  });

  it("answers 404 for another business's customer and 401 for a forged key", async () => {
    expect((await createSession(ids.globexCustomer, liveKey)).status).toBe(404);
    expect((await createSession(ids.liveCustomer, `sk_live_${ids.acme}_${"a".repeat(32)}`)).status).toBe(401);
  });
});
