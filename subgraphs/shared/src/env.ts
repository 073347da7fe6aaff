import { z } from "zod";

/** Settings every Billfold process shares; each package extends this with its own. */
export const sharedEnv = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().min(1, "DATABASE_URL is required (./billfold start sets it for you)"),
  IDENTITY_SECRET: z.string().min(32, "IDENTITY_SECRET must be at least 32 characters"),
  PUBLIC_URL: z.url().default("http://localhost:4000"),
  HOST: z.string().default("127.0.0.1"),
});

/** Parses the environment once at start-up; a bad setting stops the process with a clear list. */
export function parseEnv<T extends z.ZodType>(schema: T, env: Record<string, string | undefined>): z.infer<T> {
  const result = schema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  return result.data;
}

/** `shard1=http://127.0.0.1:4101,shard2=…` → Map(shard → base URL). */
export function parseShardList(value: string): Map<string, string> {
  const shards = new Map<string, string>();
  for (const entry of value.split(",").map((s) => s.trim()).filter(Boolean)) {
    const [name, url] = entry.split("=");
    if (!name || !url) throw new Error(`SHARDS entry "${entry}" is not name=url`);
    shards.set(name, url.replace(/\/$/, ""));
  }
  return shards;
}
