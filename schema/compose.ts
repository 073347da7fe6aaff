import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { composeServices } from "@apollo/composition";
import { parse } from "graphql";
import { buildAccountsSchema } from "@billfold/accounts/schema";
import { buildBusinessSchema } from "@billfold/business/schema";

export const SUPERGRAPH_PATH = fileURLToPath(new URL("./supergraph.graphql", import.meta.url));

/**
 * Composes the subgraphs' SDL into the static supergraph the gateway loads from disk.
 * The URLs are placeholders: the gateway routes by subgraph name (accounts, or a business shard).
 */
export async function composeSupergraph(): Promise<string> {
  const [accounts, business] = await Promise.all([buildAccountsSchema(), buildBusinessSchema()]);
  const result = composeServices([
    { name: "accounts", url: "http://accounts.billfold.internal/graphql", typeDefs: parse(accounts.sdl) },
    { name: "business", url: "http://business.billfold.internal/graphql", typeDefs: parse(business.sdl) },
  ]);
  if (result.errors?.length) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `  ${e.message}`).join("\n")}`);
  }
  return `${result.supergraphSdl!.trimEnd()}\n`;
}

export async function isSupergraphCurrent(): Promise<boolean> {
  const [onDisk, fresh] = await Promise.all([readFile(SUPERGRAPH_PATH, "utf8").catch(() => ""), composeSupergraph()]);
  return onDisk === fresh;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeFile(SUPERGRAPH_PATH, await composeSupergraph());
  console.log(`wrote ${SUPERGRAPH_PATH}`);
}
