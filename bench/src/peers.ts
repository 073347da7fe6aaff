import { readFile, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { type Identity, IDENTITY_HEADER, signIdentity } from "@billfold/shared";
import { createGatewayRuntime } from "@graphql-hive/gateway";

const SUPERGRAPH = new URL("../../schema/supergraph.graphql", import.meta.url);

/**
 * Our subgraphs accept only gateway-signed callers. Peers get the person's identity as a
 * near-static header: signed once and re-signed every 10 s (the signature lives 60 s).
 */
function signedHeader(identity: Identity, secret: string): () => string {
  let value = signIdentity(identity, secret);
  let at = Date.now();
  return () => {
    if (Date.now() - at > 10_000) {
      value = signIdentity(identity, secret);
      at = Date.now();
    }
    return value;
  };
}

/** The checked-in supergraph with accounts and business pointed at loopback (business → one shard). */
async function localSupergraph(accountsUrl: string, shardUrl: string): Promise<string> {
  return (await readFile(SUPERGRAPH, "utf8"))
    .replace("http://accounts.billfold.internal/graphql", `${accountsUrl}/graphql`)
    .replace("http://business.billfold.internal/graphql", `${shardUrl}/graphql`);
}

export interface Peer {
  url: string;
  close(): Promise<void>;
}

/** Stock @apollo/gateway: default RemoteGraphQLDataSource and settings, plus the signed header. */
export async function startApolloGateway(options: { accountsUrl: string; shardUrl: string; identity: Identity; secret: string }): Promise<Peer> {
  const header = signedHeader(options.identity, options.secret);
  const gateway = new ApolloGateway({
    supergraphSdl: await localSupergraph(options.accountsUrl, options.shardUrl),
    buildService: ({ url }) =>
      new RemoteGraphQLDataSource({
        url,
        willSendRequest({ request }) {
          request.http?.headers.set(IDENTITY_HEADER, header());
        },
      }),
  });
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: "127.0.0.1" } });
  return { url: url.replace(/\/$/, ""), close: () => server.stop() };
}

/** Hive Gateway (programmatic runtime) on node:http, same supergraph, plus the signed header. */
export async function startHiveGateway(options: {
  accountsUrl: string;
  shardUrl: string;
  identity: Identity;
  secret: string;
  /** Hive's HTTP executor merges identical in-flight upstream queries by default; false turns that off. */
  deduplicateInflightRequests?: boolean;
}): Promise<Peer> {
  const header = signedHeader(options.identity, options.secret);
  const path = join(tmpdir(), `billfold-bench-supergraph-${process.pid}-${options.deduplicateInflightRequests ?? "default"}.graphql`);
  await writeFile(path, await localSupergraph(options.accountsUrl, options.shardUrl));
  const runtime = createGatewayRuntime({
    supergraph: path,
    logging: false,
    ...(options.deduplicateInflightRequests === false ? { transportEntries: { "*": { options: { deduplicateInflightRequests: false } } } } : {}),
    plugins: () => [
      {
        onFetch({ options: fetchOptions, setOptions }) {
          setOptions({ ...fetchOptions, headers: { ...(fetchOptions.headers as Record<string, string>), [IDENTITY_HEADER]: header() } });
        },
      },
    ],
  });
  const server: Server = createServer(runtime);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await runtime.dispose();
    },
  };
}
