import { describe, expect, it } from "vitest";
import type { SubgraphHttp } from "../http/subgraph-http.ts";
import { BusinessDirectory } from "./business-directory.ts";

function fakeAccounts() {
  const state = {
    calls: 0,
    down: false,
    businesses: [{ id: "biz_a", name: "Acme", shard: "shard1" }],
  };
  const http = {
    json: async () => {
      state.calls++;
      if (state.down) throw new Error("ECONNREFUSED");
      return { businesses: state.businesses.map((b) => ({ ...b })) };
    },
  } as unknown as SubgraphHttp;
  return { state, http };
}

function directory(http: SubgraphHttp, clock: { now: number }) {
  return new BusinessDirectory({
    accountsUrl: "http://accounts",
    shards: new Map([["shard1", "http://shard1"]]),
    http,
    serviceIdentity: () => "signed",
    cacheMs: 10_000,
    timeoutMs: 100,
    missReloadMs: 1_000,
    now: () => clock.now,
    sleep: async (ms) => {
      clock.now += ms;
    },
  });
}

describe("BusinessDirectory", () => {
  it("routes from the cached table and knows each business's shard URL", async () => {
    const { state, http } = fakeAccounts();
    const clock = { now: 0 };
    const routes = directory(http, clock);

    await routes.route("biz_a");
    clock.now = 9_999;
    const route = await routes.route("biz_a");

    expect(route).toEqual({ id: "biz_a", name: "Acme", shard: "shard1", url: "http://shard1" });
    expect(state.calls).toBe(1);
  });

  it("reloads on an unknown id at most once per miss interval, waiting for the next one", async () => {
    const { state, http } = fakeAccounts();
    const clock = { now: 0 };
    const routes = directory(http, clock);
    await routes.route("biz_a");

    // Registered just after the table loaded: found after waiting out the interval, not refused.
    clock.now = 500;
    state.businesses.push({ id: "biz_b", name: "Bolt", shard: "shard2" });
    expect(await routes.route("biz_b")).toMatchObject({ shard: "shard2", url: undefined });
    expect(clock.now).toBe(1_000);
    expect(state.calls).toBe(2);

    expect(await routes.route("biz_b")).toBeDefined();
    expect(await routes.route("biz_zzz")).toBeUndefined();
    expect(clock.now).toBe(2_000);
    expect(state.calls).toBe(3);
  });

  it("keeps routing with the last table while accounts is down", async () => {
    const { state, http } = fakeAccounts();
    const clock = { now: 0 };
    const routes = directory(http, clock);
    await routes.route("biz_a");

    state.down = true;
    clock.now = 20_000;
    expect(await routes.route("biz_a")).toMatchObject({ shard: "shard1" });
    await new Promise((resolve) => setImmediate(resolve));
    expect(await routes.route("biz_a")).toMatchObject({ shard: "shard1" });
  });

  it("fails when it never had a table and accounts is down", async () => {
    const { state, http } = fakeAccounts();
    state.down = true;

    await expect(directory(http, { now: 0 }).route("biz_a")).rejects.toThrow("ECONNREFUSED");
  });
});
