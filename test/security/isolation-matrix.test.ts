import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { createSession, directoryAccounts } from "@billfold/accounts";
import { buildBusinessSchema } from "@billfold/business/schema";
import { IDENTITY_HEADER, type Identity, signIdentity } from "@billfold/shared";
import type { GraphQLField } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PERSON } from "../../scripts/src/seed/demo-catalog.ts";
import { type GraphQLResponse, postGraphQL } from "../support/graphql-client.ts";
import { IDENTITY_SECRET, type BillfoldSystem, startSystem } from "../support/system.ts";
import { type FieldCall, type Victim, callsFor, customerGraph, rootFields, selectionFor } from "./schema-calls.ts";
import { type Sql, sqlOf, victimOf, victimRowsHash } from "./tenant-rows.ts";

const SUPERGRAPH = fileURLToPath(new URL("../../schema/supergraph.graphql", import.meta.url));
const REFUSAL_CODES = new Set(["FORBIDDEN", "NOT_FOUND", "UNAUTHENTICATED", "BAD_USER_INPUT"]);
/** Root fields anyone may call by design; their cells check only that no other tenant's data comes back. */
const PUBLIC_FIELDS: Record<string, string> = {
  loginLinkPreview: "the /auth/:token page, before sign-in (masked email, business branding)",
  business: "public branding of a business for its login page",
  requestLoginLink: "sign-in form: neutral answer whatever the email",
  requestMerchantLoginLink: "dashboard sign-in form: neutral answer",
  exchangeLoginToken: "the token is the credential",
  logout: "ends the caller's own session, if any",
};

let system: BillfoldSystem;
let client: Sql;
const X = "biz_northwind"; // shard1, has live data
const Y = "biz_monsoon"; // another business
const B_EMAIL = "mara.lind@example.com";
const victims = {} as Record<"bAtX" | "aAtY" | "aLiveAtX" | "customerAtY", Victim>;
const cookies = {} as Record<"a" | "aOnlyX", string>;
let aIdentity: Identity;
let failures: string[] = [];
let cells = 0;
let beforeHash = "";

beforeAll(async () => {
  system = await startSystem();
  client = sqlOf(system.businessOrm);
  const em = () => system.accountsOrm.em.fork();
  await createSession(em(), { email: B_EMAIL, mode: "test" }); // B has a session: its id is a victim row too
  const aTest = await directoryAccounts(em(), DEMO_PERSON, "test");
  const aLive = await directoryAccounts(em(), DEMO_PERSON, "live");
  const arjun = (await directoryAccounts(em(), "arjun.mehta@example.com", "test")).find((a) => a.businessId === Y)!;
  const mara = (await directoryAccounts(em(), B_EMAIL, "test")).find((a) => a.businessId === X)!;
  victims.bAtX = await victimOf(client, "B's rows at X", { businessId: X, customerId: mara.customerId, email: B_EMAIL, mode: "test" });
  victims.aAtY = await victimOf(client, "A's rows at Y", { businessId: Y, customerId: aTest.find((a) => a.businessId === Y)!.customerId, email: DEMO_PERSON, mode: "test" }, false);
  victims.aLiveAtX = await victimOf(client, "A's live rows at X", { businessId: X, customerId: aLive.find((a) => a.businessId === X)!.customerId, email: DEMO_PERSON, mode: "live" }, false);
  victims.customerAtY = await victimOf(client, "Y's customer", { businessId: Y, customerId: arjun.customerId, email: "arjun.mehta@example.com", mode: "test" });
  cookies.a = `bf_session=${(await createSession(em(), { email: DEMO_PERSON, mode: "test" })).token}`;
  cookies.aOnlyX = `bf_session=${(await createSession(em(), { email: DEMO_PERSON, mode: "test", businessId: X, businessOnly: true })).token}`;
  aIdentity = { kind: "person", email: DEMO_PERSON, sessionId: "matrix", mode: "test", accounts: aTest.map(({ businessId, customerId }) => ({ businessId, customerId })) };
  beforeHash = await victimRowsHash(client, Object.values(victims));
});
afterAll(async () => {
  await system?.close();
});

const codes = (response: GraphQLResponse) => (response.errors ?? []).map((e) => e.extensions?.code as string);
const isEmpty = (value: unknown): boolean =>
  value == null || value === false || value === 0 || (Array.isArray(value) && value.length === 0) ||
  (typeof value === "object" && Object.entries(value as object).every(([k, v]) => k === "__typename" || k === "pageInfo" || isEmpty(v)));

