import { parseEnv, sharedEnv } from "@billfold/shared";
import { z } from "zod";

const flag = z
  .enum(["true", "false", "1", "0"])
  .default("false")
  .transform((value) => value === "true" || value === "1");

export const accountsEnv = sharedEnv.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4001),
  /** GraphQL introspection on the subgraph itself (the gateway never needs it: it loads the supergraph from disk). */
  INTROSPECTION: flag,
});

export type AccountsConfig = z.infer<typeof accountsEnv>;

export function parseAccountsConfig(env: Record<string, string | undefined>): AccountsConfig {
  return parseEnv(accountsEnv, env);
}
