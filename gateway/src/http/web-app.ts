import { existsSync, readFileSync } from "node:fs";
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

interface PagePreload {
  matches: (path: string) => boolean;
  html: string;
}

const ASSET_URL = /^\/assets\/[\w.~-]+$/;

/**
 * index.html with preload links for the pages listed in the build's `page-preloads.json` (a page
 * path, or a prefix ending in `/`, → its scripts and styles), so such a page's code downloads
 * with the entry instead of after it has run.
 */
function pagePreloads(webDist: string): PagePreload[] {
  const file = join(webDist, "page-preloads.json");
  if (!existsSync(file)) return [];
  const index = readFileSync(join(webDist, "index.html"), "utf8");
  const pages = JSON.parse(readFileSync(file, "utf8")) as Record<string, { scripts: string[]; styles: string[] }>;
  return Object.entries(pages).map(([page, { scripts, styles }]) => {
    const links = [
      ...scripts.filter((href) => ASSET_URL.test(href)).map((href) => `<link rel="modulepreload" crossorigin href="${href}">`),
      ...styles.filter((href) => ASSET_URL.test(href)).map((href) => `<link rel="stylesheet" crossorigin href="${href}">`),
    ];
    return {
      matches: (path: string) => (page.endsWith("/") ? path.startsWith(page) : path === page),
      html: index.replace("</head>", `  ${links.join("\n    ")}\n  </head>`),
    };
  });
}

/**
 * Serves the built SPA from `webDist` when it exists: hashed `/assets/*` cached for a year,
 * everything else revalidated; unknown page paths fall back to index.html (with the preload
 * links of `page-preloads.json` where it names the page). Files the web build compressed
 * (`x.js.br`, `x.js.gz`) go out as they are to browsers that accept them. Unknown API paths
 * answer a JSON 404.
 */
export async function registerWebApp(app: FastifyInstance, webDist: string): Promise<void> {
  const hasWeb = existsSync(join(webDist, "index.html"));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders(reply, filePath) {
        const immutable = filePath.startsWith(join(webDist, "assets"));
        reply.header("cache-control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
      },
    });
  }
  const preloads = hasWeb ? pagePreloads(webDist) : [];
  app.setNotFoundHandler((request, reply) => {
    if (!hasWeb || !isPageNavigation(request)) return notFound(reply);
    const path = request.url.split("?", 1)[0];
    const page = preloads.find((p) => p.matches(path));
    if (page) return reply.header("cache-control", "no-cache").type("text/html; charset=utf-8").send(page.html);
    return reply.sendFile("index.html");
  });
}
