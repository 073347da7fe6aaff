import { createHash } from "node:crypto";
import { AppError, badInput } from "@billfold/shared";
import type { EntityManager } from "@mikro-orm/postgresql";
import type { Scope } from "../shared/context.ts";
import { IdempotencyRecord } from "./idempotency-record.entity.ts";

/** How long a key answers with its first result. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

export function requestHash(operation: string, params: Record<string, unknown>): string {
  const canonical = JSON.stringify([operation, Object.keys(params).sort().map((key) => [key, params[key] ?? null])]);
  return createHash("sha256").update(canonical).digest("hex");
}

export function checkIdempotencyKey(key: string | null | undefined): string | null {
  if (key == null) return null;
  if (key.length < 8 || key.length > 200 || !/^[\x21-\x7e]+$/.test(key)) {
    throw badInput("The idempotency key must be 8 to 200 visible ASCII characters.", { field: "idempotencyKey" });
  }
  return key;
}

/**
 * The stored response for `key` when it is younger than a day. The same key with other
 * parameters is a CONFLICT: the client reused a key for a different request.
 */
export async function findReplay<T extends Record<string, unknown>>(em: EntityManager, scope: Scope, key: string, hash: string, now = new Date()): Promise<T | null> {
  const record = await em.findOne(IdempotencyRecord, { businessId: scope.businessId, mode: scope.mode, key }, { refresh: true });
  if (!record || now.getTime() - record.createdAt.getTime() > IDEMPOTENCY_WINDOW_MS) return null;
  if (record.requestHash !== hash) {
    throw new AppError("CONFLICT", "This idempotency key was already used for a different request. Send a new key.", { idempotencyKey: key });
  }
  return record.response as T;
}

/** Persists (does not flush) the first response under `key`, replacing an expired record. */
export async function rememberResponse(em: EntityManager, scope: Scope, key: string, hash: string, response: Record<string, unknown>): Promise<void> {
  const existing = await em.findOne(IdempotencyRecord, { businessId: scope.businessId, mode: scope.mode, key });
  if (existing) {
    Object.assign(existing, { requestHash: hash, response, createdAt: new Date() });
    return;
  }
  em.create(IdempotencyRecord, { businessId: scope.businessId, mode: scope.mode, key, requestHash: hash, response });
}
