import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { openAccountsDatabase } from "@billfold/accounts";
import { createLinkToken } from "../../subgraphs/accounts/src/access/link-token.service.ts";
import { launchChromium } from "../../test/support/browser.ts";
import { median, round } from "./load.ts";

export const WEB_DIST = new URL("../../web/dist/", import.meta.url).pathname;

/**
 * JS a route needs on first load, gzipped (zlib default level), in KB: the entry script and
 * modulepreloads of dist/index.html, plus the route's page chunk (`<Page>-<hash>.js`, as Vite
 * names lazy route components) and every chunk those import statically, each counted once.
 * Lazy `import()`s are not followed (they load later, if ever), with one exception: a page that
 * uses Apollo (imports the `apollo-*` vendor chunk) renders only once the router has loaded the
 * app's client module (`apollo-client-*.js`), so that is counted for it. CSS is not counted.
 */
export function routeJsKbGzip(pageChunk: string, dist = WEB_DIST): { kb: number; files: string[] } {
  const html = readFileSync(join(dist, "index.html"), "utf8");
  const roots = [...html.matchAll(/<script[^>]+type="module"[^>]+src="\/([^"]+\.js)"|<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+\.js)"/g)].map((m) => m[1] ?? m[2]);
  const assets = readdirSync(join(dist, "assets"));
  const page = assets.find((f) => f.startsWith(`${pageChunk}-`) && f.endsWith(".js"));
  if (!page) throw new Error(`no ${pageChunk}-*.js chunk in ${dist}assets`);
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(dist, file), "utf8");
    for (const m of code.matchAll(/(?:from|import)\s*"(\.\/[^"]+\.js)"/g)) visit(join(file, "..", m[1]));
  };
  for (const root of [...roots, `assets/${page}`]) visit(root);
  const apolloClient = assets.find((f) => f.startsWith("apollo-client-") && f.endsWith(".js"));
  if (apolloClient && [...seen].some((f) => /^assets\/apollo-(?!client-)[^/]+\.js$/.test(f))) visit(`assets/${apolloClient}`);
  const bytes = [...seen].reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, file))).length, 0);
  return { kb: round(bytes / 1024, 1), files: [...seen] };
}

export function distBuiltAt(dist = WEB_DIST): string | null {
  return existsSync(join(dist, "index.html")) ? statSync(join(dist, "index.html")).mtime.toISOString() : null;
}

/**
 * Opening a sign-in link in headless Chromium → "Continue to your portal" → the unified
 * dashboard rendered (heading "Your businesses" visible, no skeleton left). A fresh browser
 * context (empty cache and cookies) and a fresh link per run; returns each run's ms.
 */
export async function linkToDashboardMs(options: { databaseUrl: string; publicUrl: string; email: string; runs?: number }) {
  const orm = await openAccountsDatabase(options.databaseUrl, { poolMax: 1 });
  const browser = await launchChromium();
  const times: number[] = [];
  const linkPage: number[] = [];
  const continued: number[] = [];
  try {
    for (let i = 0; i < (options.runs ?? 5) + 1; i++) {
      const em = orm.em.fork();
      const { link } = createLinkToken(em, options.publicUrl, { kind: "unified", email: options.email, mode: "test" });
      await em.flush();
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        const start = performance.now();
        await page.goto(link);
        const button = page.getByRole("button", { name: "Continue to your portal" });
        await button.waitFor();
        const ready = performance.now();
        await button.click();
        await page.getByRole("heading", { name: "Your businesses" }).waitFor({ timeout: 20_000 });
        await page.waitForFunction(() => (globalThis as any).document.querySelectorAll(".skeleton, [aria-busy='true']").length === 0, undefined, { timeout: 20_000 });
        const elapsed = performance.now() - start;
        if (i > 0) {
          // run 0 warms the servers (first SPA asset reads, plan cache)
          times.push(elapsed);
          linkPage.push(ready - start);
          continued.push(start + elapsed - ready);
        }
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await orm.close();
  }
  return {
    medianMs: round(median(times), 0),
    runsMs: times.map((t) => round(t, 0)),
    linkPageMedianMs: round(median(linkPage), 0),
    continueMedianMs: round(median(continued), 0),
  };
}
