import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAccountsApp, migrateAccounts, openAccountsDatabase, parseAccountsConfig } from "@billfold/accounts";
import { createBusinessApp, loadBusinessConfig, migrateBusiness, openBusinessDatabase } from "@billfold/business";
import { createGateway, loadGatewayConfig } from "@billfold/gateway";
import { createTestDatabase, type TestDatabase } from "@billfold/shared/testing/test-database";
import type { MikroORM } from "@mikro-orm/postgresql";
import type { FastifyInstance } from "fastify";
import { type DemoManifest, seedDemo } from "../../scripts/src/seed/seed-demo.ts";
import { freePort } from "./ports.ts";

export const IDENTITY_SECRET = "system-test-secret-".padEnd(48, "x");
const SHARD_IDS = ["shard1", "shard2"] as const;
export type ShardId = (typeof SHARD_IDS)[number];

interface Shard {
  id: ShardId;
  port: number;
  orm: MikroORM;
  close: (() => Promise<void>) | null;
}

export interface BillfoldSystem {
  db: TestDatabase;
  demo: DemoManifest;
  gatewayUrl: string;
  /** The origin links are built from (localhost, the gateway's port): what a browser opens. */
  publicUrl: string;
  accountsUrl: string;
  shardUrl(id: ShardId): string;
  /** Stops a shard's HTTP server and workers (as if its process died). */
  stopShard(id: ShardId): Promise<void>;
  startShard(id: ShardId): Promise<void>;
  /** The accounts database, for test helpers that create sessions directly. */
  accountsOrm: MikroORM;
  businessOrm: MikroORM;
  close(): Promise<void>;
}


async function listenOn(app: FastifyInstance, port = 0): Promise<number> {
  await app.listen({ port, host: "127.0.0.1" });
  const address = app.server.address();
  return typeof address === "object" && address ? address.port : port;
}

/**
 * The whole of Billfold in this process, over real HTTP on loopback: accounts, two business
 * shards and the gateway, on a fresh migrated database with the demo seeded.
 */
export async function startSystem(options: { shardTimeoutMs?: number; env?: Record<string, string> } = {}): Promise<BillfoldSystem> {
  const db = await createTestDatabase();
  const dataDir = await mkdtemp(join(tmpdir(), "billfold-system-"));
  await migrateAccounts(db.url);
  await migrateBusiness(db.url);
  const demo = await seedDemo({ databaseUrl: db.url, dataDir, identitySecret: IDENTITY_SECRET });
  const gatewayPort = await freePort();
  const publicUrl = `http://localhost:${gatewayPort}`;
  const common = { NODE_ENV: "test", DATABASE_URL: db.url, IDENTITY_SECRET, PUBLIC_URL: publicUrl, ...options.env };

  // Shard ports are known up front: accounts calls the shards (a confirmed email change) by URL.
  const shardPorts = new Map<ShardId, number>();
  for (const id of SHARD_IDS) shardPorts.set(id, await freePort());
  const SHARDS = SHARD_IDS.map((id) => `${id}=http://127.0.0.1:${shardPorts.get(id)}`).join(",");
  const accountsOrm = await openAccountsDatabase(db.url, { poolMax: 4 });
  const accounts = await createAccountsApp({ config: parseAccountsConfig({ ...common, INTROSPECTION: "true", SHARDS }), orm: accountsOrm });
  const accountsUrl = `http://127.0.0.1:${await listenOn(accounts.app)}`;

  const businessOrm = await openBusinessDatabase(db.url, { poolMax: 4 });
  const shards = new Map<ShardId, Shard>();
  const startShard = async (id: ShardId) => {
    const shard = shards.get(id) ?? { id, port: shardPorts.get(id)!, orm: businessOrm, close: null };
    const config = loadBusinessConfig({ ...common, SHARD_ID: id, ACCOUNTS_URL: accountsUrl, PORT: String(shard.port) });
    const business = await createBusinessApp({ config, orm: businessOrm, jobsPollingIntervalSeconds: 0.5 });
    shard.port = await listenOn(business.app, shard.port);
    shard.close = business.close;
    shards.set(id, shard);
  };
  for (const id of SHARD_IDS) await startShard(id);
  const shardUrl = (id: ShardId) => `http://127.0.0.1:${shards.get(id)!.port}`;

  const gateway = await createGateway({
    config: loadGatewayConfig({
      ...common,
      PORT: "0",
      ACCOUNTS_URL: accountsUrl,
      SHARDS: SHARD_IDS.map((id) => `${id}=${shardUrl(id)}`).join(","),
      SHARD_TIMEOUT_MS: String(options.shardTimeoutMs ?? 1500),
      INTROSPECTION: "true",
    }),
  });
  const gatewayUrl = `http://127.0.0.1:${await listenOn(gateway.app, gatewayPort)}`;

  return {
    db,
    demo,
    gatewayUrl,
    publicUrl,
    accountsUrl,
    shardUrl,
    accountsOrm,
    businessOrm,
    async stopShard(id) {
      const shard = shards.get(id)!;
      await shard.close?.();
      shard.close = null;
    },
    startShard,
    async close() {
      await gateway.close();
      for (const shard of shards.values()) await shard.close?.();
      await accounts.close();
      await accountsOrm.close();
      await businessOrm.close();
      await db.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
