import "reflect-metadata";

export { createBusinessApp, type BusinessApp, type BusinessAppOptions } from "./app.ts";
export { businessEnv, loadBusinessConfig, type BusinessConfig } from "./config.ts";
export { migrateBusiness } from "./migrate.ts";
export { buildBusinessSchema } from "./schema.ts";
export {
  BUSINESS_ENTITIES,
  BUSINESS_MIGRATIONS_PATH,
  BUSINESS_SCHEMA,
  openBusinessDatabase,
  type BusinessDatabaseOptions,
} from "./shared/database.ts";
export type { Scope } from "./shared/context.ts";

export { ApiKey } from "./api-keys/api-key.entity.ts";
export { Customer } from "./customers/customer.entity.ts";
export { Invoice, type InvoiceLineData, type InvoiceStatus } from "./invoices/invoice.entity.ts";
export { LicenseInstance } from "./licenses/license-instance.entity.ts";
export { LicenseKey, type LicenseKeyStatus } from "./licenses/license-key.entity.ts";
export { PaymentMethod } from "./payment-methods/payment-method.entity.ts";
export { Payment, type PaymentStatus } from "./payments/payment.entity.ts";
export { Refund } from "./payments/refund.entity.ts";
export { Product, type BillingInterval, type LicenseSettings, type ProductKind } from "./products/product.entity.ts";
export { Shop } from "./shops/shop.entity.ts";
export type { ShopSettings } from "./shops/shop-settings.ts";
export { Subscription, type SubscriptionStatus } from "./subscriptions/subscription.entity.ts";

export { authenticateApiKey, createApiKey } from "./api-keys/api-key.service.ts";
export { createCustomer, updateCustomer, type CreateCustomerInput } from "./customers/customer.service.ts";
export { DIRECTORY_SYNC_QUEUE, type DirectoryEntryPayload } from "./directory/directory-sync.job.ts";
export { issueInvoice, type IssueInvoiceInput } from "./invoices/invoice.service.ts";
export { JOBS_SCHEMA, JobQueue, startJobQueue } from "./jobs/job-queue.ts";
export { buildLicenseInstance, buildLicenseKey } from "./licenses/license-key.factory.ts";
export { issueLicenseKeyForPurchase, licenseDisableAt, syncLicenseKeysWithSubscription, type LicensePurchase } from "./licenses/license-issue.service.ts";
export { buildPaymentMethod, type PaymentMethodData } from "./payment-methods/payment-method.factory.ts";
export { buildPayment, buildRefund } from "./payments/payment.factory.ts";
export { createProduct, type CreateProductInput } from "./products/product.service.ts";
export { ensureShop, type EnsureShopInput } from "./shops/shop.service.ts";
export { buildSubscription } from "./subscriptions/subscription.factory.ts";
