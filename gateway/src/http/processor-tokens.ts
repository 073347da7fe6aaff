import { CardError, SandboxProcessor } from "@billfold/shared/processor/index";
import type { FastifyInstance, FastifyReply } from "fastify";

export const PROCESSOR_TOKENS_PATH = "/processor/tokens";

export interface ProcessorTokensOptions {
  /** deriveProcessorSecret(IDENTITY_SECRET): the shards verify the tokens with the same key. */
  processorSecret: string;
  /** Tokenizations per IP and window (card testing is what this slows down). */
  maxPerWindow?: number;
  windowMs?: number;
  /** Bound on the IPs remembered; the oldest windows are dropped first. */
  maxTrackedIps?: number;
  now?: () => number;
}

type Field = "number" | "exp_month" | "exp_year" | "cvc" | null;

const invalid = (reply: FastifyReply, field: Field, message: string) => reply.code(400).send({ error: { field, message } });

/**
 * A fixed window per IP, in this process's memory. Good enough for one gateway process; several
 * gateways behind a balancer each count on their own (a shared limiter would live in PostgreSQL).
 */
export class IpWindowLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly maxTracked: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request; answers the seconds to wait when the IP is over its limit, else 0. */
  hit(ip: string): number {
    const now = this.now();
    let window = this.windows.get(ip);
    if (!window || now - window.start >= this.windowMs) {
      this.windows.delete(ip);
      if (this.windows.size >= this.maxTracked) this.evict(now);
      window = { start: now, count: 0 };
      this.windows.set(ip, window);
    }
    window.count += 1;
    return window.count > this.max ? Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000)) : 0;
  }

  get size(): number {
    return this.windows.size;
  }

  private evict(now: number) {
    for (const [ip, window] of this.windows) {
      if (now - window.start >= this.windowMs) this.windows.delete(ip);
    }
    // Maps iterate in insertion order: the first entries are the oldest windows.
    for (const ip of this.windows.keys()) {
      if (this.windows.size < this.maxTracked) break;
      this.windows.delete(ip);
    }
  }
}

/**
 * `POST /processor/tokens` `{number, exp_month, exp_year, cvc}` → 201 `{token, brand, last4,
 * exp_month, exp_year}`: the only place a card number or CVC is ever sent. The body is parsed by
 * a parser of our own (a JSON syntax error quotes its input) and is never logged.
 */
export async function registerProcessorTokens(app: FastifyInstance, options: ProcessorTokensOptions): Promise<void> {
  const processor = new SandboxProcessor(options.processorSecret);
  const now = options.now ?? Date.now;
  const limiter = new IpWindowLimiter(options.maxPerWindow ?? 20, options.windowMs ?? 60_000, options.maxTrackedIps ?? 10_000, now);

  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("application/json", { parseAs: "string", bodyLimit: 1024 }, (_request, body, done) => {
      try {
        done(null, JSON.parse(body as string));
      } catch {
        done(Object.assign(new Error("The body must be JSON."), { statusCode: 400 }), undefined);
      }
    });
    scope.setErrorHandler((error: { statusCode?: number }, _request, reply) => {
      // Our own messages only: a parser's error could quote the body.
      const status = error.statusCode === 413 || error.statusCode === 415 ? error.statusCode : 400;
      const message = status === 413 ? "The body is too large." : "Send the card as a JSON object.";
      return reply.code(status).send({ error: { field: null, message } });
    });

    scope.post(PROCESSOR_TOKENS_PATH, async (request, reply) => {
      const wait = limiter.hit(request.ip);
      if (wait > 0) {
        return reply.code(429).header("retry-after", String(wait)).send({ error: { field: null, message: "Too many card attempts. Wait a minute and try again." } });
      }
      const body = request.body as Record<string, unknown> | null;
      if (!body || typeof body !== "object" || Array.isArray(body)) return invalid(reply, null, "Send the card as a JSON object.");
      if (typeof body.number !== "string") return invalid(reply, "number", "The card number is required.");
      if (typeof body.cvc !== "string") return invalid(reply, "cvc", "The security code is required.");
      const month = Number(body.exp_month);
      const year = Number(body.exp_year);
      try {
        const token = processor.tokenize({ number: body.number, exp_month: month, exp_year: year, cvc: body.cvc }, new Date(now()));
        reply.header("cache-control", "no-store");
        return reply.code(201).send(token);
      } catch (error) {
        if (error instanceof CardError) return invalid(reply, error.field, error.message);
        return invalid(reply, null, "The card could not be read.");
      }
    });
  });
}
