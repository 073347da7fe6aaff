import { Writable } from "node:stream";
import { SandboxProcessor } from "@billfold/shared/processor/index";
import Fastify, { type FastifyInstance } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { type FakeSystem, startFakeSystem } from "../testing/fake-system.ts";
import { IpWindowLimiter, registerProcessorTokens } from "./processor-tokens.ts";

const SECRET = "s".repeat(43);
const NOW = Date.parse("2026-11-26T12:00:00Z");
const CARD = { number: "4242 4242 4242 4242", exp_month: 12, exp_year: 2030, cvc: "123" };

let app: FastifyInstance | undefined;
let system: FakeSystem | undefined;
afterEach(async () => {
  await app?.close();
  await system?.close();
  app = system = undefined;
});

async function tokens(options: { maxPerWindow?: number; logs?: string[] } = {}) {
  const logs = options.logs;
  app = Fastify({
    logger: logs ? { level: "trace", stream: new Writable({ write: (chunk, _enc, next) => (logs.push(String(chunk)), next()) }) } : false,
  });
  await registerProcessorTokens(app, { processorSecret: SECRET, maxPerWindow: options.maxPerWindow, now: () => NOW });
  return (payload: unknown, contentType = "application/json", ip = "203.0.113.7") =>
    app!.inject({ method: "POST", url: "/processor/tokens", headers: { "content-type": contentType }, remoteAddress: ip, payload: typeof payload === "string" ? payload : JSON.stringify(payload) });
}

describe("POST /processor/tokens", () => {
  it("answers 201 with a token the shards' processor can charge, and brand, last 4 and expiry", async () => {
    const post = await tokens();
    const response = await post(CARD);
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toEqual({ token: expect.stringMatching(/^tok_/), brand: "visa", last4: "4242", exp_month: 12, exp_year: 2030 });
    expect(response.headers["cache-control"]).toBe("no-store");
    expect(new SandboxProcessor(SECRET).charge(body.token, 100, "EUR", new Date(NOW)).status).toBe("succeeded");
  });

  it.each([
    [{ ...CARD, number: "4242424242424241" }, "number"],
    [{ ...CARD, number: 4242424242424242 }, "number"],
    [{ ...CARD, exp_month: 13 }, "exp_month"],
    [{ ...CARD, exp_month: 10, exp_year: 2026 }, "exp_year"],
    [{ ...CARD, cvc: "12" }, "cvc"],
    [{ number: CARD.number, exp_month: 12, exp_year: 2030 }, "cvc"],
  ])("answers 400 naming the field for %j", async (card, field) => {
    const post = await tokens();
    const response = await post(card);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: { field, message: expect.any(String) } });
  });

  it("answers 400 for a body that is not a JSON object, and 415 for another content type", async () => {
    const post = await tokens();
    expect((await post("[1,2]")).statusCode).toBe(400);
    expect((await post("{not json")).statusCode).toBe(400);
    expect((await post("number=4242", "application/x-www-form-urlencoded")).statusCode).toBe(415);
  });

  it("never writes the card number or CVC to the log, even for a malformed body", async () => {
    const logs: string[] = [];
    const post = await tokens({ logs });
    await post(CARD);
    await post('{"number": "4000000000000002", "cvc": "987",');
    await post({ ...CARD, number: "4000000000009995", cvc: "12" });
    expect(logs.length).toBeGreaterThan(0);
    const text = logs.join("\n");
    for (const secret of ["4242424242424242", "4242 4242 4242 4242", "4000000000000002", "4000000000009995", '"987"']) {
      expect(text).not.toContain(secret);
    }
  });

  it("limits tokenizations per IP with 429 and Retry-After, other IPs unaffected", async () => {
    const post = await tokens({ maxPerWindow: 3 });
    for (let i = 0; i < 3; i++) expect((await post(CARD)).statusCode).toBe(201);
    const limited = await post(CARD);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect((await post(CARD, "application/json", "198.51.100.9")).statusCode).toBe(201);
  });

  it("is served by the gateway on its public origin", async () => {
    system = await startFakeSystem();
    const response = await fetch(`${system.url}/processor/tokens`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(CARD) });
    expect(response.status).toBe(201);
    expect(((await response.json()) as { last4: string }).last4).toBe("4242");
  });
});

describe("IpWindowLimiter", () => {
  it("forgets expired windows and never tracks more than its bound", () => {
    let now = 0;
    const limiter = new IpWindowLimiter(1, 1000, 100, () => now);
    for (let i = 0; i < 500; i++) limiter.hit(`10.0.${i >> 8}.${i & 255}`);
    expect(limiter.size).toBeLessThanOrEqual(100);
    expect(limiter.hit("10.0.1.243")).toBe(1);
    now = 1000;
    expect(limiter.hit("10.0.1.243")).toBe(0);
  });
});
