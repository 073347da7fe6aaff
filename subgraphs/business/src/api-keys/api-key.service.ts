import { type Mode, badInput, notFound } from "@billfold/shared";
import type { EntityManager } from "@mikro-orm/postgresql";
import type { Scope } from "../shared/context.ts";
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

/** How many keys (live and revoked) one business keeps per mode; the dashboard lists them all. */
export const MAX_API_KEYS = 100;
const NAME_MAX = 100;

/** A key name as shown in the dashboard: trimmed, 1–100 characters. */
export function cleanApiKeyName(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, " ");
  if (!trimmed) throw badInput("Give the key a name, e.g. \"Production server\".", { argument: "name" });
  if (trimmed.length > NAME_MAX) throw badInput(`A key name has at most ${NAME_MAX} characters.`, { argument: "name", max: NAME_MAX });
  return trimmed;
}

/** The scope's keys, unrevoked first, newest first. */
export async function listApiKeys(em: EntityManager, scope: Scope): Promise<ApiKey[]> {
  const keys = await em.find(ApiKey, scope, { orderBy: { createdAt: "desc", id: "desc" }, limit: MAX_API_KEYS });
  return keys.sort((a, b) => Number(Boolean(a.revokedAt)) - Number(Boolean(b.revokedAt)));
}

/** Creates a named key in the scope (refused past MAX_API_KEYS unrevoked keys). */
export async function createScopedApiKey(em: EntityManager, scope: Scope, name: string): Promise<{ key: string; apiKey: ApiKey }> {
  const clean = cleanApiKeyName(name);
  const active = await em.count(ApiKey, { ...scope, revokedAt: null });
  if (active >= MAX_API_KEYS) {
    throw badInput(`A business can have at most ${MAX_API_KEYS} active keys per mode; revoke one first.`, { max: MAX_API_KEYS });
  }
  return createApiKey(em, { ...scope, name: clean });
}

/** Revokes one of the scope's keys at once (idempotent: a revoked key keeps its first revocation time). */
export async function revokeApiKey(em: EntityManager, scope: Scope, id: string): Promise<ApiKey> {
  const apiKey = await em.findOne(ApiKey, { ...scope, id });
  if (!apiKey) throw notFound("This API key");
  if (!apiKey.revokedAt) {
    apiKey.revokedAt = new Date();
    await em.flush();
  }
  return apiKey;
}
