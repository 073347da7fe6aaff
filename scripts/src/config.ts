import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { parseEnv } from "@billfold/shared";
import { REPO_ROOT } from "./stack.ts";

const launcherEnv = z.object({
  DATABASE_URL: z.string().optional(),
  IDENTITY_SECRET: z.string().min(32).optional(),
  /** Defaults to http://localhost:{GATEWAY_PORT}. */
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().default(join(REPO_ROOT, ".data")),
  EMBEDDED_DB_PORT: z.coerce.number().int().default(54329),
  GATEWAY_PORT: z.coerce.number().int().default(4000),
  ACCOUNTS_PORT: z.coerce.number().int().default(4001),
  SHARD1_PORT: z.coerce.number().int().default(4101),
  SHARD2_PORT: z.coerce.number().int().default(4102),
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
});

export type LauncherConfig = z.infer<typeof launcherEnv> & { PUBLIC_URL: string };

export function loadLauncherConfig(env: Record<string, string | undefined> = process.env): LauncherConfig {
  const config = parseEnv(launcherEnv, env);
  return { ...config, PUBLIC_URL: config.PUBLIC_URL ?? `http://localhost:${config.GATEWAY_PORT}` };
}

/** The HMAC secret the gateway signs identities with; generated once and kept under .data/. */
export async function identitySecret(config: LauncherConfig): Promise<string> {
  if (config.IDENTITY_SECRET) return config.IDENTITY_SECRET;
  const file = join(config.DATA_DIR, "identity-secret");
  const existing = await readFile(file, "utf8").catch(() => "");
  if (existing.trim().length >= 32) return existing.trim();
  const secret = randomBytes(32).toString("base64url");
  await mkdir(config.DATA_DIR, { recursive: true });
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}
