import { IDENTITY_HEADER, type Identity, signIdentity } from "@billfold/shared";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { request } from "undici";
import { sessionTokenFrom } from "../identity/session-token.ts";
import type { BusinessDirectory } from "../routing/business-directory.ts";
import type { SubgraphHttp } from "./subgraph-http.ts";

const RELAYED_RESPONSE_HEADERS = ["content-type", "content-disposition", "cache-control", "x-content-type-options", "content-length"];

export interface InvoicePdfProxyOptions {
  directory: BusinessDirectory;
  http: SubgraphHttp;
  timeoutMs: number;
  log?: { warn(object: object, message: string): void };
  /** Turns the session cookie or bearer session into the identity the shard checks (person or merchant). */
  session: { resolve(token: string | null): Promise<Identity>; identitySecret: string };
}

const problem = (error: string, message: string) => ({ error, message });

/**
 * Invoice PDFs live on the shard of their business:
 *   `GET /business/:businessId/invoices/:invoiceId/pdf` with an API key (forwarded) or a session
 *   (forwarded as a signed identity: the customer's own invoices, or the merchant's);
 *   `GET /invoices/{id}.pdf?b={businessId}&exp=…&sig=…`, a signed link the shard verifies.
 */
export async function registerInvoicePdfProxy(app: FastifyInstance, options: InvoicePdfProxyOptions): Promise<void> {
  async function forward(req: FastifyRequest, reply: FastifyReply, businessId: string, path: string, headers: Record<string, string>) {
    const route = await options.directory.route(businessId);
    if (!route) return reply.code(404).send(problem("NOT_FOUND", "Invoice not found."));
    if (!route.url) return reply.code(503).send(problem("SHARD_UNAVAILABLE", `Couldn't reach ${route.name} right now.`));
    try {
      const upstream = await request(`${route.url}${path}`, {
        method: "GET",
        headers: { ...headers, "x-forwarded-for": req.ip },
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
      options.log?.warn({ shard: route.shard, businessId, reason: String(error) }, "invoice PDF request could not reach its shard");
      return reply.code(503).send(problem("SHARD_UNAVAILABLE", `Couldn't reach ${route.name} right now.`));
    }
  }

  app.get<{ Params: { businessId: string; invoiceId: string } }>("/business/:businessId/invoices/:invoiceId/pdf", async (req, reply) => {
    const { businessId, invoiceId } = req.params;
    const headers: Record<string, string> = {};
    const authorization = req.headers.authorization;
    if (typeof authorization === "string" && /^Bearer\s+sk_/i.test(authorization)) {
      headers.authorization = authorization;
    } else {
      const identity = await options.session.resolve(sessionTokenFrom(req.headers)).catch(() => null);
      if (identity && identity.kind !== "anonymous") headers[IDENTITY_HEADER] = signIdentity(identity, options.session.identitySecret);
    }
    return forward(req, reply, businessId, `/business/${encodeURIComponent(businessId)}/invoices/${encodeURIComponent(invoiceId)}/pdf`, headers);
  });

  app.get<{ Params: { file: string }; Querystring: Record<string, string | undefined> }>("/invoices/:file", async (req, reply) => {
    const businessId = typeof req.query.b === "string" ? req.query.b : "";
    if (!/\.pdf$/.test(req.params.file) || !/^biz_[0-9a-z]{1,40}$/.test(businessId)) {
      return reply.code(403).send(problem("LINK_INVALID", "This invoice link has expired or is not valid. Open the invoice again from your account."));
    }
    const query = req.url.slice(req.url.indexOf("?"));
    return forward(req, reply, businessId, `/invoices/${encodeURIComponent(req.params.file)}${query}`, {});
  });
}
