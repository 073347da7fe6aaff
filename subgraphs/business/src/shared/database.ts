import { fileURLToPath } from "node:url";
import { openDatabase } from "@billfold/shared";
import type { MikroORM } from "@mikro-orm/postgresql";
import { ApiKey } from "../api-keys/api-key.entity.ts";
import { Customer } from "../customers/customer.entity.ts";
import { Invoice } from "../invoices/invoice.entity.ts";
import { LicenseInstance } from "../licenses/license-instance.entity.ts";
import { LicenseKey } from "../licenses/license-key.entity.ts";
import { PaymentMethod } from "../payment-methods/payment-method.entity.ts";
import { Payment } from "../payments/payment.entity.ts";
import { Refund } from "../payments/refund.entity.ts";
import { Product } from "../products/product.entity.ts";
import { Shop } from "../shops/shop.entity.ts";
import { Subscription } from "../subscriptions/subscription.entity.ts";
import { IdempotencyRecord } from "../idempotency/idempotency-record.entity.ts";
import { WebhookDelivery } from "../webhooks/webhook-delivery.entity.ts";
import { WebhookEndpoint } from "../webhooks/webhook-endpoint.entity.ts";
import { WebhookEvent } from "../webhooks/webhook-event.entity.ts";

export const BUSINESS_SCHEMA = "business";
export const BUSINESS_ENTITIES = [
  Shop,
  Customer,
  Product,
  PaymentMethod,
  Subscription,
  Invoice,
  Payment,
  Refund,
  LicenseKey,
  LicenseInstance,
  ApiKey,
  WebhookEndpoint,
  WebhookEvent,
  WebhookDelivery,
  IdempotencyRecord,
];
export const BUSINESS_MIGRATIONS_PATH = fileURLToPath(new URL("../migrations", import.meta.url));

export interface BusinessDatabaseOptions {
  poolMax?: number;
  /** Called with every SQL statement sent (tests count them). */
  onStatement?: (sql: string) => void;
  debug?: boolean;
}

/** Opens the business tables (schema `business`); does not migrate. */
export function openBusinessDatabase(url: string, options: BusinessDatabaseOptions = {}): Promise<MikroORM> {
  return openDatabase({
    url,
    schema: BUSINESS_SCHEMA,
    entities: BUSINESS_ENTITIES,
    migrationsPath: BUSINESS_MIGRATIONS_PATH,
    ...options,
  });
}
