import { AppError } from "@billfold/shared";
import type { MikroORM } from "@mikro-orm/postgresql";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { activateLicense, deactivateLicense, validateLicense } from "./license-api.service.ts";
import { activationJson } from "./license-api.type.ts";
import type { LicenseRateLimits } from "./license-rate-limits.ts";

/** On the shard; the gateway serves them at the public root as `POST /licenses/{operation}`. */
export const LICENSE_API_PATH = "/business/:businessId/licenses";

const key = z.string().trim().min(1).max(200);
const instanceId = z.string().trim().min(1).max(40);
const bodies = {
  activate: z.object({ license_key: key, name: z.string().trim().min(1).max(200) }),
  validate: z.object({ license_key: key, license_key_instance_id: instanceId.nullish() }),
  deactivate: z.object({ license_key: key, license_key_instance_id: instanceId }),
};

const STATUS: Partial<Record<string, number>> = { BAD_USER_INPUT: 400, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 422, RATE_LIMITED: 429 };
const problem = (code: string, message: string) => ({ error: { code, message } });

/** The caller's IP: the gateway's `x-forwarded-for` (shards are reachable only through it), else the socket's. */
export function clientIp(request: FastifyRequest): string {
  const forwarded = request.headers["x-forwarded-for"];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  return first || request.ip;
}

/**
 * The public license API as REST (no secret key): activate → 201 instance, validate → 200
 * `{valid}`, deactivate → 200 `{deactivated: true}`; errors `{error: {code, message}}` with
 * 400 / 403 (key not active) / 404 (unknown) / 422 (limit reached) / 429.
 */
export function registerLicenseApiRoute(app: FastifyInstance, options: { orm: MikroORM; limits: LicenseRateLimits }): void {
  const handle =
    <S extends z.ZodType<{ license_key: string }>>(schema: S, run: (body: z.infer<S>, businessId: string) => Promise<[number, object]>) =>
    async (request: FastifyRequest<{ Params: { businessId: string } }>, reply: FastifyReply) => {
      const parsed = schema.safeParse(request.body ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return reply.code(400).send(problem("BAD_USER_INPUT", `${issue.path.join(".") || "body"}: ${issue.message}`));
      }
      try {
        await options.limits.consume(parsed.data.license_key, clientIp(request));
        const [status, body] = await run(parsed.data, request.params.businessId);
        return reply.code(status).send(body);
      } catch (error) {
        if (error instanceof AppError && STATUS[error.code]) {
          if (error.code === "RATE_LIMITED") reply.header("retry-after", String(error.details.retryAfterSeconds ?? 60));
          return reply.code(STATUS[error.code]!).send(problem(error.code, error.message));
        }
        throw error;
      }
    };

  app.post(
    `${LICENSE_API_PATH}/activate`,
    handle(bodies.activate, async (body, businessId) => {
      const activation = await activateLicense(options.orm.em.fork(), { businessId }, { licenseKey: body.license_key, name: body.name });
      return [201, activationJson(activation)];
    }),
  );
  app.post(
    `${LICENSE_API_PATH}/validate`,
    handle(bodies.validate, async (body, businessId) => {
      const valid = await validateLicense(options.orm.em.fork(), { businessId }, { licenseKey: body.license_key, instanceId: body.license_key_instance_id });
      return [200, { valid }];
    }),
  );
  app.post(
    `${LICENSE_API_PATH}/deactivate`,
    handle(bodies.deactivate, async (body, businessId) => {
      await deactivateLicense(options.orm.em.fork(), { businessId }, { licenseKey: body.license_key, instanceId: body.license_key_instance_id });
      return [200, { deactivated: true }];
    }),
  );
}
