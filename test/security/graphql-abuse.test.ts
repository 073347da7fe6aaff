import { createServer, type Server } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PERSON } from "../../scripts/src/seed/demo-catalog.ts";
import { postGraphQL, sessionCookie } from "../support/graphql-client.ts";
import { type BillfoldSystem, startSystem } from "../support/system.ts";
import { DASHBOARD, INTERNALS, extraGateway } from "./security-kit.ts";

let system: BillfoldSystem;
let cookie: string;
let production: Awaited<ReturnType<typeof extraGateway>>;
const gql = (query: string, variables?: Record<string, unknown>, url = system.gatewayUrl) =>
  postGraphQL(`${url}/graphql`, query, { variables, headers: { cookie } });

beforeAll(async () => {
  system = await startSystem();
  cookie = await sessionCookie(system, DEMO_PERSON);
  production = await extraGateway(system, { NODE_ENV: "production", PUBLIC_URL: "https://billfold.example" });
});
afterAll(async () => {
  await production?.close();
  await system?.close();
});

const nest = (levels: number, leaf = "email") => `${"viewer { ".repeat(levels)}${leaf}${" }".repeat(levels)}`;
const limitRefusal = (limit: string) => ({ code: "GRAPHQL_VALIDATION_FAILED", reason: "operation_limit", limit });

/** A normal query still gets a full answer (the gateway is responsive). */
async function expectResponsive(url = system.gatewayUrl) {
  const response = await postGraphQL(`${url}/graphql`, "{ viewer { email accounts { businessId } } }", { headers: { cookie } });
  expect(response.status).toBe(200);
  expect(response.data?.viewer.email).toBe(DEMO_PERSON);
}

