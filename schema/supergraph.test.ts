import { describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import { composeSupergraph, SUPERGRAPH_PATH } from "./compose.ts";

describe("schema/supergraph.graphql", () => {
  it("is what composing the subgraphs gives today (run ./billfold compose after a schema change)", async () => {
    const onDisk = await readFile(SUPERGRAPH_PATH, "utf8");
    expect(onDisk).toBe(await composeSupergraph());
  });
});
