import { createHash } from "node:crypto";
import { IDENTITY_HEADER, type Identity } from "@billfold/shared";
import { z } from "zod";
import type { SubgraphHttp } from "../http/subgraph-http.ts";
import { TtlCache } from "./ttl-cache.ts";

const mode = z.enum(["test", "live"]);
const identitySchema: z.ZodType<Identity> = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("anonymous") }),
  z.object({
    kind: z.literal("person"),
    email: z.string(),
    sessionId: z.string(),
    mode,
    accounts: z.array(z.object({ businessId: z.string(), customerId: z.string() })),
    businessScope: z.string().optional(),
  }),
  z.object({ kind: z.literal("merchant"), businessId: z.string(), mode, merchantUserId: z.string(), sessionId: z.string().optional() }),
  z.object({ kind: z.literal("service"), service: z.string() }),
]);
const identityAnswer = z.object({ identity: identitySchema });

export const ANONYMOUS: Identity = Object.freeze({ kind: "anonymous" });

export interface IdentityResolverOptions {
  accountsUrl: string;
  http: SubgraphHttp;
  serviceIdentity: () => string;
  cacheMs: number;
  timeoutMs: number;
  maxEntries?: number;
}

/** The cache key for a session token: the raw token never sits in memory longer than the request. */
export const sessionKey = (token: string) => createHash("sha256").update(token).digest("base64url");

/**
 * Turns a session token into an Identity through accounts `POST /internal/identity`.
 * Answers are cached briefly by token hash; concurrent look-ups of one token share one call.
 */
export class IdentityResolver {
  private readonly cache: TtlCache<string, Promise<Identity>>;
  /** Session id → cache key, so accounts can name sessions it ended without knowing their tokens. */
  private readonly keysBySession = new Map<string, string>();

  constructor(private readonly options: IdentityResolverOptions) {
    this.cache = new TtlCache(options.maxEntries ?? 10_000, options.cacheMs);
  }

  resolve(token: string | null): Promise<Identity> {
    if (!token) return Promise.resolve(ANONYMOUS);
    const key = sessionKey(token);
    const cached = this.cache.get(key);
    if (cached) return cached;
    const pending = this.lookup(token);
    this.cache.set(key, pending);
    pending.then(
      (identity) => {
        const sessionId = identity.kind === "person" || identity.kind === "merchant" ? identity.sessionId : undefined;
        if (!sessionId || this.options.cacheMs <= 0) return;
        this.keysBySession.set(sessionId, key);
        if (this.keysBySession.size > (this.options.maxEntries ?? 10_000) * 2) this.keysBySession.delete(this.keysBySession.keys().next().value!);
      },
      () => this.cache.delete(key),
    );
    return pending;
  }

  /** Drops a cached answer, e.g. when accounts ends or replaces the session. */
  forget(key: string): void {
    this.cache.delete(key);
  }

  /** Drops the cached answers of sessions accounts ended or changed (other devices, mode switch). */
  forgetSessions(sessionIds: string[]): void {
    for (const id of sessionIds) {
      const key = this.keysBySession.get(id);
      if (key) this.cache.delete(key);
      this.keysBySession.delete(id);
    }
  }

  private async lookup(sessionToken: string): Promise<Identity> {
    const answer = await this.options.http.json<unknown>(`${this.options.accountsUrl}/internal/identity`, {
      method: "POST",
      headers: { [IDENTITY_HEADER]: this.options.serviceIdentity() },
      body: { sessionToken },
      timeoutMs: this.options.timeoutMs,
    });
    return identityAnswer.parse(answer).identity;
  }
}
