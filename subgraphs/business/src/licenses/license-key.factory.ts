import type { Mode } from "@billfold/shared";
import type { EntityManager, RequiredEntityData } from "@mikro-orm/postgresql";
import { LicenseInstance } from "./license-instance.entity.ts";
import { LicenseKey } from "./license-key.entity.ts";
import { generateLicenseKey } from "./license-key.util.ts";

/** Persists (does not flush) a license key with a fresh key of its business and mode unless one is given. */
export function buildLicenseKey(
  em: EntityManager,
  data: Omit<RequiredEntityData<LicenseKey>, "key" | "businessId" | "mode"> & { businessId: string; mode: Mode; key?: string },
): LicenseKey {
  return em.create(LicenseKey, { ...data, key: data.key ?? generateLicenseKey(data.businessId, data.mode) } as RequiredEntityData<LicenseKey>);
}

/** Persists (does not flush) an activation and counts it on its key. */
export function buildLicenseInstance(em: EntityManager, licenseKey: LicenseKey, name: string, createdAt = new Date()): LicenseInstance {
  licenseKey.activationsUsed += 1;
  return em.create(LicenseInstance, {
    businessId: licenseKey.businessId,
    mode: licenseKey.mode,
    licenseKeyId: licenseKey.id,
    name,
    createdAt,
  });
}
