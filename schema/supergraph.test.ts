import { describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import { composeSupergraph, SUPERGRAPH_PATH } from "./compose.ts";
import { BUSINESS_SDL_PATH, printBusinessSdl } from "./print-business-sdl.ts";

describe("schema/supergraph.graphql", () => {
  it("is what composing the subgraphs gives today (run ./billfold compose after a schema change)", async () => {
    const onDisk = await readFile(SUPERGRAPH_PATH, "utf8");
    expect(onDisk).toBe(await composeSupergraph());
  });
});

describe("schema/business.graphql", () => {
  it("is the business subgraph's merchant API today (run ./billfold compose after a schema change)", async () => {
    const onDisk = await readFile(BUSINESS_SDL_PATH, "utf8");
    expect(onDisk).toBe(await printBusinessSdl());
  });

  it("leaves out the federation plumbing but keeps the merchant-only fields", async () => {
    const sdl = await printBusinessSdl();
    expect(sdl).not.toMatch(/^\s*(_entities|_service)\b|\b_Any\b|\b_Entity\b|@inaccessible/m);
    expect(sdl).toMatch(/\bcustomers\(/);
    expect(sdl).toMatch(/\bapiKeys: \[ApiKeyInfo!\]!/);
  });
});
