import { describe, expect, it } from "vitest";
import { loadGatewayConfig } from "./config.ts";

const secret = "x".repeat(32);

describe("gateway config", () => {
  it("defaults to the local stack and turns introspection and the playground on outside production", () => {
    const config = loadGatewayConfig({ IDENTITY_SECRET: secret });

    expect(config.PORT).toBe(4000);
    expect(config.ACCOUNTS_URL).toBe("http://127.0.0.1:4001");
    expect([...config.SHARDS]).toEqual([
      ["shard1", "http://127.0.0.1:4101"],
      ["shard2", "http://127.0.0.1:4102"],
    ]);
    expect(config.SHARD_TIMEOUT_MS).toBe(1500);
    expect(config.SUPERGRAPH_PATH).toMatch(/schema\/supergraph\.graphql$/);
    expect(config.WEB_DIST).toMatch(/web\/dist$/);
    expect([config.INTROSPECTION, config.PLAYGROUND]).toEqual([true, true]);
  });

  it("turns introspection and the playground off in production unless asked", () => {
    expect(loadGatewayConfig({ IDENTITY_SECRET: secret, NODE_ENV: "production" })).toMatchObject({ INTROSPECTION: false, PLAYGROUND: false });
    expect(loadGatewayConfig({ IDENTITY_SECRET: secret, NODE_ENV: "production", INTROSPECTION: "true" }).INTROSPECTION).toBe(true);
  });

  it("rejects a malformed shard list with a clear message", () => {
    expect(() => loadGatewayConfig({ IDENTITY_SECRET: secret, SHARDS: "shard1" })).toThrow(/SHARDS.*not name=url/s);
  });
});
