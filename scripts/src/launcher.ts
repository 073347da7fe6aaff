import { join } from "node:path";
import { migrateAccounts } from "@billfold/accounts";
import { migrateBusiness } from "@billfold/business";
import { identitySecret, loadLauncherConfig } from "./config.ts";
import { startEmbeddedDatabase } from "./embedded-db.ts";
import { seedDemo } from "./seed/seed-demo.ts";
import { type RunningService, type ServiceSpec, startService, stopServices, waitHealthy } from "./stack.ts";

export interface LaunchOptions {
  /** Also run Vite's dev server with hot reload on :5173 (it proxies the API to the gateway). */
  viteDev?: boolean;
}

/**
 * Billfold on one machine: embedded PostgreSQL unless DATABASE_URL is set, migrations, the demo
 * seed, then accounts, two business shards and the gateway as child processes. Ctrl-C stops all.
 */
export async function launch(options: LaunchOptions = {}): Promise<void> {
  const config = loadLauncherConfig();
  const secret = await identitySecret(config);
  const embedded = config.DATABASE_URL ? null : await startEmbeddedDatabase(join(config.DATA_DIR, "pglite"), config.EMBEDDED_DB_PORT);
  const databaseUrl = config.DATABASE_URL ?? embedded!.url;
  console.log(embedded ? `Embedded PostgreSQL (data in ${config.DATA_DIR}/pglite)` : "Using DATABASE_URL");

  await migrateAccounts(databaseUrl);
  await migrateBusiness(databaseUrl);
  const demo = await seedDemo({ databaseUrl, dataDir: config.DATA_DIR, identitySecret: secret });

  const host = "127.0.0.1";
  const accountsUrl = `http://${host}:${config.ACCOUNTS_PORT}`;
  const shards = { shard1: `http://${host}:${config.SHARD1_PORT}`, shard2: `http://${host}:${config.SHARD2_PORT}` };
  const common = {
    NODE_ENV: config.NODE_ENV,
    DATABASE_URL: databaseUrl,
    IDENTITY_SECRET: secret,
    PUBLIC_URL: config.PUBLIC_URL,
    ACCOUNTS_URL: accountsUrl,
    // LISTEN/NOTIFY does not pass through the embedded database's socket: workers poll there.
    JOBS_LISTEN_NOTIFY: embedded ? "false" : "true",
  };
  const shardList = Object.entries(shards).map(([k, v]) => `${k}=${v}`).join(",");
  const specs: ServiceSpec[] = [
    { name: "accounts", entry: "subgraphs/accounts/src/main.ts", env: { ...common, PORT: String(config.ACCOUNTS_PORT), SHARDS: shardList }, healthUrl: `${accountsUrl}/health` },
    ...Object.entries(shards).map(([shard, url]) => ({
      name: shard,
      entry: "subgraphs/business/src/main.ts",
      env: { ...common, SHARD_ID: shard, PORT: new URL(url).port },
      healthUrl: `${url}/health`,
    })),
    {
      name: "gateway",
      entry: "gateway/src/main.ts",
      env: { ...common, PORT: String(config.GATEWAY_PORT), SHARDS: shardList },
      healthUrl: `http://${host}:${config.GATEWAY_PORT}/health`,
    },
  ];

  if (options.viteDev) {
    specs.push({ name: "vite", entry: "web/node_modules/vite/bin/vite.js", env: {}, healthUrl: "http://localhost:5173/", cwd: "web" });
  }

  const services: RunningService[] = [];
  let stopping = false;
  async function shutdown(code: number) {
    if (stopping) return;
    stopping = true;
    console.log("\nStopping Billfold…");
    await stopServices(services);
    await embedded?.stop();
    process.exit(code);
  }
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    for (const [index, spec] of specs.entries()) {
      const service = startService(spec, index);
      services.push(service);
      service.child.on("exit", (code, signal) => {
        if (!stopping) console.error(`${spec.name} stopped (${signal ?? `exit ${code}`})`);
      });
    }
    await Promise.all(services.map((service) => waitHealthy(service)));
    const origin = config.PUBLIC_URL.replace(/\/$/, "");
    console.log(`
  Billfold is running.

    Portal (unified)   ${origin}/test/login     demo person: ${demo.person} (test mode; live: ${origin}/login)
    GraphQL            ${origin}/graphql
    Playground         ${origin}/playground
    Dev mailbox        ${origin}/dev/mailbox

  Demo businesses (test mode):`);
    for (const business of demo.businesses) {
      console.log(`  ${business.name.padEnd(22)} ${business.shard}  ${origin}/test/login/${business.id}`);
      console.log(`  ${"".padEnd(22)}         merchant endpoint ${origin}/business/${business.id}/graphql  key ${business.testApiKey}`);
    }
    if (options.viteDev) console.log("\n  Hot-reloading web app  http://localhost:5173");
    console.log(`\nDemo data: ${join(config.DATA_DIR, "demo.json")}. Press Ctrl-C to stop.`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await shutdown(1);
  }
}
