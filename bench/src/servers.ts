/**
 * The server side of `./billfold bench`, run as a child process (pinned to CPU 0 by main.ts):
 * the in-process system harness (accounts + 2 shards + gateway on loopback, fresh database,
 * demo seeded), the P2 fan-out data set, and the two peer gateways (P4) in the same process, so
 * every gateway shares one event loop with the subgraphs alike. Prints one `BENCH_READY {json}`
 * line, then serves until stdin closes or SIGTERM.
 */
import { subscribe } from "node:diagnostics_channel";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Identity } from "@billfold/shared";
import { sessionCookie } from "../../test/support/graphql-client.ts";
import { extraGateway, faultProxy, type ProxyMode } from "../../test/security/security-kit.ts";
import { IDENTITY_SECRET, startSystem } from "../../test/support/system.ts";
import { FANOUT_SIZES, seedFanout } from "./fanout-seed.ts";
import { type Peer, startApolloGateway, startHiveGateway } from "./peers.ts";

// Requests each server received, by listening port (P2: requests per shard per operation).
const received = new Map<number, number>();
subscribe("http.server.request.start", (message: any) => {
  const port = message.server?.address()?.port;
  if (port) received.set(port, (received.get(port) ?? 0) + 1);
});
// S1: `/fault/freeze` (SIGSTOP-like), `/fault/kill` (shard2 stopped, connections reset), `/fault/restore`.
const faults: Record<string, () => Promise<void>> = {
  "/fault/freeze": async () => fault.proxy.setMode("freeze"),
  "/fault/kill": async () => {
    fault.proxy.setMode("refuse");
    await system.stopShard("shard2");
  },
  "/fault/restore": async () => {
    await system.startShard("shard2");
    fault.proxy.setMode("pass" satisfies ProxyMode);
  },
};
const counter = createServer(async (request, response) => {
  const injectFault = faults[request.url ?? ""];
  if (injectFault) {
    await injectFault();
    return response.end("{}");
  }
  const snapshot = Object.fromEntries(received);
  if (request.url === "/reset") received.clear();
  response.setHeader("content-type", "application/json");
  response.end(JSON.stringify(snapshot));
});
await new Promise<void>((resolve) => counter.listen(0, "127.0.0.1", resolve));

const system = await startSystem();
const fanout = await seedFanout(system.accountsOrm, system.businessOrm);
const cookies: Record<number, string> = {};
for (const n of FANOUT_SIZES) cookies[n] = await sessionCookie(system, fanout.persons[n].email);

const one = fanout.persons[1];
const identity: Identity = { kind: "person", email: one.email, sessionId: "ses_bench", mode: "test", accounts: one.accounts };
const peerOptions = { accountsUrl: system.accountsUrl, shardUrl: system.shardUrl("shard1"), identity, secret: IDENTITY_SECRET };
const peers: Record<string, Peer | { error: string }> = {};
const starters = {
  hive: () => startHiveGateway(peerOptions),
  hiveNoDedupe: () => startHiveGateway({ ...peerOptions, deduplicateInflightRequests: false }),
  apollo: () => startApolloGateway(peerOptions),
};
for (const [name, start] of Object.entries(starters)) {
  try {
    peers[name] = await start();
  } catch (error) {
    peers[name] = { error: error instanceof Error ? error.message : String(error) };
  }
}

// Our gateway once more with in-flight dedupe off: its per-request cost, without the help
// identical concurrent requests get (P1 and P4 report both).
const noDedupe = await extraGateway(system, { SUBGRAPH_DEDUPE: "false" });

// S1: a gateway whose shard2 sits behind a proxy that can freeze or drop it.
const proxy = await faultProxy(() => system.shardUrl("shard2"));
const S1_SHARD_TIMEOUT_MS = 1500;
const fault = { proxy, gateway: await extraGateway(system, { SHARD_TIMEOUT_MS: String(S1_SHARD_TIMEOUT_MS) }, { shard2: proxy.url }) };

console.log(
  `BENCH_READY ${JSON.stringify({
    gatewayUrl: system.gatewayUrl,
    gatewayNoDedupeUrl: noDedupe.url,
    faultGatewayUrl: fault.gateway.url,
    faultShardTimeoutMs: S1_SHARD_TIMEOUT_MS,
    publicUrl: system.publicUrl,
    shard1Url: system.shardUrl("shard1"),
    shard2Url: system.shardUrl("shard2"),
    accountsUrl: system.accountsUrl,
    counterUrl: `http://127.0.0.1:${(counter.address() as AddressInfo).port}`,
    databaseUrl: system.db.url,
    identitySecret: IDENTITY_SECRET,
    demoPerson: system.demo.person,
    persons: fanout.persons,
    businesses: fanout.businesses,
    cookies,
    peers: Object.fromEntries(Object.entries(peers).map(([k, v]) => [k, "url" in v ? { url: v.url } : v])),
  })}`,
);

let closing = false;
async function shutdown() {
  if (closing) return;
  closing = true;
  counter.close();
  await noDedupe.close().catch(() => {});
  await fault.gateway.close().catch(() => {});
  await fault.proxy.close().catch(() => {});
  for (const peer of Object.values(peers)) if ("close" in peer) await peer.close().catch(() => {});
  await system.close().catch(() => {});
  process.exit(0);
}
process.stdin.on("end", shutdown);
process.stdin.resume();
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
