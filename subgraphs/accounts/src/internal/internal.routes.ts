import type { MikroORM } from "@mikro-orm/postgresql";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError, gatewayIdentity } from "@billfold/shared";
import { createMerchantLink, merchantLinkRequest } from "../access/merchant-link.service.ts";
import type { JobQueue } from "../jobs/job-queue.ts";
import type { z } from "zod";
import { listBusinesses } from "../businesses/business.service.ts";
import { upsertDirectoryEntries } from "../directory/directory.service.ts";
import { acceptBusinessEmails } from "../email/email.service.ts";
import { resolveSessionIdentity } from "../sessions/session.service.ts";
import { directoryRequest, emailsRequest, identityRequest } from "./internal.schemas.ts";

export interface InternalRoutesOptions {
  orm: MikroORM;
  identitySecret: string;
  jobs: JobQueue;
  publicUrl: string;
}

function parseBody<T extends z.ZodType>(schema: T, request: FastifyRequest, reply: FastifyReply): z.infer<T> | undefined {
  const result = schema.safeParse(request.body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue.path.length ? `${issue.path.join(".")}: ` : "";
  void reply.code(400).send({ error: "BAD_REQUEST", message: `${where}${issue.message}` });
  return undefined;
}

/**
 * Service-to-service API (gateway session lookups, routing table, directory sync and customer
 * emails from the shards).
 * Every call must carry a signed identity of kind "service"; the check runs before the body is read.
 */
export async function registerInternalRoutes(app: FastifyInstance, { orm, identitySecret, jobs, publicUrl }: InternalRoutesOptions): Promise<void> {
  await app.register(
    async (scope) => {
      scope.addHook("onRequest", async (request, reply) => {
        if (gatewayIdentity(request, identitySecret)?.kind !== "service") {
          await reply.code(401).send({ error: "UNAUTHENTICATED", message: "Internal routes answer only Billfold services." });
        }
      });

      scope.setErrorHandler(async (error: unknown, _request, reply) => {
        if (error instanceof AppError && error.code === "BAD_USER_INPUT") {
          return reply.code(400).send({ error: "BAD_REQUEST", message: error.message });
        }
        if (error instanceof AppError && error.code === "FORBIDDEN") {
          return reply.code(403).send({ error: "FORBIDDEN", message: error.message });
        }
        const status = (error as { statusCode?: number }).statusCode;
        if (status && status >= 400 && status < 500) {
          return reply.code(status).send({ error: "BAD_REQUEST", message: (error as Error).message });
        }
        console.error("[accounts internal]", error);
        return reply.code(500).send({ error: "INTERNAL_SERVER_ERROR", message: "Something went wrong on our side." });
      });

      scope.post("/identity", async (request, reply) => {
        const body = parseBody(identityRequest, request, reply);
        if (!body) return reply;
        return { identity: await resolveSessionIdentity(orm.em.fork(), body.sessionToken) };
      });

      scope.get("/businesses", async () => {
        const businesses = await listBusinesses(orm.em.fork());
        return { businesses: businesses.map(({ id, name, shard }) => ({ id, name, shard })) };
      });

      scope.post("/links", async (request, reply) => {
        const body = parseBody(merchantLinkRequest, request, reply);
        if (!body) return reply;
        const caller = gatewayIdentity(request, identitySecret);
        const callerService = caller?.kind === "service" ? caller.service : "";
        return createMerchantLink(orm.em.fork(), { jobs, publicUrl, callerService }, body);
      });

      scope.post("/directory", async (request, reply) => {
        const body = parseBody(directoryRequest, request, reply);
        if (!body) return reply;
        return upsertDirectoryEntries(orm.em.fork(), body.entries);
      });

      scope.post("/emails", { bodyLimit: 8 * 1024 * 1024 }, async (request, reply) => {
        const body = parseBody(emailsRequest, request, reply);
        if (!body) return reply;
        return acceptBusinessEmails(orm.em.fork(), jobs, body.messages);
      });
    },
    { prefix: "/internal" },
  );
}
