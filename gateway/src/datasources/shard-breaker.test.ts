import { describe, expect, it } from "vitest";
import { ShardBreaker } from "./shard-breaker.ts";

describe("shard breaker", () => {
  it("refuses calls to a failed shard for the open period, then lets one probe through at a time", () => {
    let now = 0;
    const breaker = new ShardBreaker(1000, () => now);
    expect(breaker.allow("shard1")).toBe(true);
    breaker.failed("shard1");
    expect(breaker.allow("shard1")).toBe(false);
    expect(breaker.allow("shard2")).toBe(true);

    now = 1000;
    expect(breaker.allow("shard1")).toBe(true); // the probe
    expect(breaker.allow("shard1")).toBe(false); // others wait for it
    breaker.failed("shard1");
    now = 1500;
    expect(breaker.allow("shard1")).toBe(false);
    now = 2000;
    expect(breaker.allow("shard1")).toBe(true);
    breaker.succeeded("shard1");
    expect(breaker.allow("shard1")).toBe(true);
    expect(breaker.allow("shard1")).toBe(true);
  });

  it("never opens with an open period of 0", () => {
    const breaker = new ShardBreaker(0);
    breaker.failed("shard1");
    expect(breaker.allow("shard1")).toBe(true);
  });
});
