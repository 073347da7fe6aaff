import { type Identity, verifyIdentity } from "@billfold/shared";
import { afterEach, describe, expect, it } from "vitest";
import { type FakeSystem, TEST_SECRET, startFakeSystem } from "../testing/fake-system.ts";

let system: FakeSystem;
afterEach(async () => {
  await system?.close();
});

const person: Identity = { kind: "person", email: "p@example.com", sessionId: "ses_1", mode: "test", accounts: [{ businessId: "biz_b", customerId: "cus_1" }] };

describe("invoice PDF proxy", () => {
  it("forwards an API key to the shard serving the business and relays the PDF", async () => {
    system = await startFakeSystem();
    const response = await fetch(`${system.url}/business/biz_b/invoices/in_1/pdf`, { headers: { authorization: "Bearer sk_test_abc", cookie: "bf_session=x" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe('inline; filename="invoice.pdf"');
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(Buffer.from(await response.arrayBuffer()).toString()).toBe("%PDF-1.3 from shard2");
    const [call] = system.shard2!.pdfCalls;
    expect(call.url).toBe("/business/biz_b/invoices/in_1/pdf");
    expect(call.headers.authorization).toBe("Bearer sk_test_abc");
    expect(call.headers.cookie).toBeUndefined();
    expect(call.headers["x-billfold-identity"]).toBeUndefined();
    expect(system.shard1.pdfCalls).toEqual([]);
  });

  it("turns the session cookie into a signed identity for the shard, never forwarding the cookie", async () => {
    system = await startFakeSystem();
    system.accounts.sessions.set("tok_person_0123456789", person);
    const response = await fetch(`${system.url}/business/biz_b/invoices/in_1/pdf`, { headers: { cookie: "bf_session=tok_person_0123456789" } });
    expect(response.status).toBe(200);
    const [call] = system.shard2!.pdfCalls;
    expect(verifyIdentity(call.headers["x-billfold-identity"] as string, TEST_SECRET)).toEqual(person);
    expect(call.headers.cookie).toBeUndefined();
  });

  it("sends no identity for an anonymous caller, and relays the shard's refusal", async () => {
    system = await startFakeSystem();
    const response = await fetch(`${system.url}/business/biz_a/invoices/in_1/pdf`);
    expect(response.status).toBe(401);
    expect(system.shard1.pdfCalls[0].headers["x-billfold-identity"]).toBeUndefined();
  });

  it("routes a signed link by its business and forwards the query untouched, without credentials", async () => {
    system = await startFakeSystem();
    system.accounts.sessions.set("tok_person_0123456789", person);
    const link = "/invoices/in_1.pdf?b=biz_c&exp=123&sig=abc-_";
    const response = await fetch(`${system.url}${link}`, { headers: { cookie: "bf_session=tok_person_0123456789" } });
    expect(response.status).toBe(200);
    const [call] = system.shard1.pdfCalls;
    expect(call.url).toBe(link);
    expect(call.headers.cookie).toBeUndefined();
    expect(call.headers["x-billfold-identity"]).toBeUndefined();
  });

  it("answers 403 for a link without a business, 404 for an unknown business and 503 when its shard is down", async () => {
    system = await startFakeSystem();
    expect((await fetch(`${system.url}/invoices/in_1.pdf?exp=1&sig=x`)).status).toBe(403);
    expect((await fetch(`${system.url}/business/biz_nope/invoices/in_1/pdf`, { headers: { authorization: "Bearer sk_test_abc" } })).status).toBe(404);
    await system.shard2!.close();
    const down = await fetch(`${system.url}/business/biz_b/invoices/in_1/pdf`, { headers: { authorization: "Bearer sk_test_abc" } });
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ error: "SHARD_UNAVAILABLE", message: "Couldn't reach Bolt Coffee right now." });
  });
});
