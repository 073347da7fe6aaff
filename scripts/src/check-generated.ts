import { execFileSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "./stack.ts";

/** Regenerates the web's typed operations into a temporary folder and compares with the checked-in ones. */
const generated = join(REPO_ROOT, "web/src/gql");
const fresh = await mkdtemp(join(tmpdir(), "billfold-gql-"));
try {
  execFileSync("pnpm", ["--filter", "@billfold/web", "codegen"], {
    cwd: REPO_ROOT,
    env: { ...process.env, BILLFOLD_CODEGEN_OUT: `${fresh}/` },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const files = (await readdir(generated)).sort();
  const freshFiles = (await readdir(fresh)).sort();
  const stale: string[] = [];
  if (files.join() !== freshFiles.join()) stale.push(`file list: ${files.join(", ")} vs ${freshFiles.join(", ")}`);
  for (const file of freshFiles) {
    const [a, b] = await Promise.all([readFile(join(generated, file), "utf8").catch(() => ""), readFile(join(fresh, file), "utf8")]);
    if (a !== b) stale.push(file);
  }
  if (stale.length) {
    console.error(`web/src/gql is stale (${stale.join("; ")}): run \`pnpm --filter @billfold/web codegen\` and commit.`);
    process.exit(1);
  }
  console.log("web/src/gql is current");
} finally {
  await rm(fresh, { recursive: true, force: true });
}