describe("S8 GraphQL abuse at the gateway", () => {
  it("refuses a query nested deeper than 12 levels before validating it, and accepts 12", async () => {
    const deep = await gql(`{ ${nest(12)} }`);
    expect(deep.status).toBe(400);
    expect(deep.errors?.[0].extensions).toMatchObject(limitRefusal("maxDepth"));
    // 12 levels pass the limit (and then fail ordinary validation: viewer has no viewer field).
    const twelve = await gql(`{ ${nest(11)} }`);
    expect(twelve.errors?.[0].extensions?.reason).not.toBe("operation_limit");
  });

  it("refuses a page size that makes the estimated cost explode, and the shards refuse first > 100", async () => {
    const huge = await gql("{ viewer { accounts { invoices(first: 1000000) { number } } } }");
    expect(huge.status).toBe(400);
    expect(huge.errors?.[0].extensions).toMatchObject(limitRefusal("maxCost"));
    const viaVariable = await gql("query ($n: Int) { viewer { accounts { payments(first: $n) { id } } } }", { n: 5_000_000 });
    expect(viaVariable.errors?.[0].extensions).toMatchObject(limitRefusal("maxCost"));

    const overPage = await gql("{ viewer { accounts { invoices(first: 101) { number } } } }");
    expect(overPage.status).toBe(200);
    expect(overPage.errors?.map((error) => error.extensions?.code)).toContain("BAD_USER_INPUT");
    expect(JSON.stringify(overPage)).not.toMatch(INTERNALS);
  });

  it("refuses more than 200 aliases and more than 500 fields", async () => {
    const aliases = Array.from({ length: 201 }, (_, i) => `a${i}: viewer { email }`).join(" ");
    expect((await gql(`{ ${aliases} }`)).errors?.[0].extensions).toMatchObject(limitRefusal("maxAliases"));
    const fields = `{ viewer { accounts { ${"businessId ".repeat(501)} } } }`;
    expect((await gql(fields)).errors?.[0].extensions).toMatchObject(limitRefusal("maxFields"));
  });

  it("refuses JSON array batching with 400 and aliased login mutations with BAD_USER_INPUT", async () => {
    const batch = await fetch(`${system.gatewayUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify([{ query: "{ viewer { email } }" }, { query: "{ viewer { email } }" }]),
    });
    expect(batch.status).toBe(400);
    const twoLogins = await gql(`mutation { a: requestLoginLink(input: { email: "a@example.com" }) { message } b: requestLoginLink(input: { email: "b@example.com" }) { message } }`);
    expect(twoLogins.data ?? undefined).toBeUndefined();
    expect(twoLogins.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("applies the same limits on the merchant endpoint before forwarding to a shard", async () => {
    const business = system.demo.businesses[0];
    const response = await postGraphQL(`${system.gatewayUrl}/business/${business.id}/graphql`, `{ ${"customers { nodes { ".repeat(7)} id ${"} } ".repeat(7)} }`, {
      headers: { authorization: `Bearer ${business.testApiKey}` },
    });
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions).toMatchObject(limitRefusal("maxDepth"));
    const paged = await postGraphQL(`${system.gatewayUrl}/business/${business.id}/graphql`, "{ customers(first: 1000000) { nodes { id email } } }", {
      headers: { authorization: `Bearer ${business.testApiKey}` },
    });
    expect(paged.errors?.[0].extensions).toMatchObject(limitRefusal("maxCost"));
  });

  it("in production: no introspection, no field suggestions; in development the same query gets a suggestion", async () => {
    const introspection = await gql("{ __schema { types { name } } }", undefined, production.url);
    expect(introspection.data ?? null).toBeNull();
    expect(introspection.errors?.[0].message).toMatch(/introspection/i);
    const typeName = await gql('{ __type(name: "CustomerAccount") { fields { name } } }', undefined, production.url);
    expect(typeName.data ?? null).toBeNull();

    const typo = "{ viewr { email } }";
    const prod = await gql(typo, undefined, production.url);
    expect(prod.status).toBe(400);
    expect(JSON.stringify(prod)).not.toMatch(/did you mean/i);
    const argTypo = await gql("{ viewer { accounts { invoices(frist: 1) { number } } } }", undefined, production.url);
    expect(JSON.stringify(argTypo)).not.toMatch(/did you mean/i);
    // Contrast: the development gateway helps (so the assertion above can fail).
    expect(JSON.stringify(await gql(typo))).toMatch(/did you mean/i);
  });

  it("shows no stack trace or internal detail in any error answer, in production or development", async () => {
    const attempts: [string, RequestInit][] = [
      ["syntax", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ viewer { " }) }],
      ["bad JSON", { method: "POST", headers: { "content-type": "application/json" }, body: '{"query": "{ viewer' }],
      ["wrong variable type", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "query ($id: ID!) { business(id: $id) { name } }", variables: { id: { a: 1 } } }) }],
      ["missing query", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }],
      ["unknown operation", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ viewer { email } }", operationName: "Nope" }) }],
      ["two operations, none named", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "query A { viewer { email } } query B { viewer { email } }" }) }],
      ["text body", { method: "POST", headers: { "content-type": "text/plain" }, body: "{ viewer { email } }" }],
      ["no content type", { method: "POST", body: "{}" }],
      ["mutation over GET", { method: "GET", headers: { "apollo-require-preflight": "1" } }],
      ["huge variables", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "query ($t: String!) { loginLinkPreview(token: $t) { status } }", variables: { t: "x".repeat(100_000) } }) }],
    ];
    let checked = 0;
    for (const base of [system.gatewayUrl, production.url]) {
      for (const [label, init] of attempts) {
        const url = label === "mutation over GET" ? `${base}/graphql?query=${encodeURIComponent("mutation { logout }")}` : `${base}/graphql`;
        const response = await fetch(url, init);
        const text = await response.text();
        expect(response.status, label).toBeLessThan(500);
        expect(text, label).not.toMatch(INTERNALS);
        checked++;
      }
    }
    const merchant = await fetch(`${system.gatewayUrl}/business/biz_nope/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: "{" });
    expect(await merchant.text()).not.toMatch(INTERNALS);
    expect(checked).toBe(attempts.length * 2);
  });

  it("answers 413 to a body over 1 MiB on /graphql and on the merchant endpoint", async () => {
    const body = JSON.stringify({ query: "{ viewer { email } }", variables: { pad: "x".repeat(1_100_000) } });
    const graph = await fetch(`${system.gatewayUrl}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body });
    expect(graph.status).toBe(413);
    const business = system.demo.businesses[0];
    const merchant = await fetch(`${system.gatewayUrl}/business/${business.id}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${business.testApiKey}` },
      body,
    });
    expect(merchant.status).toBe(413);
    await expectResponsive();
  });

  it("answers 504 REQUEST_TIMEOUT when a request outlives the gateway's budget, then keeps serving", async () => {
    // A shard that accepts connections and never answers; its own timeout is longer than the request budget.
    const sockets = new Set<import("node:net").Socket>();
    const silent: Server = createServer((socket) => {
      sockets.add(socket);
      socket.on("error", () => {});
    });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const slow = await extraGateway(
      system,
      { REQUEST_TIMEOUT_MS: "600", SHARD_TIMEOUT_MS: "2000", SUBGRAPH_TIMEOUT_MS: "2000" },
      { shard2: `http://127.0.0.1:${(silent.address() as AddressInfo).port}` },
    );
    try {
      const response = await postGraphQL(`${slow.url}/graphql`, DASHBOARD, { headers: { cookie } });
      expect(response.status).toBe(504);
      expect(response.errors?.[0].extensions?.code).toBe("REQUEST_TIMEOUT");
      await expectResponsive(slow.url);
    } finally {
      await slow.close();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

/** F0 { leaf } F1 { ...F0 ...F0 } … F{n}: 2^n selections when expanded (GHSA-q2f9-x4p4-7xmh). */
function namedFragmentExplosion(levels: number): string {
  const fragments = ["fragment F0 on CustomerAccount { businessId customerId }"];
  for (let i = 1; i <= levels; i++) fragments.push(`fragment F${i} on CustomerAccount { ...F${i - 1} ...F${i - 1} }`);
  return `query Explode { viewer { accounts { ...F${levels} } } } ${fragments.join(" ")}`;
}

describe("S9 planner denial of service (2025 federation advisories)", () => {
  it.each([
    ["named fragments each spread twice, 40 levels (2^40 selections expanded)", namedFragmentExplosion(40), "maxFragmentDepth"],
    ["named fragments each spread twice, 7 levels (within fragment depth)", namedFragmentExplosion(7), "maxFragmentSpreads"],
    [
      "a chain of 60 named fragments, each spreading the next (deeply nested spreads)",
      `query { viewer { accounts { ...N0 } } } ${Array.from({ length: 60 }, (_, i) => `fragment N${i} on CustomerAccount { businessId ${i < 59 ? `...N${i + 1}` : ""} }`).join(" ")}`,
      "maxFragmentDepth",
    ],
    [
      "200 nested inline fragments on an entity type",
      `query { viewer { accounts { ${"... on CustomerAccount { customerId ".repeat(200)}${"} ".repeat(200)} } } }`,
      "maxFragmentDepth",
    ],
    [
      "a wide selection over both subgraphs repeated under 150 aliases",
      `query { viewer { accounts { ${Array.from({ length: 150 }, (_, i) => `s${i}: subscriptions { id status product { id name } } i${i}: invoices { number lines { amount } }`).join(" ")} } } }`,
      "maxAliases",
    ],
  ])("answers %s with a limit error, then a normal query", async (_label, query, limit) => {
    const response = await gql(query);
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions).toMatchObject(limitRefusal(limit));
    expect(JSON.stringify(response)).not.toMatch(INTERNALS);
    await expectResponsive();
  });

  it("stays responsive while 20 explosive queries arrive at once", async () => {
    const query = namedFragmentExplosion(30);
    const answers = await Promise.all([...Array.from({ length: 20 }, () => gql(query)), expectResponsive()]);
    for (const answer of answers.slice(0, 20)) expect(answer!.status).toBe(400);
    await expectResponsive();
  });
});
