import { type Identity, signIdentity } from "@billfold/shared";
import { afterEach, describe, expect, it } from "vitest";
import { type FakeSystem, gql, startFakeSystem, TEST_SECRET } from "../testing/fake-system.ts";

const person = (accounts: [string, string][]): Identity => ({
  kind: "person",
  email: "ada@example.com",
  sessionId: "ses_1",
  mode: "test",
  accounts: accounts.map(([businessId, customerId]) => ({ businessId, customerId })),
});

const VIEWER = /* GraphQL */ `
  query Viewer {
    viewer {
      email
      accounts { businessId customerId business { name } customer { id name shard seenBy } }
    }
  }
`;

const ENTITIES = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on CustomerAccount { customer { id name shard seenBy } } }
  }
`;

async function askShardDirectly(shardUrl: string, identity: Identity, accounts: [string, string][]) {
  const response = await fetch(`${shardUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-billfold-identity": signIdentity(identity, TEST_SECRET) },
    body: JSON.stringify({
      query: ENTITIES,
      variables: { representations: accounts.map(([businessId, customerId]) => ({ __typename: "CustomerAccount", businessId, customerId })) },
    }),
  });
  return ((await response.json()) as { data: { _entities: { customer: unknown }[] } }).data._entities;
}

let system: FakeSystem;
afterEach(async () => {
  await system?.close();
});

