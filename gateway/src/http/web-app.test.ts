import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeSystem, startFakeSystem } from "../testing/fake-system.ts";

let webDist: string;
let system: FakeSystem;
const BIG = `console.log(${JSON.stringify("billfold ".repeat(500))});`;

/** A GET with exactly these headers (fetch would add its own Accept-Encoding and decode the body). */
function rawGet(path: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${system.url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

beforeAll(async () => {
  webDist = await mkdtemp(join(tmpdir(), "billfold-web-"));
  await mkdir(join(webDist, "assets"));
  await writeFile(join(webDist, "index.html"), "<!doctype html><head><title>Billfold</title></head>");
  await writeFile(join(webDist, "assets", "app-1a2b3c.js"), "console.log('app')");
  await writeFile(join(webDist, "assets", "big-4d5e6f.js"), BIG);
  await writeFile(join(webDist, "assets", "big-4d5e6f.js.br"), brotliCompressSync(BIG));
  await writeFile(join(webDist, "assets", "big-4d5e6f.js.gz"), gzipSync(BIG));
  await writeFile(join(webDist, "favicon.svg"), "<svg/>");
  const preloads = { "/auth/": { scripts: ["/assets/AuthTokenPage-1a2b.js"], styles: ["/assets/AuthTokenPage-3c4d.css", "/evil\"><script>"] } };
  await writeFile(join(webDist, "page-preloads.json"), JSON.stringify(preloads));
  system = await startFakeSystem({ env: { WEB_DIST: webDist } });
});
afterAll(async () => {
  await system?.close();
  await rm(webDist, { recursive: true, force: true });
});

const html = { accept: "text/html,application/xhtml+xml" };

describe("web app and HTTP surface", () => {
  it.each(["/", "/b/xyz", "/merchant/customers", "/auth/some-token"])("serves index.html for the page %s", async (path) => {
    const response = await fetch(`${system.url}${path}`, { headers: html });

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(response.headers.get("cache-control")).toBe("no-cache");
    expect(await response.text()).toContain("<title>Billfold</title>");
  });

  it("adds the preload links the build lists for a page to its index.html, and only its own", async () => {
    const auth = await (await fetch(`${system.url}/auth/some-token`, { headers: html })).text();
    const portal = await (await fetch(`${system.url}/b/xyz`, { headers: html })).text();

    expect(auth).toContain('<link rel="modulepreload" crossorigin href="/assets/AuthTokenPage-1a2b.js">');
    expect(auth).toContain('<link rel="stylesheet" crossorigin href="/assets/AuthTokenPage-3c4d.css">');
    expect(auth).not.toContain("evil");
    expect(auth.indexOf("modulepreload")).toBeLessThan(auth.indexOf("</head>"));
    expect(portal).not.toContain("modulepreload");
  });

  it("serves hashed assets with immutable cache headers and other files revalidated", async () => {
    const asset = await fetch(`${system.url}/assets/app-1a2b3c.js`);
    const icon = await fetch(`${system.url}/favicon.svg`);

    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(icon.headers.get("cache-control")).toBe("no-cache");
  });

  it("sends the build's precompressed copy of an asset to a browser that accepts it, the plain file otherwise", async () => {
    const brotli = await rawGet("/assets/big-4d5e6f.js", { "accept-encoding": "gzip, deflate, br" });
    const gzip = await rawGet("/assets/big-4d5e6f.js", { "accept-encoding": "gzip" });
    const plain = await rawGet("/assets/big-4d5e6f.js", {});

    expect(brotli.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(brotli.body).toString()).toBe(BIG);
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzip.body).toString()).toBe(BIG);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(BIG);
    for (const response of [brotli, gzip, plain]) {
      expect(response.headers["content-type"]).toMatch(/^(application|text)\/javascript/);
      expect(response.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(response.headers.vary).toMatch(/accept-encoding/i);
    }
  });

  it.each(["/graphql/extra", "/graphqlx", "/business/biz_a/other", "/internal/identity", "/assets/missing.js", "/processor/tokens"])(
    "answers a JSON 404 for the unknown API or file path %s",
    async (path) => {
      const response = await fetch(`${system.url}${path}`, { headers: html });

      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ errors: [{ message: "Not found.", extensions: { code: "NOT_FOUND" } }] });
    },
  );

  it("sets the security headers on every answer", async () => {
    for (const path of ["/b/xyz", "/health", "/nope.js"]) {
      const response = await fetch(`${system.url}${path}`, { headers: html });
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
    }
  });

  it.each(["/b/biz_kestrel/subscriptions/sub_1/payment-method", "/b/xyz", "/", "/graphql?query=%7Bwhoami%7D", "/health"])(
    "sends the strict Content-Security-Policy with %s: own-origin scripts, styles and connections only, no framing",
    async (path) => {
      const response = await fetch(`${system.url}${path}`, { headers: { ...html, "apollo-require-preflight": "true" } });
      const policy = Object.fromEntries(
        response.headers.get("content-security-policy")!.split(";").map((part) => {
          const [directive, ...values] = part.trim().split(/\s+/);
          return [directive, values.join(" ")];
        }),
      );

      expect(policy).toEqual({
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
      });
    },
  );

  it("loosens only styles, fonts and workers for the playground page (Monaco needs them), never scripts", async () => {
    const policy = (await fetch(`${system.url}/playground`, { headers: html })).headers.get("content-security-policy")!;

    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("style-src 'self' 'unsafe-inline'");
    expect(policy).toContain("worker-src 'self' blob:");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/script-src[^;]*(unsafe|blob|data)/);
  });

  it("reports health", async () => {
    const response = await fetch(`${system.url}/health`);

    expect(await response.json()).toEqual({ ok: true, service: "gateway" });
  });

  it("serves GraphQL over GET and refuses a GET without a CSRF-safe header", async () => {
    const query = encodeURIComponent("{ whoami }");
    const safe = await fetch(`${system.url}/graphql?query=${query}`, { headers: { "apollo-require-preflight": "true" } });
    const unsafe = await fetch(`${system.url}/graphql?query=${query}`);

    expect(await safe.json()).toEqual({ data: { whoami: "anonymous" } });
    expect(unsafe.status).toBe(400);
  });

  it("sends a browser opening /graphql to the playground", async () => {
    const response = await fetch(`${system.url}/graphql`, { headers: html, redirect: "manual" });

    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/playground");
  });
});
