import { fileURLToPath } from "node:url";
import { parseEnv, parseShardList, sharedEnv } from "@billfold/shared";
import { z } from "zod";

const repoPath = (relative: string) => fileURLToPath(new URL(`../../${relative}`, import.meta.url));

const flag = z
  .enum(["true", "false", "1", "0", "on", "off"])
  .transform((value) => value === "true" || value === "1" || value === "on");

const shardList = z
  .string()
  .default("shard1=http://127.0.0.1:4101,shard2=http://127.0.0.1:4102")
  .transform((value, ctx) => {
    try {
      const shards = parseShardList(value);
      if (shards.size === 0) ctx.addIssue({ code: "custom", message: "SHARDS names no shard" });
      return shards;
    } catch (error) {
      ctx.addIssue({ code: "custom", message: (error as Error).message });
      return z.NEVER;
    }
  });

const gatewayEnv = sharedEnv
  .extend({
    // The gateway keeps no data of its own.
    DATABASE_URL: z.string().optional(),
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    ACCOUNTS_URL: z.url().default("http://127.0.0.1:4001").transform((url) => url.replace(/\/$/, "")),
    SHARDS: shardList,
    /** Budget for one shard's share of an `_entities` fan-out; past it that shard's entities are null. */
    SHARD_TIMEOUT_MS: z.coerce.number().int().positive().default(1500),
    /** After a shard fails, answers skip it at once for this long, then probe it one call at a time (0: off). */
    SHARD_BREAKER_MS: z.coerce.number().int().nonnegative().default(1000),
    /** Budget for calls that must not be cut short as eagerly: accounts, business root operations, merchant proxy. */
    SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
    /** Whole-request budget at the gateway (504 past it); also bounds receiving a slow request. Keep above SUBGRAPH_TIMEOUT_MS. */
    REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
    SUPERGRAPH_PATH: z.string().default(repoPath("schema/supergraph.graphql")),
    WEB_DIST: z.string().default(repoPath("web/dist")),
    INTROSPECTION: flag.optional(),
    PLAYGROUND: flag.optional(),
    ROUTING_CACHE_MS: z.coerce.number().int().nonnegative().default(30_000),
    IDENTITY_CACHE_MS: z.coerce.number().int().nonnegative().default(5_000),
    TRUST_PROXY: flag.default(false),
    /** Identical subgraph queries in flight at once (same subgraph, identity and body) share one call. */
    SUBGRAPH_DEDUPE: flag.default(true),
  })
  .transform((env) => ({
    ...env,
    INTROSPECTION: env.INTROSPECTION ?? env.NODE_ENV !== "production",
    PLAYGROUND: env.PLAYGROUND ?? env.NODE_ENV !== "production",
  }));

export type GatewayConfig = z.infer<typeof gatewayEnv>;

/** Parses the gateway's settings once at start-up. */
export function loadGatewayConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  return parseEnv(gatewayEnv, env);
}
