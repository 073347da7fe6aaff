import { PostgresRateLimiter, type RateLimitRule } from "@billfold/shared";
import pg from "pg";
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

/**
 * Limiters stored in accounts' own PostgreSQL table (accounts.rate_limit), so every accounts
 * process counts against the same numbers.
 */
export function createRateLimits(databaseUrl: string, config: RateLimitConfig): RateLimits {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 3, application_name: "billfold-accounts-limits" });
  pool.on("error", (error) => console.error("[rate limits]", error));
  const limiter = new PostgresRateLimiter(pool, `"${ACCOUNTS_SCHEMA}"."rate_limit"`);
  const linkEmail: RateLimitRule = { prefix: "link", points: config.RATE_LINK_EMAIL_POINTS, windowSeconds: config.RATE_LINK_EMAIL_WINDOW_SECONDS };
  const linkIp: RateLimitRule = { prefix: "link", points: config.RATE_LINK_IP_POINTS, windowSeconds: config.RATE_LINK_IP_WINDOW_SECONDS };
  const exchangeIp: RateLimitRule = { prefix: "exchange", points: config.RATE_EXCHANGE_IP_POINTS, windowSeconds: config.RATE_EXCHANGE_IP_WINDOW_SECONDS };
  const message = (seconds: number) => `Too many attempts. Try again in ${seconds} seconds.`;

  return {
    // Both counters move on every request, so a known and an unknown email cost the same work.
    linkRequest: (email, ip) =>
      limiter.consume([[linkIp, rateLimitKeys.linkIp(ip)], [linkEmail, rateLimitKeys.linkEmail(email)]], message),
    exchange: (ip) => limiter.consume([[exchangeIp, rateLimitKeys.exchangeIp(ip)]], message),
    close: () => pool.end(),
  };
}
