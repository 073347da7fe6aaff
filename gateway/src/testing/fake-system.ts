import { composeServices } from "@apollo/composition";
import { parse } from "graphql";
import { createGateway, type Gateway } from "../app.ts";
import { type GatewayConfig, loadGatewayConfig } from "../config.ts";
import { ACCOUNTS_SDL, type FakeAccounts, type FakeBusiness, startFakeAccounts } from "./fake-accounts.ts";
import { type FakeShard, SHARD_SDL, startFakeShard, startHangingServer } from "./fake-shard.ts";

export const TEST_SECRET = "test-identity-secret-0123456789abcdef";

/** biz_a, biz_c on shard1; biz_b on shard2; biz_x on a shard the gateway has no URL for. */
export const BUSINESSES: FakeBusiness[] = [
  { id: "biz_a", name: "Acme Tools", shard: "shard1" },
  { id: "biz_b", name: "Bolt Coffee", shard: "shard2" },
  { id: "biz_c", name: "Cedar Books", shard: "shard1" },
  { id: "biz_x", name: "Xeno Labs", shard: "shard9" },
];

/** The fake shard's schema composed with an accounts SDL (the fake one, or the real one for integration tests). */
export function composeTestSupergraph(accountsSdl: string = ACCOUNTS_SDL): string {
  const result = composeServices([
    { name: "accounts", url: "http://accounts.invalid/graphql", typeDefs: parse(accountsSdl) },
    { name: "business", url: "http://business.invalid/graphql", typeDefs: parse(SHARD_SDL) },
  ]);
  if (result.errors?.length) throw new Error(result.errors.map((error) => error.message).join("\n"));
  return result.supergraphSdl!;
}

export interface FakeSystem {
  url: string;
  gateway: Gateway;
  config: GatewayConfig;
  accounts: FakeAccounts;
  shard1: FakeShard;
  /** Undefined when shard2 was started as a server that never answers. */
  shard2: FakeShard | undefined;
  /** Requests the never-answering shard2 received (hangingShard2). */
  hungRequests: () => number;
  close(): Promise<void>;
}

export interface FakeSystemOptions {
  env?: Record<string, string>;
  /** shard2 accepts connections but never answers. */
  hangingShard2?: boolean;
}

/** Fake accounts + two fake shards + a real gateway in front of them, all on port 0. */
export async function startFakeSystem(options: FakeSystemOptions = {}): Promise<FakeSystem> {
  const accounts = await startFakeAccounts(TEST_SECRET, BUSINESSES.map((b) => ({ ...b })));
  const shard1 = await startFakeShard(TEST_SECRET, "shard1");
  const hanging = options.hangingShard2 ? await startHangingServer() : undefined;
  const shard2 = hanging ? undefined : await startFakeShard(TEST_SECRET, "shard2");
  const config = loadGatewayConfig({
    NODE_ENV: "test",
    IDENTITY_SECRET: TEST_SECRET,
    ACCOUNTS_URL: accounts.url,
    SHARDS: `shard1=${shard1.url},shard2=${(hanging ?? shard2)!.url}`,
    WEB_DIST: "/nonexistent",
    ...options.env,
  });
  const gateway = await createGateway({ config, supergraphSdl: composeTestSupergraph() });
  await gateway.app.listen({ port: 0, host: "127.0.0.1" });
  const address = gateway.app.server.address();
  const port = typeof address === "object" && address ? address.port : 0;

  return {
    url: `http://127.0.0.1:${port}`,
    gateway,
    config,
    accounts,
    shard1,
    shard2,
    hungRequests: () => hanging?.received() ?? 0,
    async close() {
      await gateway.close();
      await Promise.all([accounts.close(), shard1.close(), shard2?.close(), hanging?.close()]);
    },
  };
}

/** POSTs a GraphQL operation to the gateway. */
export async function gql(
  url: string,
  query: string,
  options: { variables?: Record<string, unknown>; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; body: { data?: any; errors?: any[] } }> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...options.headers },
    body: JSON.stringify({ query, variables: options.variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as { data?: any; errors?: any[] } };
}
