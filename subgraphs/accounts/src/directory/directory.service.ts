import type { EntityManager } from "@mikro-orm/postgresql";
import { type AccountGrant, type Mode, badInput, newId } from "@billfold/shared";
import { findBusinessesByIds } from "../businesses/business.service.ts";
import { normalizeEmail } from "../shared/email.util.ts";
import { DirectoryEntry } from "./directory-entry.entity.ts";
import { type DirectoryEntryInput, directoryEntriesInput } from "./directory.inputs.ts";

export interface DirectoryAccount extends AccountGrant {
  mode: Mode;
}

/**
 * Idempotent upsert keyed by (businessId, mode, customerId): a customer has one email per business
 * and mode, so writing a new email (with or without previousEmail) moves the entry to it.
 * Unknown businesses are refused so that every account can name its business.
 */
export async function upsertDirectoryEntries(em: EntityManager, entries: DirectoryEntryInput[]): Promise<{ count: number }> {
  const parsed = directoryEntriesInput.safeParse(entries);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badInput(`Directory entry ${issue.path.join(".")}: ${issue.message}`);
  }
  const byKey = new Map<string, Omit<DirectoryEntryInput, "previousEmail">>();
  for (const entry of parsed.data) {
    byKey.set(`${entry.businessId}\u0000${entry.mode}\u0000${entry.customerId}`, {
      email: normalizeEmail(entry.email),
      businessId: entry.businessId,
      customerId: entry.customerId,
      mode: entry.mode,
    });
  }
  if (byKey.size === 0) return { count: 0 };

  const businessIds = [...new Set([...byKey.values()].map((entry) => entry.businessId))];
  const known = await findBusinessesByIds(em, businessIds);
  const unknown = businessIds.filter((id) => !known.has(id));
  if (unknown.length) throw badInput(`Unknown business: ${unknown.join(", ")}.`, { businessIds: unknown });

  const now = new Date();
  await em.upsertMany(
    DirectoryEntry,
    [...byKey.values()].map((entry) => ({ id: newId("dir"), ...entry, updatedAt: now })),
    { onConflictFields: ["businessId", "mode", "customerId"], onConflictAction: "merge", onConflictMergeFields: ["email", "updatedAt"] },
  );
  return { count: byKey.size };
}

/** The customer accounts an email holds in one mode, in a stable order. */
export async function directoryAccounts(em: EntityManager, email: string, mode: Mode): Promise<DirectoryAccount[]> {
  const rows = await em.find(
    DirectoryEntry,
    { email: normalizeEmail(email), mode },
    { fields: ["businessId", "customerId", "mode"], orderBy: { businessId: "asc", customerId: "asc" } },
  );
  return rows.map(({ businessId, customerId }) => ({ businessId, customerId, mode }));
}
