import { afterEach, describe, expect, it } from "vitest";
import { type FakeSystem, startFakeSystem } from "../testing/fake-system.ts";

let system: FakeSystem;
afterEach(async () => {
  await system?.close();
});

const post = (url: string, headers: Record<string, string>, body = '{"query":"{ customers { id } }"}') =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

describe("merchant endpoint /business/:businessId/graphql", () => {
  it("forwards body and key to the shard serving the business and answers with its status and body", async () => {
    system = await startFakeSystem();

    const response = await post(`${system.url}/business/biz_b/graphql`, { authorization: "Bearer sk_test_abc", cookie: "bf_session=x" });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { echo: { shard: "shard2", businessId: "biz_b", body: '{"query":"{ customers { id } }"}' } } });
    const seen = system.shard2!.merchantCalls[0].headers;
    expect(seen.authorization).toBe("Bearer sk_test_abc");
    expect(seen.cookie).toBeUndefined();
    expect(seen["x-billfold-identity"]).toBeUndefined();
    expect(system.shard1.merchantCalls).toEqual([]);
  });

  it("passes the shard's refusal through unchanged", async () => {
    system = await startFakeSystem();

    const response = await post(`${system.url}/business/biz_a/graphql`, {});

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ errors: [{ message: "API key required", extensions: { code: "UNAUTHENTICATED" } }] });
  });

  it("answers 404 JSON for a business no shard serves", async () => {
    system = await startFakeSystem();

    const response = await post(`${system.url}/business/biz_nope/graphql`, { authorization: "Bearer sk_test_abc" });

    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ errors: [{ message: "This business was not found.", extensions: { code: "NOT_FOUND", businessId: "biz_nope" } }] });
  });

  it("answers 503 naming the business when its shard is down", async () => {
    system = await startFakeSystem();
    await system.shard2!.close();

    const response = await post(`${system.url}/business/biz_b/graphql`, { authorization: "Bearer sk_test_abc" });

    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ errors: [{ message: "Couldn't reach Bolt Coffee right now.", extensions: { code: "SHARD_UNAVAILABLE" } }] });
  });
});
