import { AppError } from "@billfold/shared";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import type { AccountsConfig } from "../config.ts";
import { ACCOUNTS_SCHEMA } from "../database.ts";
import { rateLimitKeys } from "./access.policy.ts";

export type RateLimitConfig = Pick<
  AccountsConfig,
  | "RATE_LINK_EMAIL_POINTS"
  | "RATE_LINK_EMAIL_WINDOW_SECONDS"
  | "RATE_LINK_IP_POINTS"
  | "RATE_LINK_IP_WINDOW_SECONDS"
  | "RATE_EXCHANGE_IP_POINTS"
  | "RATE_EXCHANGE_IP_WINDOW_SECONDS"
>;

export interface RateLimits {
  /** Counts one link request for this email and this IP; throws RATE_LIMITED past either limit. */
  linkRequest(email: string, ip: string): Promise<void>;
  /** Counts one token exchange for this IP. */
  exchange(ip: string): Promise<void>;
  close(): Promise<void>;
}

function rateLimited(error: unknown): never {
  if (error instanceof RateLimiterRes) {
    const retryAfterSeconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw new AppError("RATE_LIMITED", `Too many attempts. Try again in ${retryAfterSeconds} seconds.`, { retryAfterSeconds });
  }
  throw error;
}

/**
 * Limiters stored in accounts' own PostgreSQL table (accounts.rate_limit), so every accounts
 * process counts against the same numbers.
 */
export function createRateLimits(databaseUrl: string, config: RateLimitConfig): RateLimits {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 3, application_name: "billfold-accounts-limits" });
  pool.on("error", (error) => console.error("[rate limits]", error));
  const limiter = (keyPrefix: string, points: number, duration: number) =>
    new RateLimiterPostgres({
      storeClient: pool,
      storeType: "pool",
      schemaName: ACCOUNTS_SCHEMA,
      tableName: "rate_limit",
      tableCreated: true,
      clearExpiredByTimeout: true,
      keyPrefix,
      points,
      duration,
    });
  const linkEmail = limiter("link", config.RATE_LINK_EMAIL_POINTS, config.RATE_LINK_EMAIL_WINDOW_SECONDS);
  const linkIp = limiter("link", config.RATE_LINK_IP_POINTS, config.RATE_LINK_IP_WINDOW_SECONDS);
  const exchangeIp = limiter("exchange", config.RATE_EXCHANGE_IP_POINTS, config.RATE_EXCHANGE_IP_WINDOW_SECONDS);

  return {
    async linkRequest(email, ip) {
      // Both counters move on every request, so a known and an unknown email cost the same work.
      const results = await Promise.allSettled([linkIp.consume(rateLimitKeys.linkIp(ip)), linkEmail.consume(rateLimitKeys.linkEmail(email))]);
      for (const result of results) if (result.status === "rejected") rateLimited(result.reason);
    },
    async exchange(ip) {
      await exchangeIp.consume(rateLimitKeys.exchangeIp(ip)).catch(rateLimited);
    },
    close: () => pool.end(),
  };
}
