import type { FastifyInstance, FastifyReply } from "fastify";
import { request } from "undici";
import type { BusinessDirectory } from "../routing/business-directory.ts";
import { licenseKeyRoute } from "./license-key-route.util.ts";
import type { SubgraphHttp } from "./subgraph-http.ts";

export const LICENSE_OPERATIONS = ["activate", "validate", "deactivate"] as const;
type LicenseOperation = (typeof LICENSE_OPERATIONS)[number];

interface LicenseApiProxyOptions {
  directory: BusinessDirectory;
  http: SubgraphHttp;
  timeoutMs: number;
  log?: { warn(object: object, message: string): void };
}

const problem = (code: string, message: string) => ({ error: { code, message } });

/** What a key that names no business we serve gets: the same answer as an unknown key at its shard. */
function unknownKey(operation: LicenseOperation, reply: FastifyReply) {
  if (operation === "validate") return reply.code(200).send({ valid: false });
  return reply.code(404).send(problem("NOT_FOUND", "This license key was not found."));
}

function licenseKeyOf(body: Buffer | undefined): string | null | undefined {
  try {
    const parsed: unknown = JSON.parse(body?.toString("utf8") ?? "");
    if (!parsed || typeof parsed !== "object") return undefined;
    const key = (parsed as { license_key?: unknown }).license_key;
    return typeof key === "string" ? key : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The public license API at the root of the public origin (no secret key): `POST
 * /licenses/{activate,validate,deactivate}` with a JSON body. License keys are unique across the
 * platform and name their business, so the gateway forwards the body untouched to
 * `/business/{id}/licenses/{operation}` on that business's shard, which checks and answers it
 * (and rate limits per key and per IP, from the `x-forwarded-for` set here).
 */
export async function registerLicenseApiProxy(app: FastifyInstance, options: LicenseApiProxyOptions): Promise<void> {
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: 16 * 1024 }, (_request, body, done) => done(null, body));

    for (const operation of LICENSE_OPERATIONS) {
      scope.post(`/licenses/${operation}`, async (req, reply) => {
        const body = req.body as Buffer | undefined;
        if (!String(req.headers["content-type"] ?? "").startsWith("application/json")) {
          return reply.code(400).send(problem("BAD_USER_INPUT", "Send a JSON body (Content-Type: application/json)."));
        }
        const key = licenseKeyOf(body);
        if (!key) return reply.code(400).send(problem("BAD_USER_INPUT", "license_key: a license key is required."));
        const target = licenseKeyRoute(key);
        const route = target ? await options.directory.route(target.businessId) : undefined;
        if (!target || !route) return unknownKey(operation, reply);
        if (!route.url) return reply.code(503).send(problem("SHARD_UNAVAILABLE", `Couldn't reach ${route.name} right now.`));
        try {
          const upstream = await request(`${route.url}/business/${encodeURIComponent(target.businessId)}/licenses/${operation}`, {
            method: "POST",
            headers: { "content-type": "application/json", "x-forwarded-for": req.ip },
            body,
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
          options.log?.warn({ shard: route.shard, businessId: target.businessId, reason: String(error) }, "license request could not reach its shard");
          return reply.code(503).send(problem("SHARD_UNAVAILABLE", `Couldn't reach ${route.name} right now.`));
        }
      });
    }
  });
}
