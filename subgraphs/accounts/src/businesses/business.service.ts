import type { EntityManager } from "@mikro-orm/postgresql";
import { z } from "zod";
import { badInput, newId, qualifiedTable } from "@billfold/shared";
import { normalizeEmail } from "../shared/email.util.ts";
import { Business } from "./business.entity.ts";

const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, "must be a hex colour like #1a2b3c");

export const registerBusinessInput = z.object({
  id: z.string().regex(/^biz_[0-9a-z]{4,36}$/, "must look like biz_…").optional(),
  name: z.string().trim().min(1).max(200),
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower-case words joined by hyphens").max(100),
  supportEmail: z.email().max(320),
  brand: z.object({ primaryColor: color, accentColor: color, logoUrl: z.url().nullish() }),
  shard: z.string().trim().min(1).max(64),
});
export type RegisterBusinessInput = z.input<typeof registerBusinessInput>;

/**
 * Creates a business or, when its slug is already registered, updates it in place (keeping its id),
 * so seeds and re-runs are idempotent.
 */
export async function registerBusiness(em: EntityManager, input: RegisterBusinessInput): Promise<Business> {
  const parsed = registerBusinessInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badInput(`Business ${issue.path.join(".")} ${issue.message}`, { field: issue.path.join(".") });
  }
  const { id, brand, supportEmail, ...rest } = parsed.data;
  return em.upsert(
    Business,
    { id: id ?? newId("biz"), ...rest, supportEmail: normalizeEmail(supportEmail), brand: { ...brand, logoUrl: brand.logoUrl ?? null }, updatedAt: new Date() },
    { onConflictFields: ["slug"], onConflictAction: "merge", onConflictExcludeFields: ["id", "createdAt"] },
  );
}

/** What reads of a business need: its public face and its shard. */
export type BusinessRecord = Pick<Business, "id" | "name" | "slug" | "supportEmail" | "brand" | "shard">;

/**
 * Businesses by id as plain read-only rows, without entity hydration: every request names
 * its businesses (portal pages, dashboards, login pages), so this is on the hot path.
 */
export async function findBusinessesByIds(em: EntityManager, ids: readonly string[]): Promise<Map<string, BusinessRecord>> {
  if (ids.length === 0) return new Map();
  const unique = [...new Set(ids)];
  const rows = await em.execute<BusinessRecord[]>(
    `select id, name, slug, support_email as "supportEmail", brand, shard from ${qualifiedTable(em, Business)} where id in (${unique.map(() => "?").join(", ")})`,
    unique,
  );
  return new Map(rows.map((row) => [row.id, row]));
}

/** The gateway's routing table. */
export async function listBusinesses(em: EntityManager): Promise<Business[]> {
  return em.find(Business, {}, { orderBy: { name: "asc", id: "asc" } });
}