/** Records a failure unless the answer is a refusal that carries none of the victim's data. */
function judge(cell: string, response: GraphQLResponse, victim: Victim | null, field: string, mustRefuse: boolean) {
  cells++;
  const text = JSON.stringify(response.data ?? null);
  const leaked = victim?.markers.find((marker) => text.includes(marker));
  if (leaked) return failures.push(`${cell}: answered ${victim!.label} (${leaked})`);
  if (response.status === 401 || response.status === 403) return;
  if (response.status >= 500 || codes(response).includes("INTERNAL_SERVER_ERROR")) return failures.push(`${cell}: ${response.status} ${codes(response)}`);
  if (codes(response).includes("GRAPHQL_VALIDATION_FAILED")) return failures.push(`${cell}: the generated call is invalid: ${response.errors![0].message}`);
  if (!mustRefuse) return;
  const value = (response.data as Record<string, unknown> | null | undefined)?.[field];
  const refusedByError = codes(response).some((code) => REFUSAL_CODES.has(code));
  if (!isEmpty(value)) return failures.push(`${cell}: not refused: ${JSON.stringify(value).slice(0, 200)}`);
  if (!refusedByError && response.errors?.length) failures.push(`${cell}: unexpected errors ${codes(response)}`);
}

const gateway = (call: FieldCall, cookie?: string, businessId?: string) =>
  postGraphQL(`${system.gatewayUrl}/graphql`, call.query, {
    variables: call.variables,
    headers: { ...(cookie ? { cookie } : {}), ...(businessId ? { "x-billfold-business": businessId } : {}) },
  });
const merchant = (path: string, call: FieldCall, headers: Record<string, string>, base = system.gatewayUrl) =>
  postGraphQL(`${base}/business/${path}/graphql`, call.query, { variables: call.variables, headers });
const signed = (identity: Identity, secret = IDENTITY_SECRET) => ({ [IDENTITY_HEADER]: signIdentity(identity, secret) });
const graphOf = (field: GraphQLField<unknown, unknown>) =>
  field.astNode?.directives?.find((d) => d.name.value === "join__field")?.arguments?.find((a) => a.name.value === "graph")?.value;

