import { type Identity, signIdentity } from "@billfold/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BusinessApp } from "../app.ts";
import { type BusinessTestKit, TEST_SECRET, createBusinessTestKit, merchantQuery } from "../testing/business-test-kit.ts";
import { ApiKey } from "./api-key.entity.ts";
import { createApiKey } from "./api-key.service.ts";

const ACME = "biz_acme";
const GLOBEX = "biz_globex";

const LIST = `{ apiKeys { id name prefix mode createdAt lastUsedAt revokedAt } }`;
const CREATE = `mutation ($name: String!) { createApiKey(name: $name) { secret apiKey { id name prefix mode revokedAt } } }`;
const REVOKE = `mutation ($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }`;
const CUSTOMERS = `{ customers { totalCount } }`;

const dashboard = (businessId: string, mode: "test" | "live"): Identity => ({
  kind: "merchant", businessId, mode, merchantUserId: "mu_owner", sessionId: "ses_dashboard",
});

let kit: BusinessTestKit;
let shard: BusinessApp;

/** The merchant endpoint as the gateway calls it for a dashboard session (signed identity, no key). */
async function asDashboard(identity: Identity, businessId: string, query: string, variables: object = {}) {
  const response = await shard.app.inject({
    method: "POST",
    url: `/business/${businessId}/graphql`,
    headers: { "content-type": "application/json", "x-billfold-identity": signIdentity(identity, TEST_SECRET) },
    payload: { query, variables },
  });
  return { status: response.statusCode, body: response.json() as { data?: any; errors?: any[] } };
}

beforeAll(async () => {
  kit = await createBusinessTestKit();
  shard = await kit.startApp();
});
afterAll(() => kit?.close());

