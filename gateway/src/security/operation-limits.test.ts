import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { buildSchema, getIntrospectionQuery, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { DEFAULT_OPERATION_LIMITS, checkOperationLimits, isIntrospectionOnly, measureOperations } from "./operation-limits.ts";

const repo = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const schema = buildSchema(`
  type Query { viewer: Viewer, customers(first: Int = 20): CustomerConnection!, a: A }
  type A { b: A, n: Int }
  type Viewer { email: String, accounts: [Account!]! }
  type Account { id: ID, invoices(first: Int = 20): [Invoice!] }
  type Invoice { id: ID, lines: [Line!]! }
  type Line { amount: Int }
  type CustomerConnection { nodes: [Customer!]!, totalCount: Int! }
  type Customer { id: ID }
`);

/** F0 { n } F1 { ...F0 ...F0 } … Fk: 2^k selections once expanded (GHSA-q2f9-x4p4-7xmh shape). */
function fragmentExplosion(levels: number, type = "A", field = "n"): string {
  const fragments = [`fragment F0 on ${type} { ${field} }`];
  for (let i = 1; i <= levels; i++) fragments.push(`fragment F${i} on ${type} { ...F${i - 1} ...F${i - 1} }`);
  return `query { a { ...F${levels} } } ${fragments.join(" ")}`;
}

describe("operation limits", () => {
  it("measures depth, fields, aliases and cost with fragments expanded", () => {
    const [metrics] = measureOperations(parse("{ viewer { email accounts { x: id invoices(first: 5) { id lines { amount } } } } customers { nodes { id } } }"), { schema }).values();
    expect(metrics).toMatchObject({ depth: 5, fields: 11, aliases: 1 });
    // viewer 1 + email 1 + accounts (list ×10) × (id 1 + invoices(first 5) × (id + lines(×10 … paged, so ×1) ×1 amount))
    expect(metrics.cost).toBe(1 + 1 + 1 + 10 * (1 + 1 + 5 * (1 + 1 + 1)) + 1 + 20 * (1 + 1));
  });

  it("counts an exponential fragment expansion without expanding it", () => {
    const started = performance.now();
    const [metrics] = measureOperations(parse(fragmentExplosion(60))).values();
    expect(metrics.fields).toBe(Number.MAX_SAFE_INTEGER / 4);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it.each([
    ["depth", `{ a { ${"b { ".repeat(12)} n ${"} ".repeat(12)} } }`, "maxDepth"],
    ["aliases", `{ ${Array.from({ length: 201 }, (_, i) => `a${i}: viewer { email }`).join(" ")} }`, "maxAliases"],
    ["fields", `{ viewer { ${Array.from({ length: 501 }, () => "email").join(" ")} } }`, "maxFields"],
    ["a page size", "{ customers(first: 1000000) { nodes { id } } }", "maxCost"],
    ["fragment expansion", fragmentExplosion(7), "maxFragmentSpreads"],
    ["fragment nesting", fragmentExplosion(9).replace(/\.\.\.F(\d+) \.\.\.F\1/g, "...F$1"), "maxFragmentDepth"],
    ["tokens", `{ viewer { ${"email ".repeat(7000)} } }`, "maxTokens"],
  ])("refuses too much %s with GRAPHQL_VALIDATION_FAILED", (_label, source, limit) => {
    const error = checkOperationLimits(source, { schema });
    expect(error?.extensions).toMatchObject({ code: "GRAPHQL_VALIDATION_FAILED", limit });
  });

  it("reads page sizes from variables", () => {
    const source = "query ($n: Int) { customers(first: $n) { nodes { id } } }";
    expect(checkOperationLimits(source, { schema, variables: { n: 10 } })).toBeNull();
    expect(checkOperationLimits(source, { schema, variables: { n: 1_000_000 } })?.extensions.limit).toBe("maxCost");
  });

  it("refuses an operationName the document does not hold, or a missing one among several operations", () => {
    expect(checkOperationLimits("query A { viewer { email } }", { operationName: "B" })?.extensions.code).toBe("OPERATION_RESOLUTION_FAILURE");
    expect(checkOperationLimits("query A { viewer { email } } query B { viewer { email } }")?.extensions.code).toBe("OPERATION_RESOLUTION_FAILURE");
    expect(checkOperationLimits("query A { viewer { email } } query B { viewer { email } }", { operationName: "B" })).toBeNull();
    expect(checkOperationLimits("{ viewer { email } }")).toBeNull();
  });

  it("leaves syntax errors to Apollo", () => {
    expect(checkOperationLimits("{ viewer { ")).toBeNull();
  });

  it("lets every operation the web app sends through against the real supergraph", async () => {
    const supergraph = buildSchema(await readFile(repo("schema/supergraph.graphql"), "utf8"), { assumeValidSDL: true });
    const generated = await readFile(repo("web/src/gql/gql.ts"), "utf8");
    const documents = [...generated.matchAll(/^ {4}("(?:[^"\\]|\\.)*"): typeof types\./gm)].map((match) => JSON.parse(match[1]) as string);
    expect(documents.length).toBeGreaterThan(10);
    const fragments = documents.filter((source) => source.trim().startsWith("fragment")).join("\n");
    for (const source of documents.filter((doc) => !doc.trim().startsWith("fragment"))) {
      const used = `${source}\n${fragments}`;
      const error = checkOperationLimits(used, { schema: supergraph, limits: DEFAULT_OPERATION_LIMITS });
      expect(error, source).toBeNull();
    }
  });

  it("lets GraphiQL's schema query through when introspection is served, and measures it like any other when it is not", () => {
    const schemaQuery = getIntrospectionQuery();
    expect(checkOperationLimits(schemaQuery, { introspection: true })).toBeNull();
    expect(checkOperationLimits(schemaQuery, { introspection: false })?.extensions.limit).toBe("maxDepth");
    const mixed = `{ __schema { types { name } } viewer { email } }`;
    expect(isIntrospectionOnly(parse(mixed))).toBe(false);
  });
});

