import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../scripts/src/stack.ts";
import { postGraphQL } from "../support/graphql-client.ts";

// Below the ephemeral range (32768+), so no outgoing connection holds one of them (see support/ports.ts).
const base = 20_000 + Math.floor(Math.random() * 12_000);
const ports = { GATEWAY_PORT: base, ACCOUNTS_PORT: base + 1, SHARD1_PORT: base + 2, SHARD2_PORT: base + 3, EMBEDDED_DB_PORT: base + 4 };
const origin = `http://127.0.0.1:${ports.GATEWAY_PORT}`;

/** Runs the launcher as `./billfold start` does, on the embedded database, until it has printed everything. */
function launch(dataDir: string): Promise<{ child: ChildProcess; output: () => string }> {
  const env: Record<string, string | undefined> = { ...process.env, DATA_DIR: dataDir, NODE_ENV: "development", ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])) };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/src/start.ts"], { cwd: REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`start did not come up:\n${output}`)), 150_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Press Ctrl-C to stop")) {
        clearTimeout(timer);
        resolve({ child, output: () => output });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`start exited (${code}):\n${output}`));
    });
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once("exit", (code) => resolve(code));
    child.kill("SIGINT");
  });
}

describe("./billfold start on the embedded database", () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "billfold-start-"));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it("serves GraphQL and the SPA on one origin, stops cleanly, and keeps data across a restart", async () => {
    const first = await launch(dataDir);
    let customerEmail = "";
    try {
      const demo = JSON.parse(await readFile(join(dataDir, "demo.json"), "utf8"));
      expect(demo.person).toBe("demo@billfold.dev");
      const business = demo.businesses[0];
      expect(first.output()).toContain(business.testApiKey);
      expect(first.output()).toContain(`http://localhost:${ports.GATEWAY_PORT}/test/login/${business.id}`);

      const spa = await fetch(`${origin}/b/${business.id}`);
      expect(spa.status).toBe(200);
      expect(await spa.text()).toContain('<div id="app"');

      const branding = await postGraphQL(`${origin}/graphql`, "query($id: ID!) { business(id: $id) { name } }", { variables: { id: business.id } });
      expect(branding.data?.business?.name).toBe(business.name);

      customerEmail = `restart.${Date.now()}@example.com`;
      const created = await postGraphQL(`${origin}/business/${business.id}/graphql`, `mutation { createCustomer(input: { email: "${customerEmail}" }) { id } }`, {
        headers: { authorization: `Bearer ${business.testApiKey}` },
      });
      expect(created.errors).toBeUndefined();
    } finally {
      expect(await stop(first.child)).toBe(0);
    }

    const second = await launch(dataDir);
    try {
      const demo = JSON.parse(await readFile(join(dataDir, "demo.json"), "utf8"));
      const business = demo.businesses[0];
      const found = await postGraphQL(`${origin}/business/${business.id}/graphql`, `query { customers(search: "${customerEmail}") { totalCount } }`, {
        headers: { authorization: `Bearer ${business.testApiKey}` },
      });
      expect(found.data?.customers.totalCount).toBe(1);
    } finally {
      expect(await stop(second.child)).toBe(0);
    }
  }, 360_000);
});
