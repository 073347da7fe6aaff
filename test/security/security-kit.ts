import { connect, createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { createGateway, type Gateway, loadGatewayConfig } from "@billfold/gateway";
import type { GraphQLResponse } from "../support/graphql-client.ts";
import type { BillfoldSystem } from "../support/system.ts";
import { IDENTITY_SECRET } from "../support/system.ts";

/** Loose enough for the demo's login flows in one test file (the real limits have their own tests). */
export const RELAXED_RATE_LIMITS = {
  RATE_LINK_EMAIL_POINTS: "1000",
  RATE_LINK_IP_POINTS: "10000",
  RATE_EXCHANGE_IP_POINTS: "10000",
};

/** The demo dashboard: every account of the viewer, with data from both shards. */
export const DASHBOARD = /* GraphQL */ `
  query Dashboard {
    viewer {
      email
      accounts { businessId customerId business { id name } subscriptions { id status } invoices { number total } licenseKeys { status } }
    }
  }
`;

export type ShardVerdict = "complete" | "partial" | "wrong";

/**
 * Judges a `DASHBOARD` answer while `failingShard` may be down. complete: every business's data;
 * partial: only businesses of `failingShard` lack their data, each named by a SHARD_UNAVAILABLE
 * error; anything else is wrong, with why.
 */
export function judgeDashboard(
  answer: GraphQLResponse,
  businesses: readonly { id: string; name: string; shard: string }[],
  failingShard: string,
): { verdict: ShardVerdict; why?: string } {
  if (answer.status !== 200) return { verdict: "wrong", why: `HTTP ${answer.status}` };
  const accounts = (answer.data?.viewer?.accounts ?? []) as any[];
  if (accounts.length !== businesses.length) return { verdict: "wrong", why: `${accounts.length} accounts for ${businesses.length} businesses` };
  let missing = 0;
  for (const business of businesses) {
    const account = accounts.find((a) => a.businessId === business.id);
    if (!account) return { verdict: "wrong", why: `no account for ${business.id}` };
    if (account.business?.name !== business.name) return { verdict: "wrong", why: `no name for ${business.id}` };
    if (Array.isArray(account.subscriptions) && account.subscriptions.length > 0) continue;
    if (business.shard !== failingShard) return { verdict: "wrong", why: `healthy ${business.id} lost its data` };
    const named = answer.errors?.some((e) => e.extensions?.code === "SHARD_UNAVAILABLE" && e.extensions.businessId === business.id && e.message.includes(business.name));
    if (!named) return { verdict: "wrong", why: `${business.id} missing without an error naming it` };
    missing++;
  }
  return { verdict: missing ? "partial" : "complete" };
}

/** Another gateway in front of `system`'s subgraphs, with its own settings (production mode, timeouts, proxies). */
export async function extraGateway(
  system: BillfoldSystem,
  env: Record<string, string> = {},
  shardUrls: Partial<Record<"shard1" | "shard2", string>> = {},
): Promise<{ gateway: Gateway; url: string; close(): Promise<void> }> {
  const shards = (["shard1", "shard2"] as const).map((id) => `${id}=${shardUrls[id] ?? system.shardUrl(id)}`).join(",");
  const gateway = await createGateway({
    config: loadGatewayConfig({
      NODE_ENV: "test",
      IDENTITY_SECRET,
      PUBLIC_URL: system.publicUrl,
      ACCOUNTS_URL: system.accountsUrl,
      SHARDS: shards,
      WEB_DIST: "/nonexistent",
      ...env,
    }),
  });
  await gateway.app.listen({ port: 0, host: "127.0.0.1" });
  const url = `http://127.0.0.1:${(gateway.app.server.address() as AddressInfo).port}`;
  return { gateway, url, close: () => gateway.close() };
}

export type ProxyMode = "pass" | "freeze" | "refuse";

/**
 * A TCP proxy in front of a shard that can stop answering without closing anything (as a
 * SIGSTOPped process would), or reset every connection (as after SIGKILL), then pass again.
 */
export async function faultProxy(target: () => string): Promise<{ url: string; setMode(mode: ProxyMode): void; close(): Promise<void> }> {
  let mode: ProxyMode = "pass";
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    client.on("error", () => {});
    if (mode === "refuse") return client.resetAndDestroy();
    if (mode === "freeze") return; // accepted, never answered
    const { hostname, port } = new URL(target());
    const remote = connect(Number(port), hostname);
    sockets.add(remote);
    remote.on("close", () => sockets.delete(remote));
    remote.on("error", () => client.destroy());
    client.on("close", () => remote.destroy());
    const forward = (from: Socket, to: Socket) =>
      from.on("data", (chunk) => {
        // freeze: bytes are swallowed and the peer waits, as with a stopped process
        if (mode === "pass") to.write(chunk);
      });
    forward(client, remote);
    forward(remote, client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    setMode(next) {
      mode = next;
      if (next === "refuse") for (const socket of sockets) socket.resetAndDestroy();
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Any sign of an internal detail in an answer: stack frames, source paths, Node error codes. */
export const INTERNALS = /stacktrace|\n\s+at |\bat [\w.<>]+ \(|\/work\/|node_modules|\.ts:\d+|ECONNREFUSED|ECONNRESET|TypeError|ReferenceError/;
