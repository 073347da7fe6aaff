import { AppError } from "@billfold/shared";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
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

function rateLimited(error: unknown): never {
  if (error instanceof RateLimiterRes) {
    const retryAfterSeconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw new AppError("RATE_LIMITED", `Too many license requests. Try again in ${retryAfterSeconds} seconds.`, { retryAfterSeconds });
  }
  throw error;
}

/**
 * Limiters in the shard's own table (`business.rate_limit`), so every process serving the
 * database counts against the same numbers. Keys are counted by fingerprint, never stored.
 */
export function createLicenseRateLimits(databaseUrl: string, config: LicenseRateLimitConfig = DEFAULT_LICENSE_RATE_LIMITS): LicenseRateLimits {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2, application_name: "billfold-business-limits" });
  pool.on("error", (error) => console.error("[license rate limits]", error));
  const limiter = (keyPrefix: string, points: number) =>
    new RateLimiterPostgres({
      storeClient: pool,
      storeType: "pool",
      schemaName: BUSINESS_SCHEMA,
      tableName: "rate_limit",
      tableCreated: true,
      clearExpiredByTimeout: true,
      keyPrefix,
      points,
      duration: config.windowSeconds,
    });
  const perKey = limiter("license_key", config.keyPoints);
  const perIp = limiter("license_ip", config.ipPoints);
  return {
    async consume(licenseKey, clientIp) {
      const results = await Promise.allSettled([
        perKey.consume(licenseKeyFingerprint(licenseKey)),
        clientIp ? perIp.consume(clientIp) : Promise.resolve(),
      ]);
      for (const result of results) if (result.status === "rejected") rateLimited(result.reason);
    },
    close: () => pool.end(),
  };
}
