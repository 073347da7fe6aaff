import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

/** Paths that belong to APIs: an unknown one is a JSON 404, never the SPA. */
const API_PREFIXES = ["/graphql", "/business", "/internal", "/health", "/dev/", "/processor/", "/licenses/", "/api/", "/customers/"];

const notFound = (reply: FastifyReply) =>
  reply.code(404).send({ errors: [{ message: "Not found.", extensions: { code: "NOT_FOUND" } }] });

function isPageNavigation(request: FastifyRequest): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const path = request.url.split("?", 1)[0];
  if (API_PREFIXES.some((prefix) => path === prefix.replace(/\/$/, "") || path.startsWith(prefix))) return false;
  // /auth/:token is a page for browsers and an API for fetches.
  if (path.startsWith("/auth/") && !request.headers.accept?.includes("text/html")) return false;
  const lastSegment = path.slice(path.lastIndexOf("/") + 1);
  return !lastSegment.includes(".");
}

/**
 * Serves the built SPA from `webDist` when it exists: hashed `/assets/*` cached for a year,
 * everything else revalidated; unknown page paths fall back to index.html. Unknown API
 * paths answer a JSON 404.
 */
export async function registerWebApp(app: FastifyInstance, webDist: string): Promise<void> {
  const hasWeb = existsSync(join(webDist, "index.html"));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: false,
      cacheControl: false,
      setHeaders(reply, filePath) {
        const immutable = filePath.startsWith(join(webDist, "assets"));
        reply.header("cache-control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (hasWeb && isPageNavigation(request)) return reply.sendFile("index.html");
    return notFound(reply);
  });
}
