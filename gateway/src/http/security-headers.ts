import type { FastifyInstance } from "fastify";

/** Headers every gateway answer carries: no sniffing, no framing, no referrer leaks across origins. */
export function addSecurityHeaders(app: FastifyInstance, options: { https: boolean }): void {
  app.addHook("onSend", async (_request, reply) => {
    reply.header("x-content-type-options", "nosniff");
    reply.header("referrer-policy", "strict-origin-when-cross-origin");
    reply.header("x-frame-options", "DENY");
    if (!reply.hasHeader("content-security-policy")) reply.header("content-security-policy", "frame-ancestors 'none'");
    if (options.https) reply.header("strict-transport-security", "max-age=31536000; includeSubDomains");
  });
}