describe("S7 tenant isolation matrix, generated from the schema", () => {
  it("refuses every cell for every CustomerAccount field, customer root field and merchant root field", async () => {
    const { schema: supergraph, inaccessibleRootFields } = customerGraph(await readFile(SUPERGRAPH, "utf8"));
    const { schema: businessSchema } = await buildBusinessSchema();
    const keyX = system.demo.businesses.find((b) => b.id === X)!.testApiKey;
    const shardX = system.shardUrl(system.demo.businesses.find((b) => b.id === X)!.shard as "shard1" | "shard2");
    const counts = { entityFields: 0, customerRootFields: 0, merchantRootFields: 0 };

    // 1. CustomerAccount fields, asked through `_entities` directly at a shard with a gateway-signed identity.
    const account = businessSchema.getType("CustomerAccount") as import("graphql").GraphQLObjectType;
    for (const field of Object.values(account.getFields())) {
      if (field.name === "businessId" || field.name === "customerId") continue;
      counts.entityFields++;
      const query = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on CustomerAccount { ${field.name} ${selectionFor(field.type)} } } }`;
      const ask = (victim: Victim, headers: Record<string, string>, url = `${shardX}/graphql`) =>
        postGraphQL(url, query, { variables: { r: [{ __typename: "CustomerAccount", businessId: victim.businessId, customerId: victim.customerId }] }, headers });
      const onlyX = { ...aIdentity, accounts: (aIdentity as { accounts: { businessId: string; customerId: string }[] }).accounts.filter((a) => a.businessId === X) };
      const rows: [string, Victim, Record<string, string>][] = [
        ["A asks for B's account at X", victims.bAtX, signed(aIdentity)],
        ["A with X only asks for A's account at Y", victims.aAtY, signed(onlyX as Identity)],
        ["A in test mode asks for A's live account at X", victims.aLiveAtX, signed(aIdentity)],
        ["anonymous asks for B's account at X", victims.bAtX, signed({ kind: "anonymous" })],
        ["merchant of Y asks for B's account at X", victims.bAtX, signed({ kind: "merchant", businessId: Y, mode: "test", merchantUserId: "mu_y" })],
        ["unsigned call asks for B's account at X", victims.bAtX, {}],
        ["forged signature asks for B's account at X", victims.bAtX, signed(aIdentity, "forged-secret".padEnd(48, "!"))],
      ];
      for (const [label, victim, headers] of rows) {
        const response = await ask(victim, headers);
        judge(`_entities.${field.name}: ${label}`, { ...response, data: response.data ? { entity: (response.data as any)._entities?.[0] } : response.data }, victim, "entity", true);
      }
      const viaGateway = await postGraphQL(`${system.gatewayUrl}/graphql`, query, { variables: { r: [{ __typename: "CustomerAccount", businessId: X, customerId: victims.bAtX.customerId }] }, headers: { cookie: cookies.a } });
      cells++;
      if (viaGateway.data?._entities || viaGateway.status === 200) failures.push(`_entities.${field.name}: reachable through the gateway`);
    }

    // 2. Customer-graph root fields through the gateway.
    for (const [operation, field] of rootFields(supergraph)) {
      if (inaccessibleRootFields.has(field.name)) continue;
      counts.customerRootFields++;
      const isPublic = field.name in PUBLIC_FIELDS;
      const routedByHeader = (graphOf(field) as { value?: string } | undefined)?.value === "BUSINESS";
      for (const call of callsFor(field, operation, victims.bAtX)) {
        judge(`${field.name}: no identity`, await gateway(call, undefined, X), victims.bAtX, field.name, !isPublic);
        if (call.targeted || isPublic) judge(`${field.name}: A asks for B's rows at X`, await gateway(call, cookies.a, X), victims.bAtX, field.name, !isPublic);
      }
      if (isTargeted(field) || routedByHeader) {
        for (const call of callsFor(field, operation, victims.aAtY)) judge(`${field.name}: A with X only, at Y`, await gateway(call, cookies.aOnlyX, Y), victims.aAtY, field.name, !isPublic);
      }
      if (isTargeted(field)) {
        for (const call of callsFor(field, operation, victims.aLiveAtX)) judge(`${field.name}: A test session, A's live rows`, await gateway(call, cookies.a, X), victims.aLiveAtX, field.name, !isPublic);
      }
    }

    // 3. Merchant root fields (the business subgraph's root fields) at /business/{id}/graphql.
    for (const [operation, field] of rootFields(businessSchema)) {
      counts.merchantRootFields++;
      const merchantOnly = inaccessibleRootFields.has(field.name);
      for (const call of callsFor(field, operation, victims.customerAtY)) {
        if (call.targeted) judge(`${field.name}: key of X asks for Y's rows`, await merchant(X, call, { authorization: `Bearer ${keyX}` }), victims.customerAtY, field.name, true);
        judge(`${field.name}: key of X at Y's endpoint`, await merchant(Y, call, { authorization: `Bearer ${keyX}` }), victims.customerAtY, field.name, true);
        judge(`${field.name}: no key`, await merchant(X, call, {}), victims.customerAtY, field.name, true);
        judge(`${field.name}: a customer's session cookie`, await merchant(X, call, { cookie: cookies.a }), victims.customerAtY, field.name, true);
        judge(`${field.name}: shard merchant route, forged identity`, await merchant(X, call, signed({ kind: "merchant", businessId: X, mode: "test", merchantUserId: "mu" }, "forged-secret".padEnd(48, "!")), shardX), victims.customerAtY, field.name, true);
        judge(`${field.name}: shard /graphql unsigned`, await postGraphQL(`${shardX}/graphql`, call.query, { variables: call.variables }), victims.customerAtY, field.name, true);
        if (merchantOnly) judge(`${field.name}: shard /graphql as a signed person`, await postGraphQL(`${shardX}/graphql`, call.query, { variables: call.variables, headers: signed(aIdentity) }), victims.customerAtY, field.name, true);
      }
      for (const call of callsFor(field, operation, victims.aLiveAtX)) {
        // Other mode: targeted calls must be refused; untargeted reads must not carry live rows.
        if (call.targeted) judge(`${field.name}: test key of X asks for X's live rows`, await merchant(X, call, { authorization: `Bearer ${keyX}` }), victims.aLiveAtX, field.name, true);
        else if (operation === "query") judge(`${field.name}: test key of X lists`, await merchant(X, call, { authorization: `Bearer ${keyX}` }), victims.aLiveAtX, field.name, false);
      }
    }

    const afterHash = await victimRowsHash(client, Object.values(victims));
    console.log(
      `[S7] ${cells} cells: ${counts.entityFields} CustomerAccount fields, ${counts.customerRootFields} customer root fields, ${counts.merchantRootFields} merchant root fields; ${failures.length} failures`,
    );
    expect(failures).toEqual([]);
    expect(afterHash).toBe(beforeHash);
    expect(cells).toBeGreaterThan(100);
  }, 180_000);
});

function isTargeted(field: GraphQLField<unknown, unknown>): boolean {
  return callsFor(field, "query", victims.bAtX).some((call) => call.targeted);
}
