import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IDENTITY_HEADER, signIdentity } from "@billfold/shared";
import { DEMO_PERSON } from "../../scripts/src/seed/demo-catalog.ts";
import { postGraphQL, sessionCookie } from "../support/graphql-client.ts";
import { IDENTITY_SECRET, startSystem, type BillfoldSystem } from "../support/system.ts";

const DASHBOARD = /* GraphQL */ `
  query Dashboard {
    viewer {
      email
      accounts {
        businessId
        customerId
        business { id name }
        subscriptions { id status }
        invoices { number total }
        licenseKeys { status }
      }
    }
  }
`;

const ENTITIES = /* GraphQL */ `
  query Entities($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on CustomerAccount { businessId customerId subscriptions { id status } invoices { number total } licenseKeys { status } }
    }
  }
`;

describe("the federated graph, through the gateway", () => {
  let system: BillfoldSystem;
  let cookie: string;

  beforeAll(async () => {
    system = await startSystem({ shardTimeoutMs: 800 });
    cookie = await sessionCookie(system, DEMO_PERSON);
  });
  afterAll(() => system?.close());

  it("answers the demo person's accounts at every demo business from both shards in one request, equal to asking each shard", async () => {
    const response = await postGraphQL(`${system.gatewayUrl}/graphql`, DASHBOARD, { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.errors).toBeUndefined();
    const accounts = response.data!.viewer.accounts as any[];
    expect(accounts.map((a) => a.businessId).sort()).toEqual(system.demo.businesses.map((b) => b.id).sort());
    expect(accounts.every((a) => a.subscriptions.length > 0 && a.invoices.length > 0)).toBe(true);

    const identity = {
      kind: "person" as const,
      email: DEMO_PERSON,
      sessionId: "direct",
      mode: "test" as const,
      accounts: accounts.map((a) => ({ businessId: a.businessId, customerId: a.customerId })),
    };
    for (const business of system.demo.businesses) {
      const mine = accounts.filter((a) => a.businessId === business.id);
      const direct = await postGraphQL(`${system.shardUrl(business.shard as "shard1" | "shard2")}/graphql`, ENTITIES, {
        variables: { representations: mine.map((a) => ({ __typename: "CustomerAccount", businessId: a.businessId, customerId: a.customerId })) },
        headers: { [IDENTITY_HEADER]: signIdentity(identity, IDENTITY_SECRET) },
      });
      expect(direct.errors).toBeUndefined();
      expect(direct.data!._entities).toEqual(
        mine.map(({ businessId, customerId, subscriptions, invoices, licenseKeys }) => ({ businessId, customerId, subscriptions, invoices, licenseKeys })),
      );
    }
  });

  it("keeps the other shard's businesses and names each missing one when a shard is down", async () => {
    await system.stopShard("shard2");
    try {
      const response = await postGraphQL(`${system.gatewayUrl}/graphql`, DASHBOARD, { headers: { cookie } });
      expect(response.status).toBe(200);
      const down = system.demo.businesses.filter((b) => b.shard === "shard2");
      const up = system.demo.businesses.filter((b) => b.shard === "shard1");
      const accounts = response.data!.viewer.accounts as any[];
      for (const business of up) {
        expect(accounts.find((a) => a.businessId === business.id)?.subscriptions?.length).toBeGreaterThan(0);
      }
      for (const business of down) {
        const account = accounts.find((a) => a.businessId === business.id);
        expect(account?.business.name).toBe(business.name);
        expect(account?.subscriptions ?? null).toBeNull();
        expect(response.errors).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              message: expect.stringContaining(business.name),
              extensions: expect.objectContaining({ code: "SHARD_UNAVAILABLE", businessId: business.id }),
            }),
          ]),
        );
      }
    } finally {
      await system.startShard("shard2");
    }
  });

  it("refuses a subgraph call without the gateway's signature or with a forged one", async () => {
    for (const url of [system.accountsUrl, system.shardUrl("shard1")]) {
      const unsigned = await postGraphQL(`${url}/graphql`, "{ _service { sdl } }");
      expect(unsigned.status).toBe(401);
      const forged = await postGraphQL(`${url}/graphql`, "{ _service { sdl } }", {
        headers: { [IDENTITY_HEADER]: signIdentity({ kind: "service", service: "gateway" }, "not-the-secret".padEnd(40, "!")) },
      });
      expect(forged.status).toBe(401);
    }
  });
});

describe("merchant endpoint", () => {
  let system: BillfoldSystem;
  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(() => system?.close());

  const CUSTOMERS = "query { customers(first: 50) { totalCount nodes { id email } } }";
  const merchant = (businessId: string, key: string, query: string, variables?: Record<string, unknown>) =>
    postGraphQL(`${system.gatewayUrl}/business/${businessId}/graphql`, query, { variables, headers: { authorization: `Bearer ${key}` } });

  it("reads its own business and mode only", async () => {
    const [a, b] = system.demo.businesses;
    const own = await merchant(a.id, a.testApiKey, CUSTOMERS);
    expect(own.errors).toBeUndefined();
    expect(own.data!.customers.nodes.map((c: any) => c.email)).toContain(DEMO_PERSON);

    const otherBusiness = await merchant(b.id, a.testApiKey, CUSTOMERS);
    expect(otherBusiness.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(otherBusiness.data?.customers ?? null).toBeNull();

    // Northwind's demo person also has a live-mode account: its customer id is unknown to a test key.
    const { directoryAccounts } = await import("@billfold/accounts");
    const [live] = await directoryAccounts(system.accountsOrm.em.fork(), DEMO_PERSON, "live");
    const otherMode = await merchant(live.businessId, system.demo.businesses.find((x) => x.id === live.businessId)!.testApiKey, "query($id: ID!) { customer(id: $id) { id } }", { id: live.customerId });
    expect(otherMode.errors?.[0].extensions?.code).toBe("NOT_FOUND");
  });

  it("puts a customer created with a merchant key into that person's unified viewer", async () => {
    const business = system.demo.businesses.find((b) => b.id === "biz_kestrel")!;
    const email = `new.buyer.${Date.now()}@example.com`;
    const created = await merchant(business.id, business.testApiKey, "mutation($email: String!) { createCustomer(input: { email: $email, name: \"New Buyer\" }) { id email } }", { email });
    expect(created.errors).toBeUndefined();
    const cookie = await sessionCookie(system, email);
    const deadline = Date.now() + 15_000;
    let accounts: any[] = [];
    while (Date.now() < deadline) {
      const response = await postGraphQL(`${system.gatewayUrl}/graphql`, "{ viewer { accounts { businessId customerId } } }", { headers: { cookie } });
      accounts = response.data?.viewer?.accounts ?? [];
      if (accounts.length) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(accounts).toEqual([{ businessId: business.id, customerId: created.data!.createCustomer.id }]);
  });
});
