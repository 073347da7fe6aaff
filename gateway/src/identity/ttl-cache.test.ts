import { describe, expect, it } from "vitest";
import { TtlCache } from "./ttl-cache.ts";

describe("TtlCache", () => {
  it("forgets entries after their time to live", () => {
    let now = 0;
    const cache = new TtlCache<string, number>(10, 100, () => now);
    cache.set("a", 1);
    now = 99;
    expect(cache.get("a")).toBe(1);
    now = 100;
    expect(cache.get("a")).toBeUndefined();
  });

  it("evicts the least recently used entry when full", () => {
    const cache = new TtlCache<string, number>(2, 1_000);
    cache.set("a", 1);
    cache.set("b", 2);
    cache.get("a");
    cache.set("c", 3);
    expect([cache.get("a"), cache.get("b"), cache.get("c")]).toEqual([1, undefined, 3]);
    expect(cache.size).toBe(2);
  });

  it("keeps nothing when the time to live is zero", () => {
    const cache = new TtlCache<string, number>(2, 0);
    cache.set("a", 1);
    expect(cache.get("a")).toBeUndefined();
  });
});
