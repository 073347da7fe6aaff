import type { FastifyInstance } from "fastify";
import { request } from "undici";
import type { SubgraphHttp } from "./subgraph-http.ts";

/** `/dev/mailbox` (JSON or page) relayed from accounts; registered only outside production. */
export function registerDevMailboxProxy(app: FastifyInstance, options: { accountsUrl: string; http: SubgraphHttp; timeoutMs: number }): void {
  app.get("/dev/mailbox", async (req, reply) => {
    const query = req.url.includes("?") ? req.url.slice(req.url.indexOf("?")) : "";
    const upstream = await request(`${options.accountsUrl}/dev/mailbox${query}`, {
      method: "GET",
      headers: { accept: req.headers.accept ?? "application/json" },
      dispatcher: options.http.agent,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    reply.code(upstream.statusCode);
    const type = upstream.headers["content-type"];
    if (type) reply.header("content-type", type);
    reply.header("cache-control", "no-store");
    return reply.send(upstream.body);
  });
}
