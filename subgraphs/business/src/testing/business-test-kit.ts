import { type Identity, type Mode, signIdentity } from "@billfold/shared";
import { type TestDatabase, createTestDatabase } from "@billfold/shared/testing/test-database";
import type { EntityManager, MikroORM } from "@mikro-orm/postgresql";
import type { FastifyInstance } from "fastify";
import { type BusinessApp, createBusinessApp } from "../app.ts";
import type { BusinessConfig } from "../config.ts";
import { Customer } from "../customers/customer.entity.ts";
import { Invoice } from "../invoices/invoice.entity.ts";
import { buildLicenseInstance, buildLicenseKey } from "../licenses/license-key.factory.ts";
import { migrateBusiness } from "../migrate.ts";
import { buildPaymentMethod } from "../payment-methods/payment-method.factory.ts";
import { buildPayment, buildRefund } from "../payments/payment.factory.ts";
import { Product } from "../products/product.entity.ts";
import { openBusinessDatabase } from "../shared/database.ts";
import { ensureShop } from "../shops/shop.service.ts";
import { buildSubscription } from "../subscriptions/subscription.factory.ts";

export const TEST_SECRET = "test-identity-secret-0123456789abcdef";

export interface BusinessTestKit {
  database: TestDatabase;
  orm: MikroORM;
  /** Every statement the ORM sent since the last `statements.length = 0`. */
  statements: string[];
  config: BusinessConfig;
  startApp(overrides?: Partial<BusinessConfig>): Promise<BusinessApp>;
  close(): Promise<void>;
}

/** A fresh migrated database, an ORM that records statements, and apps started on demand. */
export async function createBusinessTestKit(): Promise<BusinessTestKit> {
  const database = await createTestDatabase();
  await migrateBusiness(database.url);
  const statements: string[] = [];
  const orm = await openBusinessDatabase(database.url, { onStatement: (sql) => statements.push(sql) });
  const config: BusinessConfig = {
    NODE_ENV: "test",
    DATABASE_URL: database.url,
    IDENTITY_SECRET: TEST_SECRET,
    PUBLIC_URL: "http://localhost:4000",
    HOST: "127.0.0.1",
    SHARD_ID: "shard-test",
    PORT: 0,
    ACCOUNTS_URL: "http://127.0.0.1:9",
    INTROSPECTION: false,
    DATABASE_POOL_MAX: 4,
    JOBS_POOL_MAX: 2,
    JOBS_LISTEN_NOTIFY: database.kind === "postgresql",
  };
  const apps: BusinessApp[] = [];
  return {
    database,
    orm,
    statements,
    config,
    async startApp(overrides = {}) {
      const app = await createBusinessApp({ config: { ...config, ...overrides }, orm, jobsPollingIntervalSeconds: 0.5 });
      apps.push(app);
      return app;
    },
    async close() {
      for (const app of apps) await app.close();
      await orm.close();
      await database.drop();
    },
  };
}

/** POSTs a GraphQL operation to the shard's `/graphql` as the gateway would, signed for `identity`. */
export async function gatewayQuery(app: FastifyInstance, identity: Identity | null, query: string, variables: object = {}) {
  const response = await app.inject({
    method: "POST",
    url: "/graphql",
    headers: { "content-type": "application/json", ...(identity ? { "x-billfold-identity": signIdentity(identity, TEST_SECRET) } : {}) },
    payload: { query, variables },
  });
  return { status: response.statusCode, body: response.json() as { data?: any; errors?: any[] } };
}

/** POSTs to the merchant endpoint of `businessId` with an API key (or none). */
export async function merchantQuery(app: FastifyInstance, businessId: string, key: string | null, query: string, variables: object = {}) {
  const response = await app.inject({
    method: "POST",
    url: `/business/${businessId}/graphql`,
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    payload: { query, variables },
  });
  return { status: response.statusCode, body: response.json() as { data?: any; errors?: any[] } };
}

/** One customer with one of everything: subscription, invoice, payment + refund, card, license key + activation. */
export async function seedFullAccount(em: EntityManager, scope: { businessId: string; mode: Mode }, email: string): Promise<Customer> {
  await ensureShop(em, { ...scope, name: `Shop ${scope.businessId}` });
  const customer = em.create(Customer, { ...scope, email, name: email.split("@")[0] });
  const product = em.create(Product, { ...scope, name: "Pro", kind: "subscription", priceAmount: 1200, currency: "EUR", interval: "month" });
  const card = buildPaymentMethod(em, {
    ...scope, customerId: customer.id, processorToken: `tok_${customer.id}`, brand: "visa", last4: "4242", expMonth: 12, expYear: 2030, isDefault: true,
  });
  const subscription = buildSubscription(em, {
    ...scope, customerId: customer.id, productId: product.id, status: "active", amount: 1200, currency: "EUR", interval: "month", paymentMethodId: card.id,
  });
  const invoice = em.create(Invoice, {
    ...scope, customerId: customer.id, subscriptionId: subscription.id, number: `T-${customer.id}`, status: "paid", currency: "EUR",
    subtotal: 1200, tax: 0, total: 1200, lines: [{ description: "Pro", quantity: 1, unitAmount: 1200, amount: 1200 }],
  });
  const payment = buildPayment(em, {
    ...scope, customerId: customer.id, subscriptionId: subscription.id, invoiceId: invoice.id, amount: 1200, currency: "EUR", status: "succeeded", paymentMethodId: card.id,
  });
  buildRefund(em, payment, { amount: 200, status: "succeeded", reason: "goodwill" });
  const licenseKey = buildLicenseKey(em, { ...scope, customerId: customer.id, productId: product.id, subscriptionId: subscription.id, activationLimit: 3 });
  buildLicenseInstance(em, licenseKey, "laptop");
  await em.flush();
  return customer;
}
