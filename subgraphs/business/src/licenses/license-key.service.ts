import { badInput, notFound } from "@billfold/shared";
import type { FilterQuery } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import { Customer } from "../customers/customer.entity.ts";
import type { Scope } from "../shared/context.ts";
import { type Page, type PageArgs, paginate } from "../shared/pagination.ts";
import { LicenseKey, type LicenseKeyStatus } from "./license-key.entity.ts";

export interface LicenseKeyListArgs extends PageArgs {
  customerId?: string | null;
  /** Part of the key, a customer's email or name, or a key id. */
  search?: string | null;
  /** The effective status (see `licenseKeyStatus`). */
  status?: LicenseKeyStatus | null;
}

const MAX_SEARCH_LENGTH = 100;
const MAX_MATCHING_CUSTOMERS = 500;

const likePattern = (value: string) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The SQL form of `licenseKeyStatus` at `now`. */
function statusFilter(status: LicenseKeyStatus, now: Date): FilterQuery<LicenseKey> {
  const notDisabledBySubscription = { $or: [{ disableAt: null }, { disableAt: { $gt: now } }] };
  if (status === "disabled") return { $or: [{ status: "disabled" }, { disableAt: { $lte: now } }] };
  if (status === "expired") {
    return { $and: [{ status: { $ne: "disabled" } }, notDisabledBySubscription, { $or: [{ status: "expired" }, { expiresAt: { $lte: now } }] }] };
  }
  return { $and: [{ status: "active" }, notDisabledBySubscription, { $or: [{ expiresAt: null }, { expiresAt: { $gt: now } }] }] };
}

async function searchFilter(em: EntityManager, scope: Scope, search: string): Promise<FilterQuery<LicenseKey>> {
  const text = search.trim();
  if (text.length > MAX_SEARCH_LENGTH) throw badInput(`"search" must be at most ${MAX_SEARCH_LENGTH} characters.`, { argument: "search" });
  const customers = await em.find(
    Customer,
    { ...scope, $or: [{ email: { $ilike: likePattern(text) } }, { name: { $ilike: likePattern(text) } }] },
    { fields: ["id"], limit: MAX_MATCHING_CUSTOMERS },
  );
  return {
    $or: [
      { key: { $like: likePattern(text.toUpperCase()) } },
      { id: text },
      ...(customers.length ? [{ customerId: { $in: customers.map((customer) => customer.id) } }] : []),
    ],
  };
}

/** A business's license keys, newest first: optionally one customer's, matching a search, in a status. */
export async function listLicenseKeys(em: EntityManager, scope: Scope, args: LicenseKeyListArgs): Promise<Page<LicenseKey>> {
  const where: FilterQuery<LicenseKey>[] = [{ ...scope }];
  if (args.customerId) where.push({ customerId: args.customerId });
  if (args.status) where.push(statusFilter(args.status, new Date()));
  if (args.search?.trim()) where.push(await searchFilter(em, scope, args.search));
  return paginate(em, LicenseKey, { $and: where }, "createdAt", args);
}

async function findOwnKey(em: EntityManager, scope: Scope, id: string): Promise<LicenseKey> {
  const licenseKey = await em.findOne(LicenseKey, { id, ...scope });
  if (!licenseKey) throw notFound("This license key");
  return licenseKey;
}

/** Disables or re-enables a key. Enabling also lifts a disable its subscription's end scheduled. */
export async function setLicenseKeyEnabled(em: EntityManager, scope: Scope, id: string, enabled: boolean): Promise<LicenseKey> {
  const licenseKey = await findOwnKey(em, scope, id);
  licenseKey.status = enabled ? "active" : "disabled";
  if (enabled) licenseKey.disableAt = null;
  await em.flush();
  return licenseKey;
}

/**
 * Changes the activation limit and/or expiry: `undefined` keeps a value, `null` removes it
 * (unlimited, never expires). A limit below the seats in use refuses new activations only.
 */
export async function updateLicenseKey(
  em: EntityManager,
  scope: Scope,
  id: string,
  changes: { activationLimit?: number | null; expiresAt?: Date | null },
): Promise<LicenseKey> {
  const { activationLimit, expiresAt } = changes;
  if (activationLimit != null && (!Number.isInteger(activationLimit) || activationLimit < 1 || activationLimit > 1_000_000)) {
    throw badInput('"activationLimit" must be a whole number from 1 to 1,000,000, or null for unlimited.', { argument: "activationLimit" });
  }
  const licenseKey = await findOwnKey(em, scope, id);
  if (activationLimit !== undefined) licenseKey.activationLimit = activationLimit;
  if (expiresAt !== undefined) licenseKey.expiresAt = expiresAt;
  await em.flush();
  return licenseKey;
}
