import { type Identity, gatewayIdentity } from "@billfold/shared";
import type { ApolloServer } from "@apollo/server";
import { fastifyApolloHandler } from "@as-integrations/fastify";
import type { MikroORM } from "@mikro-orm/postgresql";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { authenticateApiKey } from "../api-keys/api-key.service.ts";
import type { AccountsLinks } from "../customer-portal/accounts-links.client.ts";
import type { JobQueue } from "../jobs/job-queue.ts";
import { clientIp } from "../licenses/license-api.route.ts";
import { isPublicLicenseOperation } from "../licenses/license-public-operation.ts";
import type { LicenseRateLimits } from "../licenses/license-rate-limits.ts";
import type { Billing } from "../billing/billing.ts";
import type { InvoiceLinks } from "../invoices/invoice-link.util.ts";
import { type BusinessContext, createContext } from "../shared/context.ts";
import type { WebhookUrlPolicy } from "../webhooks/webhook-url.util.ts";

export const MERCHANT_ROUTE = "/business/:businessId/graphql";

interface MerchantRouteOptions {
  orm: MikroORM;
  jobs: JobQueue;
  identitySecret: string;
  links: AccountsLinks;
  /** Limits of the public license API, the only thing a caller without a key may use here. */
  licenseLimits?: LicenseRateLimits;
  billing?: Billing;
  invoiceLinks?: InvoiceLinks;
  webhookUrlPolicy?: WebhookUrlPolicy;
}

type Verdict = { identity: Identity } | { status: 401 | 403; code: "UNAUTHENTICATED" | "FORBIDDEN"; message: string };

const UNAUTHENTICATED = {
  status: 401,
  code: "UNAUTHENTICATED",
  message: "Send a secret API key of this business: Authorization: Bearer sk_test_… or sk_live_….",
} as const;
const WRONG_BUSINESS = { status: 403, code: "FORBIDDEN", message: "This key belongs to another business." } as const;

function bearer(request: FastifyRequest): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? "");
  return match ? match[1] : null;
}

/** Who may call the merchant endpoint of `businessId`: its API key, or its merchant via the gateway. */
async function authorize(request: FastifyRequest, businessId: string, options: MerchantRouteOptions): Promise<Verdict> {
  const key = bearer(request);
  if (key) {
    const apiKey = await authenticateApiKey(options.orm.em.fork(), key);
    if (!apiKey) return UNAUTHENTICATED;
    if (apiKey.businessId !== businessId) return WRONG_BUSINESS;
    // The key stands in for a merchant user: same business, the key's mode.
    return { identity: { kind: "merchant", businessId, mode: apiKey.mode, merchantUserId: apiKey.id } };
  }
  const identity = gatewayIdentity(request, options.identitySecret);
  // The public license API (activate/validate/deactivate) needs no key; everything else does.
  if ((!identity || identity.kind === "anonymous") && isPublicLicenseOperation(request.body)) return { identity: { kind: "anonymous" } };
  if (!identity || identity.kind === "anonymous") return UNAUTHENTICATED;
  if (identity.kind !== "merchant") {
    return { status: 403, code: "FORBIDDEN", message: "This endpoint is for the business itself." };
  }
  if (identity.businessId !== businessId) return WRONG_BUSINESS;
  return { identity };
}

/**
 * `POST /business/:businessId/graphql`: the same schema, scoped to one business and mode.
 * Merchant callers never get `_entities` (the reference resolver accepts only the gateway channel).
 */
export function registerMerchantRoute(app: FastifyInstance, apollo: ApolloServer<BusinessContext>, options: MerchantRouteOptions) {
  const identities = new WeakMap<FastifyRequest, Identity>();
  app.post(
    MERCHANT_ROUTE,
    {
      preHandler: async (request: FastifyRequest, reply: FastifyReply) => {
        const { businessId } = request.params as { businessId: string };
        const verdict = await authorize(request, businessId, options);
        if ("identity" in verdict) {
          identities.set(request, verdict.identity);
          return;
        }
        await reply.code(verdict.status).send({ errors: [{ message: verdict.message, extensions: { code: verdict.code } }] });
      },
    },
    fastifyApolloHandler(apollo, {
      context: async (request) => ({
        ...createContext(options.orm.em.fork(), identities.get(request)!, "merchant", options.jobs, options.links, {
          businessId: (request.params as { businessId: string }).businessId,
          clientIp: clientIp(request),
        }),
        licenseLimits: options.licenseLimits,
        billing: options.billing,
        invoiceLinks: options.invoiceLinks,
        webhookUrlPolicy: options.webhookUrlPolicy,
      }),
    }),
  );
}
