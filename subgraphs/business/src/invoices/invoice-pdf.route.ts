import { gatewayIdentity } from "@billfold/shared";
import type { MikroORM } from "@mikro-orm/postgresql";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { authenticateApiKey } from "../api-keys/api-key.service.ts";
import type { InvoiceLinks } from "./invoice-link.util.ts";
import { type PdfCaller, type PdfOutcome, invoicePdf } from "./invoice-pdf.service.ts";

export const INVOICE_PDF_ROUTE = "/business/:businessId/invoices/:invoiceId/pdf";
export const SIGNED_INVOICE_PDF_ROUTE = "/invoices/:file";

interface InvoicePdfRouteOptions {
  orm: MikroORM;
  identitySecret: string;
  links: InvoiceLinks;
}

type Refusal = { status: 401 | 403; error: string; message: string };
const UNAUTHENTICATED: Refusal = { status: 401, error: "UNAUTHENTICATED", message: "Sign in, or send a secret API key of this business." };
const WRONG_BUSINESS: Refusal = { status: 403, error: "FORBIDDEN", message: "This key belongs to another business." };
const BAD_LINK: Refusal = { status: 403, error: "LINK_INVALID", message: "This invoice link has expired or is not valid. Open the invoice again from your account." };

function bearer(request: FastifyRequest): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? "");
  return match ? match[1] : null;
}

/** The business's API key or merchant, or a person through the gateway (checked against the invoice later). */
async function caller(request: FastifyRequest, businessId: string, options: InvoicePdfRouteOptions): Promise<PdfCaller | Refusal> {
  const key = bearer(request);
  if (key) {
    const apiKey = await authenticateApiKey(options.orm.em.fork(), key);
    if (!apiKey) return UNAUTHENTICATED;
    if (apiKey.businessId !== businessId) return WRONG_BUSINESS;
    return { kind: "merchant", businessId, mode: apiKey.mode };
  }
  const identity = gatewayIdentity(request, options.identitySecret);
  if (!identity || identity.kind === "anonymous") return UNAUTHENTICATED;
  if (identity.kind === "person") return { kind: "person", identity };
  if (identity.kind === "merchant") return identity.businessId === businessId ? { kind: "merchant", businessId, mode: identity.mode } : WRONG_BUSINESS;
  return { status: 403, error: "FORBIDDEN", message: "Invoices are for the business and its customers." };
}

async function send(reply: FastifyReply, outcome: PdfOutcome) {
  reply.header("cache-control", "private, no-store").header("x-content-type-options", "nosniff");
  if (!outcome.ok) return reply.code(outcome.status).send({ error: outcome.status === 404 ? "NOT_FOUND" : "FORBIDDEN", message: outcome.message });
  return reply.type("application/pdf").header("content-disposition", `inline; filename="${outcome.fileName}"`).send(outcome.pdf);
}

/**
 * `GET /business/:businessId/invoices/:invoiceId/pdf` for the business (API key, merchant) and the
 * invoice's own customer; `GET /invoices/{id}.pdf?b=…&exp=…&sig=…` for a signed link (15 minutes).
 */
export function registerInvoicePdfRoutes(app: FastifyInstance, options: InvoicePdfRouteOptions) {
  app.get(INVOICE_PDF_ROUTE, async (request, reply) => {
    const { businessId, invoiceId } = request.params as { businessId: string; invoiceId: string };
    const who = await caller(request, businessId, options);
    if ("status" in who) return reply.code(who.status).header("cache-control", "no-store").send({ error: who.error, message: who.message });
    return send(reply, await invoicePdf(options.orm.em.fork(), businessId, invoiceId, who));
  });

  app.get(SIGNED_INVOICE_PDF_ROUTE, async (request, reply) => {
    const { file } = request.params as { file: string };
    const { b, exp, sig } = request.query as Record<string, string | undefined>;
    const invoiceId = /^(.{1,40})\.pdf$/.exec(file)?.[1];
    if (!invoiceId || !b || !exp || !sig || !options.links.verify({ invoiceId, businessId: b, exp }, sig)) {
      return reply.code(BAD_LINK.status).header("cache-control", "no-store").send({ error: BAD_LINK.error, message: BAD_LINK.message });
    }
    return send(reply, await invoicePdf(options.orm.em.fork(), b, invoiceId, { kind: "link" }));
  });
}
