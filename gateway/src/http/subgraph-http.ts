import { STATUS_CODES } from "node:http";
import type { RemoteGraphQLDataSource } from "@apollo/gateway";
import { Agent, request } from "undici";

type Fetcher = RemoteGraphQLDataSource["fetcher"];
type FetcherResponse = Awaited<ReturnType<Fetcher>>;

export interface JsonCall {
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: unknown;
  timeoutMs: number;
}

/** Keep-alive HTTP for every call the gateway makes to accounts and the shards. */
export interface SubgraphHttp {
  readonly agent: Agent;
  /** A fetcher for RemoteGraphQLDataSource that gives up after `timeoutMs`. */
  fetcher(timeoutMs: number): Fetcher;
  /** Sends JSON, answers the parsed JSON body; throws on a non-2xx answer or after `timeoutMs`. */
  json<T>(url: string, call: JsonCall): Promise<T>;
  close(): Promise<void>;
}

export class SubgraphHttpError extends Error {
  constructor(
    readonly url: string,
    readonly status: number,
  ) {
    super(`${url} answered ${status}`);
  }
}

function toHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.append(name, value);
  }
  return headers;
}

/** The subset of a fetch Response the data sources read, without WHATWG stream overhead. */
function bufferedResponse(url: string, status: number, headers: Headers, body: string): FetcherResponse {
  const response: FetcherResponse = {
    bodyUsed: false,
    url,
    redirected: false,
    status,
    ok: status >= 200 && status < 300,
    statusText: STATUS_CODES[status] ?? "",
    headers,
    arrayBuffer: async () => new TextEncoder().encode(body).buffer as ArrayBuffer,
    text: async () => body,
    json: async () => JSON.parse(body),
    clone: () => bufferedResponse(url, status, headers, body),
  };
  return response;
}

export function createSubgraphHttp(options: { connectionsPerOrigin?: number } = {}): SubgraphHttp {
  const agent = new Agent({
    keepAliveTimeout: 30_000,
    keepAliveMaxTimeout: 60_000,
    connections: options.connectionsPerOrigin ?? 128,
    pipelining: 1,
  });

  return {
    agent,
    fetcher(timeoutMs) {
      return async (url, init = {}) => {
        const signal = AbortSignal.timeout(timeoutMs);
        const response = await request(url, {
          method: (init.method ?? "GET") as "GET" | "POST",
          headers: init.headers,
          body: init.body,
          dispatcher: agent,
          signal,
        });
        const body = await response.body.text();
        return bufferedResponse(url, response.statusCode, toHeaders(response.headers), body);
      };
    },
    async json<T>(url: string, call: JsonCall): Promise<T> {
      const response = await request(url, {
        method: call.method ?? (call.body === undefined ? "GET" : "POST"),
        headers: { accept: "application/json", ...(call.body === undefined ? {} : { "content-type": "application/json" }), ...call.headers },
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        dispatcher: agent,
        signal: AbortSignal.timeout(call.timeoutMs),
      });
      if (response.statusCode < 200 || response.statusCode >= 300) {
        await response.body.dump();
        throw new SubgraphHttpError(url, response.statusCode);
      }
      return (await response.body.json()) as T;
    },
    close: () => agent.close(),
  };
}
