import { STATUS_CODES } from "node:http";
import { Agent, request } from "undici";

export interface JsonCall {
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: unknown;
  timeoutMs: number;
}

export interface PostCall {
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  /** Identical calls (URL, headers, body) in flight at once share one request: only for reads. */
  shareInFlight?: boolean;
}

/** A subgraph's answer, body unparsed: each caller parses its own copy (the gateway mutates results). */
export interface SubgraphAnswer {
  status: number;
  statusText: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Keep-alive HTTP for every call the gateway makes to accounts and the shards. */
export interface SubgraphHttp {
  readonly agent: Agent;
  /** POSTs a GraphQL body; gives up after `timeoutMs`. Any status is an answer. */
  post(url: string, call: PostCall): Promise<SubgraphAnswer>;
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

export interface SubgraphHttpOptions {
  connectionsPerOrigin?: number;
  /** Let identical read calls in flight at once share one request (`shareInFlight`). */
  dedupe?: boolean;
}

export function createSubgraphHttp(options: SubgraphHttpOptions = {}): SubgraphHttp {
  const agent = new Agent({
    keepAliveTimeout: 30_000,
    keepAliveMaxTimeout: 60_000,
    connections: options.connectionsPerOrigin ?? 128,
    pipelining: 1,
  });
  const inFlight = new Map<string, Promise<SubgraphAnswer>>();

  async function send(url: string, call: PostCall): Promise<SubgraphAnswer> {
    const response = await request(url, { method: "POST", headers: call.headers, body: call.body, dispatcher: agent, signal: AbortSignal.timeout(call.timeoutMs) });
    const body = await response.body.text();
    return { status: response.statusCode, statusText: STATUS_CODES[response.statusCode] ?? "", headers: response.headers, body };
  }

  return {
    agent,
    post(url, call) {
      if (!call.shareInFlight || !options.dedupe) return send(url, call);
      const key = `${url}\n${JSON.stringify(call.headers)}\n${call.body}`;
      let answer = inFlight.get(key);
      if (!answer) {
        answer = send(url, call).finally(() => inFlight.delete(key));
        inFlight.set(key, answer);
      }
      return answer;
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
