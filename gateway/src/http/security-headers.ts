import type { FastifyInstance } from "fastify";

const BASE_POLICY = {
  "default-src": "'self'",
  "script-src": "'self'",
  "style-src": "'self'",
  "connect-src": "'self'",
  "img-src": "'self' data:",
  "font-src": "'self'",
  "frame-ancestors": "'none'",
  "form-action": "'self'",
  "base-uri": "'none'",
  "object-src": "'none'",
};

const serialize = (policy: Record<string, string>) =>
  Object.entries(policy)
    .map(([directive, value]) => `${directive} ${value}`)
    .join("; ");

/**
 * The Content-Security-Policy of every answer: only this origin's own scripts, styles, images
 * and connections, so an injected script can neither run nor send a card number elsewhere. No
 * inline styles either: the SPA's styles are files and Vue sets bindings through the CSSOM.
 */
export const STRICT_CSP = serialize(BASE_POLICY);

/**
 * The playground page only: the Monaco editor of GraphiQL injects <style> elements, starts its
 * language workers from blob: URLs and ships its icon font inline. The SPA has no in-app link
 * to it, so a document with this policy is always a fresh load of /playground, never a card form.
 */
export const PLAYGROUND_CSP = serialize({
  ...BASE_POLICY,
  "style-src": "'self' 'unsafe-inline'",
  "font-src": "'self' data:",
  "worker-src": "'self' blob:",
});

const isPlayground = (url: string) => {
  const path = url.split("?", 1)[0].replace(/\/$/, "");
  return path === "/playground";
};

/** Headers every gateway answer carries: no sniffing, no framing, no referrer leaks across origins. */
export function addSecurityHeaders(app: FastifyInstance, options: { https: boolean }): void {
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-content-type-options", "nosniff");
    reply.header("referrer-policy", "strict-origin-when-cross-origin");
    reply.header("x-frame-options", "DENY");
    if (!reply.hasHeader("content-security-policy")) reply.header("content-security-policy", isPlayground(request.url) ? PLAYGROUND_CSP : STRICT_CSP);
    if (options.https) reply.header("strict-transport-security", "max-age=31536000; includeSubDomains");
  });
}
