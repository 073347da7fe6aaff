import { AppError } from "@billfold/shared";
import type { MikroORM } from "@mikro-orm/postgresql";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { authenticateApiKey } from "../api-keys/api-key.service.ts";
import type { AccountsLinks } from "./accounts-links.client.ts";
import { createPortalSession } from "./portal-session.service.ts";

const flag = z.union([z.boolean(), z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1")]);
const fields = z.object({
  send_email: flag.optional(),
  return_url: z.string().max(2000).optional(),
  flow: z.enum(["cancel_subscription", "update_payment_method"]).optional(),
  subscription_id: z.string().max(40).optional(),
});

const problem = (code: string, message: string) => ({ error: { code, message } });
const STATUS: Partial<Record<string, number>> = { BAD_USER_INPUT: 400, NOT_FOUND: 404, FORBIDDEN: 403, UNAUTHENTICATED: 401 };

/**
 * `POST /customers/:customerId/customer-portal/session` with a secret key (the shape merchants
 * know): query `send_email`, `return_url` (JSON body fields too; the body wins) → `{ "link": … }`.
 */
export function registerPortalSessionRoute(app: FastifyInstance, options: { orm: MikroORM; links: AccountsLinks }): void {
  app.post<{ Params: { customerId: string } }>("/customers/:customerId/customer-portal/session", async (request, reply) => {
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? "");
    const apiKey = match ? await authenticateApiKey(options.orm.em.fork(), match[1]) : null;
    if (!apiKey) return reply.code(401).send(problem("UNAUTHENTICATED", "Send a secret API key: Authorization: Bearer sk_test_… or sk_live_…."));
    const body = request.body && typeof request.body === "object" ? request.body : {};
    const parsed = fields.safeParse({ ...(request.query as object), ...body });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return reply.code(400).send(problem("BAD_USER_INPUT", `${issue.path.join(".")}: ${issue.message}`));
    }
    try {
      const { link } = await createPortalSession(
        options.orm.em.fork(),
        options.links,
        { businessId: apiKey.businessId, mode: apiKey.mode },
        {
          customerId: request.params.customerId,
          sendEmail: parsed.data.send_email ?? false,
          returnUrl: parsed.data.return_url ?? null,
          flow: parsed.data.flow ?? null,
          subscriptionId: parsed.data.subscription_id ?? null,
        },
      );
      return reply.code(200).type("application/json").send({ link });
    } catch (error) {
      if (error instanceof AppError && STATUS[error.code]) return reply.code(STATUS[error.code]!).send(problem(error.code, error.message));
      throw error;
    }
  });
}
