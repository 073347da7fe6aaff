import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { createSession, directoryAccounts } from "@billfold/accounts";
import { buildBusinessSchema } from "@billfold/business/schema";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PERSON } from "../../scripts/src/seed/demo-catalog.ts";
import { postGraphQL } from "../support/graphql-client.ts";
import { type BillfoldSystem, startSystem } from "../support/system.ts";
import { leavesOf, malformedFor, withValue } from "./malformed-inputs.ts";
import { type Victim, callsFor, customerGraph, rootFields } from "./schema-calls.ts";
import { INTERNALS, RELAXED_RATE_LIMITS } from "./security-kit.ts";
import { type Sql, schemaHashes, sqlOf, victimOf } from "./tenant-rows.ts";

const SUPERGRAPH = fileURLToPath(new URL("../../schema/supergraph.graphql", import.meta.url));
const CLIENT_CODES = new Set(["BAD_USER_INPUT", "GRAPHQL_VALIDATION_FAILED", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "RATE_LIMITED"]);
const RUNS_PER_FIELD = 16;
const X = "biz_northwind";

let system: BillfoldSystem;
let client: Sql;
let self: Victim;
let cookie: string;

beforeAll(async () => {
  system = await startSystem({ env: RELAXED_RATE_LIMITS });
  client = sqlOf(system.businessOrm);
  const em = system.accountsOrm.em.fork();
  const mine = (await directoryAccounts(em, DEMO_PERSON, "test")).find((a) => a.businessId === X)!;
  // The caller's own rows fill the other arguments, so each case differs from a valid call in one place only.
  self = await victimOf(client, "own rows", { businessId: X, customerId: mine.customerId, email: DEMO_PERSON, mode: "test" });
  cookie = `bf_session=${(await createSession(em, { email: DEMO_PERSON, mode: "test" })).token}`;
});
afterAll(async () => {
  await system?.close();
});

describe("bad input fuzz (fast-check) on every mutation", () => {
  it("answers every malformed, oversized, wrong-type or boundary input with a client error and changes no row", async () => {
    const { schema: supergraph, inaccessibleRootFields } = customerGraph(await readFile(SUPERGRAPH, "utf8"));
    const { schema: businessSchema } = await buildBusinessSchema();
    const key = system.demo.businesses.find((b) => b.id === X)!.testApiKey;
    const targets = [
      ...rootFields(supergraph)
        .filter(([operation, field]) => operation === "mutation" && !inaccessibleRootFields.has(field.name))
        .map(([, field]) => ({ field, url: `${system.gatewayUrl}/graphql`, headers: { cookie, "x-billfold-business": X }, graph: "customer" })),
      ...rootFields(businessSchema)
        .filter(([operation]) => operation === "mutation")
        .map(([, field]) => ({ field, url: `${system.gatewayUrl}/business/${X}/graphql`, headers: { authorization: `Bearer ${key}` }, graph: "merchant" })),
    ].filter(({ field }) => field.args.length > 0);

    const before = await schemaHashes(client);
    const failures: string[] = [];
    const byKind = new Map<string, number>();
    let cases = 0;
    for (const target of targets) {
      const [call] = callsFor(target.field, "mutation", self);
      const leaves = leavesOf(target.field);
      const arbitrary = fc.integer({ min: 0, max: leaves.length - 1 }).chain((index) => malformedFor(leaves[index]).map((malformed) => ({ leaf: leaves[index], malformed })));
      await fc.assert(
        fc.asyncProperty(arbitrary, async ({ leaf, malformed }) => {
          cases++;
          byKind.set(malformed.kind, (byKind.get(malformed.kind) ?? 0) + 1);
          const variables = withValue(call.variables, leaf.path, malformed);
          const response = await postGraphQL(target.url, call.query, { variables, headers: target.headers });
          const codes = (response.errors ?? []).map((e) => e.extensions?.code as string);
          const where = `${target.graph} ${target.field.name}(${leaf.path.join(".")}: ${malformed.kind})`;
          if (response.status >= 500) failures.push(`${where}: HTTP ${response.status}`);
          // A Boolean mutation may refuse by answering false ("nothing ended"): no error, nothing done.
          else if (!response.errors?.length && (response.data as Record<string, unknown> | null)?.[target.field.name] === false) return;
          else if (!response.errors?.length) failures.push(`${where}: accepted ${JSON.stringify(response.data).slice(0, 120)}`);
          else if (!codes.every((code) => CLIENT_CODES.has(code))) failures.push(`${where}: ${codes.join(",")} ${response.errors[0].message.slice(0, 120)}`);
          else if (JSON.stringify(response).match(INTERNALS)) failures.push(`${where}: internal detail in ${JSON.stringify(response.errors).slice(0, 160)}`);
        }),
        { numRuns: RUNS_PER_FIELD, seed: 20261126, endOnFailure: false },
      );
    }
    const after = await schemaHashes(client);
    const changed = Object.keys(before).filter((table) => before[table] !== after[table]);
    console.log(`[fuzz] ${cases} cases over ${targets.length} mutations (${targets.map((t) => t.field.name).join(", ")}); kinds: ${[...byKind].map(([k, n]) => `${k} ${n}`).join(", ")}; ${failures.length} failures; tables changed: ${changed.join(", ") || "none"}`);
    expect([...new Set(failures)].slice(0, 30)).toEqual([]);
    expect(changed).toEqual([]);
    expect(cases).toBe(targets.length * RUNS_PER_FIELD);
  }, 180_000);

  it("refuses a new customer whose name or phone does not fit, instead of failing in the database", async () => {
    const key = system.demo.businesses.find((b) => b.id === X)!.testApiKey;
    const before = await schemaHashes(client);
    for (const input of [{ phone: "1".repeat(41) }, { name: "n".repeat(201) }]) {
      const response = await postGraphQL(`${system.gatewayUrl}/business/${X}/graphql`, "mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }", {
        variables: { input: { email: `fresh.${Date.now()}@example.com`, ...input } },
        headers: { authorization: `Bearer ${key}` },
      });
      expect(response.status).toBe(200);
      expect(response.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    }
    expect(await schemaHashes(client)).toEqual(before);
  });
});
