import { type LicenseKey, licenseKeyStatus } from "./license-key.entity.ts";

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);

/** The `data` of `license_key.*` webhooks (same shape as billing's `{ payment: … }`). The full key is included: the merchant delivers it. */
export const licenseKeyData = (licenseKey: LicenseKey) => ({
  licenseKey: {
    id: licenseKey.id,
    key: licenseKey.key,
    status: licenseKeyStatus(licenseKey),
    customerId: licenseKey.customerId,
    productId: licenseKey.productId,
    subscriptionId: licenseKey.subscriptionId ?? null,
    activationLimit: licenseKey.activationLimit ?? null,
    activationsUsed: licenseKey.activationsUsed,
    expiresAt: iso(licenseKey.expiresAt),
    createdAt: iso(licenseKey.createdAt),
  },
});
