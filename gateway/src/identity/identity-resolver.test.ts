import { type Identity } from "@billfold/shared";
import { afterEach, describe, expect, it } from "vitest";
import { type FakeSystem, gql, startFakeSystem } from "../testing/fake-system.ts";

const ada: Identity = { kind: "person", email: "ada@example.com", sessionId: "ses_1", mode: "test", accounts: [{ businessId: "biz_a", customerId: "cus_1" }] };
const TOKEN = "session-token-0001";

let system: FakeSystem;
afterEach(async () => {
  await system?.close();
});

describe("caller identity", () => {
  it.each<[string, Record<string, string>]>([
    ["the bf_session cookie", { cookie: `theme=dark; bf_session=${TOKEN}` }],
    ["the __Host-bf_session cookie", { cookie: `__Host-bf_session=${TOKEN}` }],
    ["a bearer session token", { authorization: `Bearer ${TOKEN}` }],
  ])("turns %s into the person identity both subgraphs see", async (_, headers) => {
    system = await startFakeSystem();
    system.accounts.sessions.set(TOKEN, ada);

    const { body } = await gql(system.url, "{ whoami viewer { accounts { customer { seenBy } } } }", { headers });

    expect(body).toEqual({ data: { whoami: "person:ada@example.com", viewer: { accounts: [{ customer: { seenBy: "person:ada@example.com" } }] } } });
  });

  it("treats no token, an unknown token and a merchant key as anonymous", async () => {
    system = await startFakeSystem();
    system.accounts.sessions.set(TOKEN, ada);

    for (const headers of <Record<string, string>[]>[{}, { cookie: "bf_session=unknown-token-000001" }, { authorization: `Bearer sk_test_${TOKEN}` }]) {
      const { body } = await gql(system.url, "{ whoami viewer { email } }", { headers });
      expect(body).toEqual({ data: { whoami: "anonymous", viewer: null } });
    }
    expect(system.accounts.calls.identity).toBe(1);
  });

  it("asks accounts once for a token used by concurrent and repeated requests", async () => {
    system = await startFakeSystem();
    system.accounts.sessions.set(TOKEN, ada);

    await Promise.all(Array.from({ length: 5 }, () => gql(system.url, "{ whoami }", { headers: { cookie: `bf_session=${TOKEN}` } })));
    await gql(system.url, "{ whoami }", { headers: { cookie: `bf_session=${TOKEN}` } });

    expect(system.accounts.calls.identity).toBe(1);
  });

  it("never forwards the browser's cookies or authorization to a subgraph", async () => {
    system = await startFakeSystem();
    system.accounts.sessions.set(TOKEN, ada);

    await gql(system.url, "{ whoami }", { headers: { cookie: `bf_session=${TOKEN}; other=1`, "user-agent": "TestBrowser/1.0" } });

    const seen = system.accounts.graphqlHeaders.at(-1)!;
    expect(seen.cookie).toBeUndefined();
    expect(seen.authorization).toBeUndefined();
    expect(seen["user-agent"]).toBe("TestBrowser/1.0");
    expect(seen["x-billfold-client-ip"]).toBe("127.0.0.1");
  });

  it("relays only the session cookie accounts sets, and forgets the cached identity", async () => {
    system = await startFakeSystem();
    system.accounts.sessions.set(TOKEN, ada);
    const headers = { cookie: `bf_session=${TOKEN}` };
    await gql(system.url, "{ whoami }", { headers });

    const signOut = await gql(system.url, "mutation { signOut }", { headers });
    system.accounts.sessions.delete(TOKEN);
    const after = await gql(system.url, "{ whoami }", { headers });

    expect(signOut.headers.getSetCookie()).toEqual(["bf_session=; Path=/; Max-Age=0; HttpOnly"]);
    expect(after.body.data.whoami).toBe("anonymous");
  });

  it("keeps subgraphs closed to calls without the gateway's signature", async () => {
    system = await startFakeSystem();

    const unsigned = await fetch(`${system.shard1.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ shardInfo { shard } }" }),
    });
    const forged = await fetch(`${system.accounts.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-billfold-identity": "e30.AAAA" },
      body: JSON.stringify({ query: "{ whoami }" }),
    });
    const throughGateway = await gql(system.url, "{ whoami shardInfo { seenBy } }", { headers: { "x-billfold-business": "biz_a" } });

    expect(unsigned.status).toBe(401);
    expect(forged.status).toBe(401);
    expect(throughGateway.body).toEqual({ data: { whoami: "anonymous", shardInfo: { seenBy: "anonymous" } } });
  });
});
