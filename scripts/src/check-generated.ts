import { execFileSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isSupergraphCurrent } from "../../schema/compose.ts";
import { isBusinessSdlCurrent } from "../../schema/print-business-sdl.ts";
import { REPO_ROOT } from "./stack.ts";

/**
 * Proves every generated file is current: the supergraph and the business SDL (re-printed from the
 * subgraphs), then the web's typed operations of both codegen targets (regenerated into temporary
 * folders and compared file by file with the checked-in ones).
 */
const problems: string[] = [];

const [supergraphCurrent, businessSdlCurrent] = await Promise.all([isSupergraphCurrent(), isBusinessSdlCurrent()]);
if (!supergraphCurrent) problems.push("schema/supergraph.graphql is stale");
if (!businessSdlCurrent) problems.push("schema/business.graphql is stale");
if (problems.length) problems.push("run `./billfold compose`, then `pnpm --filter @billfold/web codegen`, and commit");

const targets = [
  { folder: "web/src/gql", env: "BILLFOLD_CODEGEN_OUT" },
  { folder: "web/src/gql-merchant", env: "BILLFOLD_CODEGEN_MERCHANT_OUT" },
];
const fresh = await Promise.all(targets.map((target) => mkdtemp(join(tmpdir(), `billfold-${target.folder.split("/").at(-1)}-`))));
try {
  execFileSync("pnpm", ["--filter", "@billfold/web", "codegen"], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...Object.fromEntries(targets.map((target, i) => [target.env, `${fresh[i]}/`])) },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (const [i, target] of targets.entries()) {
    const generated = join(REPO_ROOT, target.folder);
    const files = (await readdir(generated).catch(() => [] as string[])).sort();
    const freshFiles = (await readdir(fresh[i])).sort();
    const stale: string[] = [];
    if (files.join() !== freshFiles.join()) stale.push(`file list: ${files.join(", ")} vs ${freshFiles.join(", ")}`);
    for (const file of freshFiles) {
      const [a, b] = await Promise.all([readFile(join(generated, file), "utf8").catch(() => ""), readFile(join(fresh[i], file), "utf8")]);
      if (a !== b) stale.push(file);
    }
    if (stale.length) problems.push(`${target.folder} is stale (${stale.join("; ")}): run \`pnpm --filter @billfold/web codegen\` and commit`);
  }
} finally {
  await Promise.all(fresh.map((folder) => rm(folder, { recursive: true, force: true })));
}

if (problems.length) {
  for (const problem of problems) console.error(problem);
  process.exit(1);
}
console.log("schema/supergraph.graphql, schema/business.graphql, web/src/gql and web/src/gql-merchant are current");
