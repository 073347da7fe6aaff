import { parseEnv, parseShardList, sharedEnv } from "@billfold/shared";
import { z } from "zod";

const flag = z
  .enum(["true", "false", "1", "0"])
  .default("false")
  .transform((value) => value === "true" || value === "1");
const count = (fallback: number) => z.coerce.number().int().positive().default(fallback);

export const accountsEnv = sharedEnv.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4001),
  /** GraphQL introspection on the subgraph itself (the gateway never needs it: it loads the supergraph from disk). */
  INTROSPECTION: flag,
  /** smtp(s)://user:pass@host:port; without it emails are only kept for the dev mailbox. */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default("Billfold <no-reply@billfold.dev>"),
  /** Link requests per email address per window (known or not). */
  RATE_LINK_EMAIL_POINTS: count(5),
  RATE_LINK_EMAIL_WINDOW_SECONDS: count(600),
  /** Link requests per client IP per window. */
  RATE_LINK_IP_POINTS: count(20),
  RATE_LINK_IP_WINDOW_SECONDS: count(600),
  /** Token exchanges per client IP per window. */
  RATE_EXCHANGE_IP_POINTS: count(30),
  RATE_EXCHANGE_IP_WINDOW_SECONDS: count(600),
  /** Run the job workers (emails, login links) in this process. Tests drain jobs by hand instead. */
  JOB_WORKERS: z
    .enum(["true", "false", "1", "0"])
    .default("true")
    .transform((value) => value === "true" || value === "1"),
  /** `shard1=http://127.0.0.1:4101,…`: where accounts tells a business shard about a customer's new email. */
  SHARDS: z
    .string()
    .default("shard1=http://127.0.0.1:4101,shard2=http://127.0.0.1:4102")
    .transform((value, ctx) => {
      try {
        return parseShardList(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
        return z.NEVER;
      }
    }),
  JOB_POLL_SECONDS: z.coerce.number().min(0.5).default(1),
});

export type AccountsConfig = z.infer<typeof accountsEnv>;

export function parseAccountsConfig(env: Record<string, string | undefined>): AccountsConfig {
  return parseEnv(accountsEnv, env);
}
