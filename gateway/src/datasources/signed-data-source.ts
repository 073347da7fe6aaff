import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { IDENTITY_HEADER } from "@billfold/shared";
import { GraphQLError, type GraphQLFormattedError, Kind, type OperationDefinitionNode, OperationTypeNode } from "graphql";
import type { GatewayContext } from "../context.ts";
import type { SubgraphAnswer, SubgraphHttp } from "../http/subgraph-http.ts";

export type ProcessOptions = GraphQLDataSourceProcessOptions<GatewayContext>;
export interface SubgraphResponse {
  data?: Record<string, unknown> | null;
  errors?: GraphQLFormattedError[];
  extensions?: Record<string, unknown>;
}

/** The operation the gateway's plan sends, when the call carries its parsed document. */
export function operationOf(options: ProcessOptions): OperationDefinitionNode | undefined {
  const document = "document" in options ? options.document : undefined;
  return document?.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
}

const isQuery = (options: ProcessOptions): boolean => {
  const operation = operationOf(options);
  return operation ? operation.operation === OperationTypeNode.QUERY : /^\s*(\{|query\b)/.test(options.request.query ?? "");
};

/**
 * A subgraph call that carries the caller's signed identity and nothing else of the browser's.
 * It speaks to undici directly (Apollo's RemoteGraphQLDataSource builds node-fetch Headers and a
 * Request per call), and identical queries in flight at the same time share one subgraph call.
 */
export class SignedDataSource implements GraphQLDataSource<GatewayContext> {
  constructor(
    readonly url: string,
    private readonly http: SubgraphHttp,
    private readonly timeoutMs: number,
  ) {}

  /** Headers of this call besides the identity; subclasses add what their subgraph needs. */
  protected headers(options: ProcessOptions): Record<string, string> {
    const headers: Record<string, string> = { "content-type": "application/json", [IDENTITY_HEADER]: options.context.signedIdentity };
    for (const [name, value] of options.request.http?.headers ?? []) headers[name] = value;
    return headers;
  }

  /** Called with each answer's headers before its body is handed to the gateway. */
  protected received(_answer: SubgraphAnswer, _context: GatewayContext): void {}

  async process(options: ProcessOptions): Promise<SubgraphResponse> {
    const { request } = options;
    if (!request.query) throw new Error("Missing query");
    const body = JSON.stringify({ query: request.query, operationName: request.operationName, variables: request.variables, extensions: request.extensions });
    const answer = await this.http.post(this.url, { headers: this.headers(options), body, timeoutMs: this.timeoutMs, shareInFlight: isQuery(options) });
    this.received(answer, options.context as GatewayContext);
    if (answer.status < 200 || answer.status >= 300) throw errorFromAnswer(this.url, answer);
    const parsed: unknown = JSON.parse(answer.body);
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error(`Expected a JSON object from ${this.url}`);
    return parsed as SubgraphResponse;
  }
}

/** The same error Apollo's data source raises for a non-2xx answer (code from 401/403). */
function errorFromAnswer(url: string, answer: SubgraphAnswer): GraphQLError {
  const code = answer.status === 401 ? "UNAUTHENTICATED" : answer.status === 403 ? "FORBIDDEN" : undefined;
  return new GraphQLError(`${answer.status}: ${answer.statusText}`, {
    extensions: { response: { url, status: answer.status, statusText: answer.statusText, body: answer.body }, ...(code ? { code } : {}) },
  });
}
