import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createSubgraphHttp, type PostCall, type SubgraphHttp } from "./subgraph-http.ts";

let server: Server | undefined;
let http: SubgraphHttp | undefined;
afterEach(async () => {
  await http?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

/** A subgraph stand-in that answers after 50 ms with the request number, so sharing shows. */
async function countingServer(): Promise<{ url: string; received: () => number }> {
  let received = 0;
  server = createServer((request, response) => {
    const number = ++received;
    request.resume();
    request.on("end", () => setTimeout(() => response.writeHead(200, { "content-type": "application/json" }).end(`{"data":{"n":${number}}}`), 50));
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}/graphql`, received: () => received };
}

const call = (overrides: Partial<PostCall> = {}): PostCall => ({
  headers: { "content-type": "application/json", "x-billfold-identity": "signed-a" },
  body: '{"query":"{ viewer { email } }"}',
  timeoutMs: 2_000,
  shareInFlight: true,
  ...overrides,
});

describe("subgraph HTTP", () => {
  it("sends identical reads in flight at once as one request, and each caller gets the answer", async () => {
    const target = await countingServer();
    http = createSubgraphHttp({ dedupe: true });
    const answers = await Promise.all(Array.from({ length: 5 }, () => http!.post(target.url, call())));
    expect(target.received()).toBe(1);
    expect(answers.map((answer) => answer.body)).toEqual(Array(5).fill('{"data":{"n":1}}'));
    // Nothing is cached past the flight: the next read is a new request.
    expect((await http.post(target.url, call())).body).toBe('{"data":{"n":2}}');
  });

  it("never shares calls of another identity, another body, writes, or when dedupe is off", async () => {
    const target = await countingServer();
    http = createSubgraphHttp({ dedupe: true });
    await Promise.all([
      http.post(target.url, call()),
      http.post(target.url, call({ headers: { "content-type": "application/json", "x-billfold-identity": "signed-b" } })),
      http.post(target.url, call({ body: '{"query":"{ viewer { name } }"}' })),
      http.post(target.url, call({ shareInFlight: false })),
      http.post(target.url, call({ shareInFlight: false })),
    ]);
    expect(target.received()).toBe(5);

    const off = createSubgraphHttp({ dedupe: false });
    await Promise.all([off.post(target.url, call()), off.post(target.url, call())]);
    await off.close();
    expect(target.received()).toBe(7);
  });
});
