import { AppError, type Mode, badInput, notFound } from "@billfold/shared";
import { LockMode } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import { Customer } from "../customers/customer.entity.ts";
import { Product } from "../products/product.entity.ts";
import { LicenseInstance } from "./license-instance.entity.ts";
import { LicenseKey, licenseKeyStatus } from "./license-key.entity.ts";
import { buildLicenseInstance } from "./license-key.factory.ts";
import { parseLicenseKey } from "./license-key.util.ts";

/**
 * Where a public license call arrived: the business whose endpoint it is, and the mode when the
 * caller fixed one (a merchant API key). Without a mode the key's own mode applies.
 */
export interface LicenseEndpoint {
  businessId: string;
  mode?: Mode;
}

export interface LicenseActivation {
  instance: LicenseInstance;
  licenseKey: LicenseKey;
  customer: Customer;
  product: Product;
}

export const ACTIVATION_LIMIT_REACHED = "ACTIVATION_LIMIT_REACHED";
const MAX_NAME_LENGTH = 200;

const unknownKey = () => notFound("This license key");

/** The `{ key, businessId, mode }` to look a key up by, or null when the key cannot belong to this endpoint. */
function lookupFor(endpoint: LicenseEndpoint, rawKey: string): { key: string; businessId: string; mode: Mode } | null {
  const parsed = parseLicenseKey(rawKey);
  if (!parsed || parsed.businessId !== endpoint.businessId) return null;
  if (endpoint.mode && parsed.mode !== endpoint.mode) return null;
  return parsed;
}

/** The key row, locked for this transaction (concurrent activations queue on it). */
async function lockKey(tx: EntityManager, endpoint: LicenseEndpoint, rawKey: string): Promise<LicenseKey> {
  const lookup = lookupFor(endpoint, rawKey);
  const key = lookup ? await tx.findOne(LicenseKey, lookup, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true }) : null;
  if (!key) throw unknownKey();
  return key;
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > MAX_NAME_LENGTH) {
    throw badInput(`"name" must be 1 to ${MAX_NAME_LENGTH} characters.`, { argument: "name" });
  }
  return trimmed;
}

/**
 * Activates a key on one more machine: the key row is locked, its status and limit checked and
 * the instance written in one transaction, so concurrent activations never pass the limit.
 */
export async function activateLicense(em: EntityManager, endpoint: LicenseEndpoint, input: { licenseKey: string; name: string }): Promise<LicenseActivation> {
  const name = checkName(input.name);
  return em.transactional(async (tx) => {
    const licenseKey = await lockKey(tx, endpoint, input.licenseKey);
    const status = licenseKeyStatus(licenseKey);
    if (status !== "active") throw new AppError("FORBIDDEN", `This license key is ${status}.`, { status });
    if (licenseKey.activationLimit != null && licenseKey.activationsUsed >= licenseKey.activationLimit) {
      throw new AppError("CONFLICT", `This license key has reached its activation limit (${licenseKey.activationLimit}).`, {
        reason: ACTIVATION_LIMIT_REACHED,
        activationLimit: licenseKey.activationLimit,
      });
    }
    const instance = buildLicenseInstance(tx, licenseKey, name);
    await tx.flush();
    const [customer, product] = await Promise.all([
      tx.findOneOrFail(Customer, { id: licenseKey.customerId }),
      tx.findOneOrFail(Product, { id: licenseKey.productId }),
    ]);
    return { instance, licenseKey, customer, product };
  });
}

/** True when the key is active now and, when given, the instance is one of its live activations. */
export async function validateLicense(em: EntityManager, endpoint: LicenseEndpoint, input: { licenseKey: string; instanceId?: string | null }): Promise<boolean> {
  const lookup = lookupFor(endpoint, input.licenseKey);
  if (!lookup) return false;
  const licenseKey = await em.findOne(LicenseKey, lookup);
  if (!licenseKey || licenseKeyStatus(licenseKey) !== "active") return false;
  if (!input.instanceId) return true;
  const instance = await em.findOne(LicenseInstance, { id: input.instanceId, licenseKeyId: licenseKey.id, deactivatedAt: null }, { fields: ["id"] });
  return instance !== null;
}

/** Ends one activation and frees its seat (allowed whatever the key's status). */
export async function deactivateLicense(em: EntityManager, endpoint: LicenseEndpoint, input: { licenseKey: string; instanceId: string }): Promise<LicenseKey> {
  return em.transactional(async (tx) => {
    const licenseKey = await lockKey(tx, endpoint, input.licenseKey);
    await releaseSeat(tx, licenseKey, input.instanceId);
    return licenseKey;
  });
}

/**
 * A customer frees a seat from the portal: the instance must belong to a key of one of
 * `customerIds` at `businessId` in `mode` (anything else is "not found").
 */
export async function deactivateCustomerLicenseInstance(
  em: EntityManager,
  owner: { businessId: string; mode: Mode; customerIds: string[] },
  instanceId: string,
): Promise<LicenseKey> {
  return em.transactional(async (tx) => {
    const instance = await tx.findOne(LicenseInstance, { id: instanceId, businessId: owner.businessId, mode: owner.mode });
    const licenseKey = instance
      ? await tx.findOne(
          LicenseKey,
          { id: instance.licenseKeyId, businessId: owner.businessId, mode: owner.mode, customerId: { $in: owner.customerIds } },
          { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
        )
      : null;
    if (!licenseKey) throw notFound("This activation");
    await releaseSeat(tx, licenseKey, instanceId);
    return licenseKey;
  });
}

/** Marks the instance deactivated and counts the seat free; the key must already be locked. */
async function releaseSeat(tx: EntityManager, licenseKey: LicenseKey, instanceId: string): Promise<void> {
  const instance = await tx.findOne(LicenseInstance, { id: instanceId, licenseKeyId: licenseKey.id, deactivatedAt: null });
  if (!instance) throw notFound("This activation");
  instance.deactivatedAt = new Date();
  licenseKey.activationsUsed = Math.max(0, licenseKey.activationsUsed - 1);
  await tx.flush();
}
