import { IDENTITY_HEADER, type Identity, signIdentity } from "@billfold/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertDirectoryEntries } from "../directory/directory.service.ts";
import { directoryAccounts } from "../directory/directory.service.ts";
import { createSession } from "../sessions/session.service.ts";
import { type AccountsTestKit, personIdentity, startAccountsTestKit, uniqueEmail } from "../testing/accounts-test-kit.ts";

let kit: AccountsTestKit;
const gateway: Identity = { kind: "service", service: "gateway" };

beforeAll(async () => {
  kit = await startAccountsTestKit();
});
afterAll(async () => {
  await kit?.close();
});

function call(method: "GET" | "POST", url: string, headers: Record<string, string>, payload?: unknown) {
  return kit.accounts.app.inject({ method, url, headers, payload: payload as never });
}

describe("internal routes", () => {
  const routes = [
    ["POST", "/internal/identity", { sessionToken: "x" }],
    ["GET", "/internal/businesses", undefined],
    ["POST", "/internal/directory", { entries: [] }],
  ] as const;

  it.each(routes)("%s %s refuses a caller without a signed identity", async (method, url, body) => {
    const response = await call(method, url, {}, body);
    expect(response.statusCode).toBe(401);
    expect(response.json().error).toBe("UNAUTHENTICATED");
  });

  it.each(routes)("%s %s refuses an identity signed with another secret", async (method, url, body) => {
    const response = await call(method, url, { [IDENTITY_HEADER]: signIdentity(gateway, "f".repeat(48)) }, body);
    expect(response.statusCode).toBe(401);
  });

  it.each(routes)("%s %s refuses a signed identity that is not a service", async (method, url, body) => {
    const response = await call(method, url, kit.header(personIdentity(uniqueEmail())), body);
    expect(response.statusCode).toBe(401);
  });

  it("refuses an unauthenticated caller before reading a malformed body", async () => {
    const response = await kit.accounts.app.inject({
      method: "POST",
      url: "/internal/identity",
      headers: { "content-type": "application/json" },
      payload: "{not json",
    });
    expect(response.statusCode).toBe(401);
  });

  it("answers a person identity for a live session and anonymous for anything else", async () => {
    const email = uniqueEmail();
    const business = await kit.business();
    await upsertDirectoryEntries(kit.em(), [{ email, businessId: business.id, customerId: "cus_1", mode: "test" }]);
    const { token, session } = await createSession(kit.em(), { email, mode: "test" });

    const known = await call("POST", "/internal/identity", kit.header(gateway), { sessionToken: token });
    expect(known.statusCode).toBe(200);
    expect(known.json()).toEqual({
      identity: { kind: "person", email, sessionId: session.id, mode: "test", accounts: [{ businessId: business.id, customerId: "cus_1" }] },
    });

    const unknown = await call("POST", "/internal/identity", kit.header(gateway), { sessionToken: "nope" });
    expect(unknown.json()).toEqual({ identity: { kind: "anonymous" } });
  });

  it("refuses an identity request without a session token, with a reason", async () => {
    const response = await call("POST", "/internal/identity", kit.header(gateway), { token: "x" });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/sessionToken/);
  });

  it("refuses a malformed JSON body with 400", async () => {
    const response = await kit.accounts.app.inject({
      method: "POST",
      url: "/internal/identity",
      headers: { ...kit.header(gateway), "content-type": "application/json" },
      payload: "{not json",
    });
    expect(response.statusCode).toBe(400);
  });

  it("lists every business with its shard for the gateway", async () => {
    const business = await kit.business({ name: "Routing Table Co", shard: "shard2" });
    const response = await call("GET", "/internal/businesses", kit.header(gateway));
    expect(response.statusCode).toBe(200);
    expect(response.json().businesses).toContainEqual({ id: business.id, name: "Routing Table Co", shard: "shard2" });
  });

  it("upserts directory entries sent by a shard", async () => {
    const business = await kit.business();
    const email = uniqueEmail();
    const body = { entries: [{ email, businessId: business.id, customerId: "cus_9", mode: "live" }] };
    const shard: Identity = { kind: "service", service: "shard1" };

    expect((await call("POST", "/internal/directory", kit.header(shard), body)).json()).toEqual({ count: 1 });
    expect((await call("POST", "/internal/directory", kit.header(shard), body)).statusCode).toBe(200);
    expect(await directoryAccounts(kit.em(), email, "live")).toEqual([{ businessId: business.id, customerId: "cus_9", mode: "live" }]);
  });

  it.each([
    ["an invalid email", { entries: [{ email: "not-an-email", businessId: "biz_1", customerId: "cus_1", mode: "live" }] }, /email/],
    ["an unknown mode", { entries: [{ email: "a@b.test", businessId: "biz_1", customerId: "cus_1", mode: "staging" }] }, /mode/],
    ["no entries", { entries: [] }, /entries/],
    ["an unknown business", { entries: [{ email: "a@b.test", businessId: "biz_missing", customerId: "cus_1", mode: "live" }] }, /biz_missing/],
  ])("refuses directory entries with %s (400 with a reason)", async (_label, body, reason) => {
    const response = await call("POST", "/internal/directory", kit.header(gateway), body);
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(reason);
  });
});
