import { registerEnumType } from "type-graphql";

// GraphQL enum values are the same lower-case names the rows carry.
const enumOf = <const T extends readonly string[]>(values: T) =>
  Object.fromEntries(values.map((value) => [value, value])) as { [K in T[number]]: K };

export const SubscriptionStatusEnum = enumOf(["pending", "active", "on_hold", "paused", "cancelled", "failed", "expired"]);
export const PaymentStatusEnum = enumOf(["succeeded", "failed", "processing"]);
export const InvoiceStatusEnum = enumOf(["paid", "open", "void", "uncollectible"]);
export const LicenseKeyStatusEnum = enumOf(["active", "disabled", "expired"]);
export const BillingIntervalEnum = enumOf(["day", "week", "month", "year"]);

registerEnumType(SubscriptionStatusEnum, { name: "SubscriptionStatus" });
registerEnumType(PaymentStatusEnum, { name: "PaymentStatus" });
registerEnumType(InvoiceStatusEnum, { name: "InvoiceStatus" });
registerEnumType(LicenseKeyStatusEnum, { name: "LicenseKeyStatus" });
registerEnumType(BillingIntervalEnum, { name: "BillingInterval" });
