import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeSystem, startFakeSystem } from "../testing/fake-system.ts";

let system: FakeSystem;
beforeAll(async () => {
  system = await startFakeSystem();
  system.accounts.businesses.push({ id: "biz_bolt", name: "Bolt Two", shard: "shard2" });
});
afterAll(async () => {
  await system?.close();
});

const secret = "0123456789abcdefghjkmnpqrstvwxyz";
const post = (path: string, headers: Record<string, string>, body?: string) =>
  fetch(`${system.url}${path}`, { method: "POST", headers, body });

describe("portal session API at the public root", () => {
  it("routes by the business the key names, keeping query, body and key", async () => {
    const response = await post(
      "/customers/cus_42/customer-portal/session?send_email=true&return_url=https%3A%2F%2Fshop.test%2F",
      { authorization: `Bearer sk_test_biz_b_${secret}`.replace("biz_b", "biz_bbbb"), "content-type": "application/json" },
      JSON.stringify({ flow: "update_payment_method" }),
    );
    // biz_bbbb is unknown to the routing table: the key is refused like any invalid key.
    expect(response.status).toBe(401);

    const routed = await post(
      "/customers/cus_42/customer-portal/session?send_email=true&return_url=https%3A%2F%2Fshop.test%2F",
      { authorization: `Bearer sk_test_biz_bolt_${secret}`, "content-type": "application/json", cookie: "bf_session=x" },
      JSON.stringify({ flow: "update_payment_method" }),
    );
    expect(routed.status).toBe(200);
    expect(routed.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await routed.json()).toEqual({ link: "http://localhost:4000/auth/from-shard2-cus_42" });
    const call = system.shard2!.portalCalls.at(-1)!;
    expect(call.url).toBe("/customers/cus_42/customer-portal/session?send_email=true&return_url=https%3A%2F%2Fshop.test%2F");
    expect(call.headers.authorization).toBe(`Bearer sk_test_biz_bolt_${secret}`);
    expect(call.headers.cookie).toBeUndefined();
    expect(JSON.parse(call.body)).toEqual({ flow: "update_payment_method" });
    expect(system.shard1.portalCalls).toEqual([]);
  });

  it("answers 401 without a key or with a key that names no business", async () => {
    expect((await post("/customers/cus_1/customer-portal/session", {})).status).toBe(401);
    expect((await post("/customers/cus_1/customer-portal/session", { authorization: `Bearer sk_live_${secret}` })).status).toBe(401);
  });
});
