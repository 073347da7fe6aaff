import { AppError, gatewayIdentity } from "@billfold/shared";
import { type MikroORM, UniqueConstraintViolationException } from "@mikro-orm/postgresql";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { JobQueue } from "../jobs/job-queue.ts";
import { updateCustomer } from "./customer.service.ts";

const body = z.object({
  businessId: z.string().min(1).max(40),
  mode: z.enum(["test", "live"]),
  customerId: z.string().min(1).max(40),
  email: z.email().max(320),
  previousEmail: z.string().max(320).optional(),
});

/**
 * `POST /internal/customers/email` from accounts (service identity "accounts") after a person
 * confirmed a new email: the customer takes it, and updateCustomer re-syncs the directory.
 * Idempotent; 404 when the customer is gone, 409 when another customer of that business has the address.
 */
export function registerCustomerEmailRoute(app: FastifyInstance, options: { orm: MikroORM; jobs: JobQueue; identitySecret: string }): void {
  app.post("/internal/customers/email", async (request, reply) => {
    const caller = gatewayIdentity(request, options.identitySecret);
    if (caller?.kind !== "service" || caller.service !== "accounts") {
      return reply.code(401).send({ error: "UNAUTHENTICATED", message: "Only accounts may change a customer's email here." });
    }
    const parsed = body.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send({ error: "BAD_REQUEST", message: parsed.error.issues[0].message });
    const { businessId, mode, customerId, email } = parsed.data;
    try {
      const customer = await updateCustomer(options.orm.em.fork(), options.jobs, { businessId, mode }, customerId, { email });
      return { customerId: customer.id, email: customer.email };
    } catch (error) {
      if (error instanceof AppError && error.code === "NOT_FOUND") return reply.code(404).send({ error: "NOT_FOUND", message: error.message });
      if (error instanceof UniqueConstraintViolationException) {
        return reply.code(409).send({ error: "CONFLICT", message: "Another customer of this business has that email." });
      }
      throw error;
    }
  });
}
