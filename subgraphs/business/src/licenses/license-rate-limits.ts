import { PostgresRateLimiter, type RateLimitRule } from "@billfold/shared";
import pg from "pg";
import { BUSINESS_SCHEMA } from "../shared/database.ts";
import { licenseKeyFingerprint } from "./license-key.util.ts";

export interface LicenseRateLimitConfig {
  /** Public license API calls per key per window. */
  keyPoints: number;
  /** Public license API calls per client IP per window. */
  ipPoints: number;
  windowSeconds: number;
}

export const DEFAULT_LICENSE_RATE_LIMITS: LicenseRateLimitConfig = { keyPoints: 60, ipPoints: 600, windowSeconds: 60 };

/** Counts one public license API call; throws RATE_LIMITED past the key's or the IP's limit. */
export interface LicenseRateLimits {
  consume(licenseKey: string, clientIp: string | undefined): Promise<void>;
  close(): Promise<void>;
}

/**
 * Limiters in the shard's own table (`business.rate_limit`), so every process serving the
 * database counts against the same numbers. Keys are counted by fingerprint, never stored.
 */
export function createLicenseRateLimits(databaseUrl: string, config: LicenseRateLimitConfig = DEFAULT_LICENSE_RATE_LIMITS): LicenseRateLimits {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2, application_name: "billfold-business-limits" });
  pool.on("error", (error) => console.error("[license rate limits]", error));
  const limiter = new PostgresRateLimiter(pool, `"${BUSINESS_SCHEMA}"."rate_limit"`);
  const perKey: RateLimitRule = { prefix: "license_key", points: config.keyPoints, windowSeconds: config.windowSeconds };
  const perIp: RateLimitRule = { prefix: "license_ip", points: config.ipPoints, windowSeconds: config.windowSeconds };
  return {
    consume: (licenseKey, clientIp) =>
      limiter.consume(
        [[perKey, licenseKeyFingerprint(licenseKey)], ...(clientIp ? [[perIp, clientIp] as [RateLimitRule, string]] : [])],
        (seconds) => `Too many license requests. Try again in ${seconds} seconds.`,
      ),
    close: () => pool.end(),
  };
}
