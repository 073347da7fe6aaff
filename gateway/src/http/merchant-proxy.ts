import { IDENTITY_HEADER, type Identity, signIdentity } from "@billfold/shared";
import type { FastifyInstance } from "fastify";
import { sessionTokenFrom } from "../identity/session-token.ts";
import { request } from "undici";
import type { BusinessDirectory } from "../routing/business-directory.ts";
import type { SubgraphHttp } from "./subgraph-http.ts";

const FORWARDED_REQUEST_HEADERS = ["content-type", "authorization", "accept", "idempotency-key", "apollo-require-preflight", "x-apollo-operation-name"];
const RELAYED_RESPONSE_HEADERS = ["content-type", "retry-after", "cache-control"];

export interface MerchantProxyOptions {
  directory: BusinessDirectory;
  http: SubgraphHttp;
  timeoutMs: number;
  bodyLimit?: number;
  log?: { warn(object: object, message: string): void };
  /** Dashboard sessions: a merchant signed in by cookie reaches its own business without a key. */
  merchantSession?: { resolve(token: string | null): Promise<Identity>; identitySecret: string };
}

const jsonError = (message: string, extensions: Record<string, unknown>) => ({ errors: [{ message, extensions }] });

/**
 * `/business/:businessId/graphql` → the same path on the shard serving that business, body and
 * key untouched (the shard checks the key against the business). No cookie, no identity header.
 */
export async function registerMerchantProxy(app: FastifyInstance, options: MerchantProxyOptions): Promise<void> {
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: options.bodyLimit ?? 1024 * 1024 }, (_request, body, done) =>
      done(null, body),
    );

    scope.post<{ Params: { businessId: string } }>("/business/:businessId/graphql", async (req, reply) => {
      const { businessId } = req.params;
      const route = await options.directory.route(businessId);
      if (!route) return reply.code(404).send(jsonError("This business was not found.", { code: "NOT_FOUND", businessId }));
      const unavailable = jsonError(`Couldn't reach ${route.name} right now.`, {
        code: "SHARD_UNAVAILABLE",
        businessId,
        businessName: route.name,
        shard: route.shard,
      });
      if (!route.url) return reply.code(503).send(unavailable);

      const headers: Record<string, string> = { "x-forwarded-for": req.ip };
      for (const name of FORWARDED_REQUEST_HEADERS) {
        const value = req.headers[name];
        if (typeof value === "string") headers[name] = value;
      }
      // Cookie sessions only for JSON bodies (a cross-site form cannot send those without CORS).
      if (!headers.authorization && options.merchantSession && headers["content-type"]?.startsWith("application/json")) {
        const identity = await options.merchantSession.resolve(sessionTokenFrom(req.headers)).catch(() => null);
        if (identity?.kind === "merchant" && identity.businessId === businessId) {
          headers[IDENTITY_HEADER] = signIdentity(identity, options.merchantSession.identitySecret);
        }
      }
      try {
        const upstream = await request(`${route.url}/business/${encodeURIComponent(businessId)}/graphql`, {
          method: "POST",
          headers,
          body: req.body as Buffer | undefined,
          dispatcher: options.http.agent,
          signal: AbortSignal.timeout(options.timeoutMs),
        });
        reply.code(upstream.statusCode);
        for (const name of RELAYED_RESPONSE_HEADERS) {
          const value = upstream.headers[name];
          if (value !== undefined) reply.header(name, value);
        }
        return reply.send(upstream.body);
      } catch (error) {
        options.log?.warn({ shard: route.shard, businessId, reason: String(error) }, "merchant request could not reach its shard");
        return reply.code(503).send(unavailable);
      }
    });
  });
}
