import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import type { GatewayContext } from "../context.ts";
import type { PostCall, SubgraphHttp } from "../http/subgraph-http.ts";
import { type ProcessOptions, SignedDataSource } from "./signed-data-source.ts";

function recordingHttp(status = 200, body = '{"data":{"ok":true}}') {
  const calls: PostCall[] = [];
  const http = {
    post: async (_url: string, call: PostCall) => {
      calls.push(call);
      return { status, statusText: "", headers: {}, body };
    },
  } as unknown as SubgraphHttp;
  return { http, calls };
}

const options = (query: string): ProcessOptions =>
  ({
    kind: "incoming operation",
    request: { query, variables: {} },
    document: parse(query),
    context: { signedIdentity: "signed-identity" } as GatewayContext,
  }) as unknown as ProcessOptions;

describe("signed data source", () => {
  it("signs every call and lets only queries share a flight", async () => {
    const { http, calls } = recordingHttp();
    const source = new SignedDataSource("http://shard.invalid/graphql", http, 1_000);
    expect(await source.process(options("query Q { a }"))).toEqual({ data: { ok: true } });
    await source.process(options("mutation M { b }"));
    expect(calls.map((call) => call.shareInFlight)).toEqual([true, false]);
    expect(calls.every((call) => call.headers["x-billfold-identity"] === "signed-identity")).toBe(true);
  });

  it("turns a 401 answer into an UNAUTHENTICATED error", async () => {
    const { http } = recordingHttp(401, '{"errors":[{"message":"no"}]}');
    const source = new SignedDataSource("http://shard.invalid/graphql", http, 1_000);
    await expect(source.process(options("{ a }"))).rejects.toMatchObject({ message: "401: ", extensions: { code: "UNAUTHENTICATED" } });
  });
});
