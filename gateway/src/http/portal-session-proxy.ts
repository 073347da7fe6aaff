import type { FastifyInstance } from "fastify";
import { request } from "undici";
import type { BusinessDirectory } from "../routing/business-directory.ts";
import { bearerToken, merchantKeyRoute } from "./merchant-key.util.ts";
import type { SubgraphHttp } from "./subgraph-http.ts";

export const PORTAL_SESSION_PATH = "/customers/:customerId/customer-portal/session";

interface PortalSessionProxyOptions {
  directory: BusinessDirectory;
  http: SubgraphHttp;
  timeoutMs: number;
  log?: { warn(object: object, message: string): void };
}

const problem = (message: string, code: string) => ({ error: { code, message } });

/**
 * The portal session API at the public root (`POST /customers/{id}/customer-portal/session`, the
 * shape merchants know): the secret key names its business, so the gateway forwards the request,
 * query and body untouched to the shard serving it, which checks the key and answers `{ link }`.
 */
export async function registerPortalSessionProxy(app: FastifyInstance, options: PortalSessionProxyOptions): Promise<void> {
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: 64 * 1024 }, (_request, body, done) => done(null, body));

    scope.post<{ Params: { customerId: string } }>(PORTAL_SESSION_PATH, async (req, reply) => {
      const key = bearerToken(req.headers.authorization);
      const target = key ? merchantKeyRoute(key) : null;
      if (!target) {
        return reply.code(401).send(problem("Send your secret API key: Authorization: Bearer sk_test_… or sk_live_….", "UNAUTHENTICATED"));
      }
      const route = await options.directory.route(target.businessId);
      if (!route) return reply.code(401).send(problem("This API key is not valid.", "UNAUTHENTICATED"));
      if (!route.url) return reply.code(503).send(problem(`Couldn't reach ${route.name} right now.`, "SHARD_UNAVAILABLE"));
      const query = req.url.includes("?") ? req.url.slice(req.url.indexOf("?")) : "";
      const headers: Record<string, string> = { authorization: req.headers.authorization!, "x-forwarded-for": req.ip };
      if (typeof req.headers["content-type"] === "string") headers["content-type"] = req.headers["content-type"];
      if (typeof req.headers["idempotency-key"] === "string") headers["idempotency-key"] = req.headers["idempotency-key"];
      try {
        const upstream = await request(`${route.url}/customers/${encodeURIComponent(req.params.customerId)}/customer-portal/session${query}`, {
          method: "POST",
          headers,
          body: (req.body as Buffer | undefined)?.length ? (req.body as Buffer) : undefined,
          dispatcher: options.http.agent,
          signal: AbortSignal.timeout(options.timeoutMs),
        });
        reply.code(upstream.statusCode);
        for (const name of ["content-type", "retry-after"]) {
          const value = upstream.headers[name];
          if (value !== undefined) reply.header(name, value);
        }
        return reply.send(upstream.body);
      } catch (error) {
        options.log?.warn({ shard: route.shard, businessId: target.businessId, reason: String(error) }, "portal session request could not reach its shard");
        return reply.code(503).send(problem(`Couldn't reach ${route.name} right now.`, "SHARD_UNAVAILABLE"));
      }
    });
  });
}
