/** Quick p50/p90/p99 of gateway vs direct calls against the in-process fakes: `npx tsx src/testing/latency-probe.ts`. */
import { signIdentity } from "@billfold/shared";
import { startFakeSystem, TEST_SECRET } from "./fake-system.ts";

const system = await startFakeSystem();
const identity = { kind: "person" as const, email: "a@x.io", sessionId: "s", mode: "test" as const, accounts: [{ businessId: "biz_a", customerId: "c1" }, { businessId: "biz_b", customerId: "c2" }, { businessId: "biz_c", customerId: "c3" }] };
system.accounts.sessions.set("session-token-0001", identity);

async function time(label: string, send: () => Promise<Response>) {
  for (let i = 0; i < 50; i++) await (await send()).text();
  const samples: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    const r = await send();
    await r.text();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  console.log(`${label.padEnd(48)} p50 ${samples[100].toFixed(2)} ms  p90 ${samples[180].toFixed(2)} ms  p99 ${samples[198].toFixed(2)} ms`);
}
const post = (url: string, query: string, headers: Record<string, string>) => () =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query }) });
const signed = () => ({ "x-billfold-identity": signIdentity(identity, TEST_SECRET) });
const cookie = { cookie: "bf_session=session-token-0001" };

await time("direct accounts { whoami }", () => post(`${system.accounts.url}/graphql`, "{ whoami }", signed())());
await time("gateway { whoami } (anonymous)", post(`${system.url}/graphql`, "{ whoami }", {}));
await time("gateway { whoami } (session cookie, cached identity)", post(`${system.url}/graphql`, "{ whoami }", cookie));
const reps = JSON.stringify({ query: "query($r:[_Any!]!){ _entities(representations:$r){ ... on CustomerAccount { customer { id name } } } }", variables: { r: [{ __typename: "CustomerAccount", businessId: "biz_a", customerId: "c1" }, { __typename: "CustomerAccount", businessId: "biz_c", customerId: "c3" }] } });
await time("direct shard1 _entities (2 reps)", () => fetch(`${system.shard1.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...signed() }, body: reps }));
await time("gateway viewer+accounts+customer (acc + 2 shards)", post(`${system.url}/graphql`, "{ viewer { email accounts { businessId customer { id name } } } }", cookie));
await system.close();
