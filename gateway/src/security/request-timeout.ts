import type { FastifyInstance, FastifyRequest } from "fastify";

const timers = new WeakMap<FastifyRequest, NodeJS.Timeout>();

/**
 * Answers 504 with a GraphQL-shaped error when a request is still unanswered after `timeoutMs`
 * (however slow a subgraph, a client never waits longer), and frees the timer on every answer.
 * Receiving a slow request body is bounded separately by Fastify's `requestTimeout`.
 */
export function registerRequestTimeout(app: FastifyInstance, options: { timeoutMs: number }): void {
  app.addHook("onRequest", async (request, reply) => {
    const timer = setTimeout(() => {
      if (reply.sent) return;
      request.log.warn({ url: request.url, timeoutMs: options.timeoutMs }, "request timed out");
      void reply
        .code(504)
        .type("application/json; charset=utf-8")
        .send({ errors: [{ message: "This request took too long. Please try again.", extensions: { code: "REQUEST_TIMEOUT" } }] });
    }, options.timeoutMs);
    timer.unref();
    timers.set(request, timer);
  });
  app.addHook("onResponse", async (request) => {
    clearTimeout(timers.get(request));
    timers.delete(request);
  });
}
