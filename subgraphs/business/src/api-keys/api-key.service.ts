import type { Mode } from "@billfold/shared";
import type { EntityManager } from "@mikro-orm/postgresql";
import { ApiKey } from "./api-key.entity.ts";
import { generateApiKey, hashApiKey, parseApiKey } from "./api-key.util.ts";

/** Creates an API key; the raw key is returned once and never stored. */
export async function createApiKey(
  em: EntityManager,
  input: { businessId: string; mode: Mode; name: string },
): Promise<{ key: string; apiKey: ApiKey }> {
  const { key, prefix } = generateApiKey(input.mode, input.businessId);
  const apiKey = em.create(ApiKey, { ...input, prefix, keyHash: hashApiKey(key) });
  await em.flush();
  return { key, apiKey };
}

/**
 * The live, unrevoked key matching `key`, or null. Marks it used at most once a minute (a
 * conditional update, so busy keys do not write on every request).
 */
export async function authenticateApiKey(em: EntityManager, key: string): Promise<ApiKey | null> {
  const claimed = parseApiKey(key);
  if (!claimed) return null;
  const apiKey = await em.findOne(ApiKey, { keyHash: hashApiKey(key), revokedAt: null });
  if (!apiKey || apiKey.mode !== claimed.mode || apiKey.businessId !== claimed.businessId) return null;
  const now = new Date();
  if (!apiKey.lastUsedAt || now.getTime() - apiKey.lastUsedAt.getTime() >= 60_000) {
    await em.nativeUpdate(
      ApiKey,
      { id: apiKey.id, $or: [{ lastUsedAt: null }, { lastUsedAt: { $lt: new Date(now.getTime() - 60_000) } }] },
      { lastUsedAt: now },
    );
  }
  return apiKey;
}