describe("business entities through the gateway", () => {
  it("splits representations by shard, one call per shard, and answers in the original order", async () => {
    system = await startFakeSystem();
    const grants: [string, string][] = [
      ["biz_a", "cus_1"],
      ["biz_b", "cus_2"],
      ["biz_c", "cus_3"],
      ["biz_b", "cus_4"],
      ["biz_a", "cus_5"],
    ];
    const identity = person(grants);
    system.accounts.sessions.set("session-token-0001", identity);

    const { status, body } = await gql(system.url, VIEWER, { headers: { cookie: "bf_session=session-token-0001" } });

    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const accounts = body.data.viewer.accounts;
    expect(accounts.map((a: { customerId: string }) => a.customerId)).toEqual(["cus_1", "cus_2", "cus_3", "cus_4", "cus_5"]);
    expect(system.shard1.entityCalls.map((call) => call.businessIds)).toEqual([["biz_a", "biz_c", "biz_a"]]);
    expect(system.shard2!.entityCalls.map((call) => call.businessIds)).toEqual([["biz_b", "biz_b"]]);
    const direct1 = await askShardDirectly(system.shard1.url, identity, grants.filter(([b]) => b !== "biz_b"));
    const direct2 = await askShardDirectly(system.shard2!.url, identity, grants.filter(([b]) => b === "biz_b"));
    expect(accounts.map((a: { customer: unknown }) => a.customer)).toEqual([direct1[0], direct2[0], direct1[1], direct2[1], direct1[2]].map((entity) => entity.customer));
  });

  it("remaps a shard's entity error paths to the entity's place in the whole answer", async () => {
    system = await startFakeSystem();
    system.accounts.sessions.set("session-token-0001", person([["biz_a", "cus_1"], ["biz_b", "cus_2"], ["biz_a", "bad_3"]]));

    const { body } = await gql(system.url, "{ viewer { accounts { customerId flaky } } }", {
      headers: { authorization: "Bearer session-token-0001" },
    });

    expect(body.data.viewer.accounts).toEqual([
      { customerId: "cus_1", flaky: "fine" },
      { customerId: "cus_2", flaky: "fine" },
      { customerId: "bad_3", flaky: null },
    ]);
    expect(body.errors).toEqual([{ message: "flaky failed", path: ["viewer", "accounts", 2, "flaky"], extensions: { code: "CONFLICT" } }]);
  });

  it("answers 200 with the other shard's data when a shard is down, naming each missing business once", async () => {
    system = await startFakeSystem();
    system.accounts.sessions.set("session-token-0001", person([["biz_a", "cus_1"], ["biz_b", "cus_2"], ["biz_c", "cus_3"], ["biz_b", "cus_4"]]));
    await system.shard1.close();

    const { status, body } = await gql(system.url, VIEWER, { headers: { cookie: "bf_session=session-token-0001" } });

    expect(status).toBe(200);
    const accounts = body.data.viewer.accounts;
    expect(accounts.map((a: { business: { name: string } }) => a.business.name)).toEqual(["Acme Tools", "Bolt Coffee", "Cedar Books", "Bolt Coffee"]);
    expect(accounts.map((a: { customer: { shard: string } | null }) => a.customer?.shard ?? null)).toEqual([null, "shard2", null, "shard2"]);
    expect(body.errors).toEqual([
      {
        message: "Couldn't load data from Acme Tools right now.",
        path: ["viewer", "accounts", 0],
        extensions: { code: "SHARD_UNAVAILABLE", businessId: "biz_a", businessName: "Acme Tools", shard: "shard1" },
      },
      {
        message: "Couldn't load data from Cedar Books right now.",
        path: ["viewer", "accounts", 2],
        extensions: { code: "SHARD_UNAVAILABLE", businessId: "biz_c", businessName: "Cedar Books", shard: "shard1" },
      },
    ]);
  });

  it("gives up on a shard that never answers after SHARD_TIMEOUT_MS and still answers the rest", async () => {
    system = await startFakeSystem({ hangingShard2: true, env: { SHARD_TIMEOUT_MS: "300" } });
    system.accounts.sessions.set("session-token-0001", person([["biz_a", "cus_1"], ["biz_b", "cus_2"]]));

    const started = performance.now();
    const { status, body } = await gql(system.url, VIEWER, { headers: { cookie: "bf_session=session-token-0001" } });
    const elapsed = performance.now() - started;

    expect(status).toBe(200);
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(300 + 400);
    expect(body.data.viewer.accounts[0].customer.shard).toBe("shard1");
    expect(body.data.viewer.accounts[1].customer).toBeNull();
    expect(body.errors).toMatchObject([{ path: ["viewer", "accounts", 1], extensions: { code: "SHARD_UNAVAILABLE", businessName: "Bolt Coffee", shard: "shard2" } }]);
  });

  it("skips a shard that just failed without waiting (breaker open), then probes it again", async () => {
    system = await startFakeSystem({ hangingShard2: true, env: { SHARD_TIMEOUT_MS: "300", SHARD_BREAKER_MS: "1000" } });
    system.accounts.sessions.set("session-token-0001", person([["biz_a", "cus_1"], ["biz_b", "cus_2"]]));
    const ask = () => gql(system.url, VIEWER, { headers: { cookie: "bf_session=session-token-0001" } });

    await ask();
    expect(system.hungRequests()).toBe(1);
    const whileOpen = await Promise.all([ask(), ask(), ask()]);
    expect(system.hungRequests()).toBe(1);
    for (const { body } of whileOpen) {
      expect(body.data.viewer.accounts[0].customer.shard).toBe("shard1");
      expect(body.errors).toMatchObject([{ path: ["viewer", "accounts", 1], extensions: { code: "SHARD_UNAVAILABLE", businessId: "biz_b" } }]);
    }

    await new Promise((resolve) => setTimeout(resolve, 1000));
    await Promise.all([ask(), ask()]);
    expect(system.hungRequests()).toBe(2); // one probe; the other answer did not wait for it
  });

  it("answers null and NOT_FOUND for a business the routing table does not know, and a shard outside SHARDS as unavailable", async () => {
    system = await startFakeSystem();
    system.accounts.sessions.set("session-token-0001", person([["biz_gone", "cus_1"], ["biz_x", "cus_2"], ["biz_b", "cus_3"]]));

    const { body } = await gql(system.url, "{ viewer { accounts { customerId customer { id } } } }", {
      headers: { cookie: "bf_session=session-token-0001" },
    });

    expect(body.data.viewer.accounts.map((a: { customer: unknown }) => a.customer)).toEqual([null, null, { id: "cus_3" }]);
    expect(body.errors).toEqual([
      { message: "This business was not found.", path: ["viewer", "accounts", 0], extensions: { code: "NOT_FOUND", businessId: "biz_gone" } },
      {
        message: "Couldn't load data from Xeno Labs right now.",
        path: ["viewer", "accounts", 1],
        extensions: { code: "SHARD_UNAVAILABLE", businessId: "biz_x", businessName: "Xeno Labs", shard: "shard9" },
      },
    ]);
  });

  it("routes a new business after a routing-table miss reloads the table", async () => {
    system = await startFakeSystem();
    system.accounts.sessions.set("session-token-0001", person([["biz_new", "cus_1"]]));
    await gql(system.url, "{ viewer { email } }", { headers: { cookie: "bf_session=session-token-0001" } });
    system.accounts.businesses.push({ id: "biz_new", name: "New Co", shard: "shard2" });
    await new Promise((resolve) => setTimeout(resolve, 1_050));

    const { body } = await gql(system.url, "{ viewer { accounts { customer { shard } } } }", {
      headers: { cookie: "bf_session=session-token-0001" },
    });

    expect(body.errors).toBeUndefined();
    expect(body.data.viewer.accounts).toEqual([{ customer: { shard: "shard2" } }]);
  });
});

describe("business root operations", () => {
  it("go to the shard of the business named in x-billfold-business, with the caller's identity", async () => {
    system = await startFakeSystem();
    system.accounts.sessions.set("session-token-0001", person([]));

    const { body } = await gql(system.url, "{ shardInfo { shard businessId seenBy } }", {
      headers: { cookie: "bf_session=session-token-0001", "x-billfold-business": "biz_b" },
    });

    expect(body).toEqual({ data: { shardInfo: { shard: "shard2", businessId: "biz_b", seenBy: "person:ada@example.com" } } });
  });

  it("explain the missing x-billfold-business header", async () => {
    system = await startFakeSystem();

    const { status, body } = await gql(system.url, "{ shardInfo { shard } }");

    expect(status).toBe(200);
    expect(body.data).toBeNull();
    expect(body.errors).toEqual([
      { message: "Name the business this operation is for in the x-billfold-business header.", extensions: { code: "BAD_USER_INPUT" } },
    ]);
  });
});
