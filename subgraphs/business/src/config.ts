import { parseEnv, sharedEnv } from "@billfold/shared";
import { z } from "zod";

export const businessEnv = sharedEnv.extend({
  /** Which shard this process is (`shard1`, `shard2`…): one codebase serves every shard. */
  SHARD_ID: z.string().regex(/^[a-z0-9-]+$/, "SHARD_ID must be lower-case letters, digits or dashes"),
  PORT: z.coerce.number().int().min(0).max(65535).default(4101),
  ACCOUNTS_URL: z.url().default("http://127.0.0.1:4001"),
  INTROSPECTION: z
    .enum(["true", "false"])
    .optional()
    .transform((value) => value === "true"),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(8),
  JOBS_POOL_MAX: z.coerce.number().int().min(1).max(50).default(2),
  /**
   * Wake job workers with LISTEN/NOTIFY instead of waiting for pg-boss's next poll (2 s).
   * Leave off on the embedded PGlite socket server: a LISTEN connection stalls its queue.
   */
  JOBS_LISTEN_NOTIFY: z
    .enum(["true", "false"])
    .optional()
    .transform((value) => value === "true"),
  /** Public license API limits (per license key and per client IP, per window); defaults 60 / 600 per 60 s. */
  LICENSE_RATE_KEY_POINTS: z.coerce.number().int().min(1).optional(),
  LICENSE_RATE_IP_POINTS: z.coerce.number().int().min(1).optional(),
  LICENSE_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).optional(),
  /** Run due renewals every minute (a pg-boss schedule). Default: on, except under NODE_ENV=test. */
  BILLING_CLOCK: z
    .enum(["true", "false"])
    .transform((value) => value === "true")
    .optional(),
  /**
   * Let webhook endpoints and deliveries reach private and local addresses (127.0.0.1, 10/8,
   * 169.254.169.254, ::1…). Default: on, except under NODE_ENV=production.
   */
  WEBHOOK_ALLOW_PRIVATE_URLS: z
    .enum(["true", "false"])
    .transform((value) => value === "true")
    .optional(),
  /**
   * Fault injection for the durability test: a reactivation waits this long between the card
   * charge and its commit, so a test can kill the process in that window. Honoured only when
   * NODE_ENV=test (see createBilling).
   */
  BILLFOLD_TEST_PAUSE_AFTER_CHARGE_MS: z.coerce.number().int().min(0).max(600_000).optional(),
});

export type BusinessConfig = z.infer<typeof businessEnv>;

/** Parses the environment once at start-up. */
export function loadBusinessConfig(env: Record<string, string | undefined>): BusinessConfig {
  return parseEnv(businessEnv, env);
}
