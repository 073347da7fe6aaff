import { type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from "@apollo/gateway";
import { IDENTITY_HEADER } from "@billfold/shared";
import type { GatewayContext } from "../context.ts";
import type { SubgraphHttp } from "../http/subgraph-http.ts";

/** A subgraph call that carries the caller's signed identity and nothing else of the browser's. */
export class SignedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string, http: SubgraphHttp, timeoutMs: number) {
    super({ url, fetcher: http.fetcher(timeoutMs) });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    request.http!.headers.set(IDENTITY_HEADER, context.signedIdentity);
  }
}