describe("API keys in the merchant dashboard", () => {
  it("creates a key whose secret is shown once, lists it by prefix only, and the key then works", async () => {
    const created = await asDashboard(dashboard(ACME, "test"), ACME, CREATE, { name: "  Production   server " });
    expect(created.body.errors).toBeUndefined();
    const { secret, apiKey } = created.body.data.createApiKey;
    expect(secret).toMatch(/^sk_test_biz_acme_[0-9a-z]{32}$/);
    expect(apiKey).toMatchObject({ name: "Production server", mode: "test", revokedAt: null });
    expect(secret.startsWith(apiKey.prefix)).toBe(true);
    expect(apiKey.prefix.length).toBeLessThan(secret.length - 20);

    const listed = await asDashboard(dashboard(ACME, "test"), ACME, LIST);
    expect(listed.body.data.apiKeys).toHaveLength(1);
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    const stored = await kit.orm.em.fork().findOneOrFail(ApiKey, apiKey.id);
    expect(stored.keyHash).not.toContain(secret.slice(apiKey.prefix.length));

    const used = await merchantQuery(shard.app, ACME, secret, CUSTOMERS);
    expect(used.status).toBe(200);
    const afterUse = await asDashboard(dashboard(ACME, "test"), ACME, LIST);
    expect(afterUse.body.data.apiKeys[0].lastUsedAt).not.toBeNull();
  });

  it("lists only the dashboard's mode, active keys first", async () => {
    const em = kit.orm.em.fork();
    await createApiKey(em, { businessId: ACME, mode: "live", name: "live one" });
    const old = await createApiKey(em, { businessId: ACME, mode: "test", name: "old" });
    await asDashboard(dashboard(ACME, "test"), ACME, REVOKE, { id: old.apiKey.id });
    await asDashboard(dashboard(ACME, "test"), ACME, CREATE, { name: "newest" });

    const test = await asDashboard(dashboard(ACME, "test"), ACME, LIST);
    const names = test.body.data.apiKeys.map((key: { name: string }) => key.name);
    expect(names).toEqual(["newest", "Production server", "old"]);
    expect(test.body.data.apiKeys.every((key: { mode: string }) => key.mode === "test")).toBe(true);
    const live = await asDashboard(dashboard(ACME, "live"), ACME, LIST);
    expect(live.body.data.apiKeys.map((key: { name: string }) => key.name)).toEqual(["live one"]);
  });

  it("revokes a key so requests with it are refused, and revoking again keeps the first time", async () => {
    const created = await asDashboard(dashboard(ACME, "test"), ACME, CREATE, { name: "to revoke" });
    const { secret, apiKey } = created.body.data.createApiKey;
    const first = await asDashboard(dashboard(ACME, "test"), ACME, REVOKE, { id: apiKey.id });
    expect(first.body.data.revokeApiKey.revokedAt).not.toBeNull();
    expect((await merchantQuery(shard.app, ACME, secret, CUSTOMERS)).status).toBe(401);
    const again = await asDashboard(dashboard(ACME, "test"), ACME, REVOKE, { id: apiKey.id });
    expect(again.body.data.revokeApiKey.revokedAt).toBe(first.body.data.revokeApiKey.revokedAt);
  });

  it("refuses an empty or over-long name", async () => {
    const empty = await asDashboard(dashboard(ACME, "test"), ACME, CREATE, { name: "   " });
    expect(empty.body.errors?.[0].extensions.code).toBe("BAD_USER_INPUT");
    const long = await asDashboard(dashboard(ACME, "test"), ACME, CREATE, { name: "x".repeat(101) });
    expect(long.body.errors?.[0].extensions.code).toBe("BAD_USER_INPUT");
  });

  it("refuses an API key caller: it can neither list, mint nor revoke keys", async () => {
    const em = kit.orm.em.fork();
    const { key, apiKey } = await createApiKey(em, { businessId: ACME, mode: "test", name: "server" });
    for (const [query, variables] of [[LIST, {}], [CREATE, { name: "minted by a key" }], [REVOKE, { id: apiKey.id }]] as const) {
      const { body } = await merchantQuery(shard.app, ACME, key, query, variables);
      expect(body.errors?.[0].extensions.code).toBe("FORBIDDEN");
    }
    expect(await em.fork().count(ApiKey, { name: "minted by a key" })).toBe(0);
    expect((await em.fork().findOneOrFail(ApiKey, apiKey.id)).revokedAt).toBeNull();
  });

  it("refuses another business's dashboard and cannot revoke another business's or mode's key", async () => {
    const em = kit.orm.em.fork();
    const acmeKey = await createApiKey(em, { businessId: ACME, mode: "test", name: "acme secret" });
    // Globex's merchant calling Acme's endpoint is stopped before any resolver runs.
    const crossEndpoint = await asDashboard(dashboard(GLOBEX, "test"), ACME, LIST);
    expect(crossEndpoint.status).toBe(403);
    // On its own endpoint, Globex sees none of Acme's keys and cannot revoke them by id.
    const own = await asDashboard(dashboard(GLOBEX, "test"), GLOBEX, LIST);
    expect(own.body.data.apiKeys).toEqual([]);
    const revoke = await asDashboard(dashboard(GLOBEX, "test"), GLOBEX, REVOKE, { id: acmeKey.apiKey.id });
    expect(revoke.body.errors?.[0].extensions.code).toBe("NOT_FOUND");
    const otherMode = await asDashboard(dashboard(ACME, "live"), ACME, REVOKE, { id: acmeKey.apiKey.id });
    expect(otherMode.body.errors?.[0].extensions.code).toBe("NOT_FOUND");
    expect((await em.fork().findOneOrFail(ApiKey, acmeKey.apiKey.id)).revokedAt).toBeNull();
  });

  it("refuses a person signed in to the portal", async () => {
    const person: Identity = { kind: "person", email: "p@acme.test", sessionId: "ses_p", mode: "test", accounts: [] };
    const { status } = await asDashboard(person, ACME, LIST);
    expect(status).toBe(403);
  });
});
