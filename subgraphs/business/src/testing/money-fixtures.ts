import { type Identity, type Mode, signIdentity } from "@billfold/shared";
import type { SandboxProcessor } from "@billfold/shared/processor/index";
import type { EntityManager, MikroORM } from "@mikro-orm/postgresql";
import type { FastifyInstance } from "fastify";
import { Customer } from "../customers/customer.entity.ts";
import { issueInvoice } from "../invoices/invoice.service.ts";
import { JOBS_SCHEMA } from "../jobs/job-queue.ts";
import { luhnValid } from "@billfold/shared/processor/index";
import { buildPaymentMethod } from "../payment-methods/payment-method.factory.ts";
import type { PaymentMethod } from "../payment-methods/payment-method.entity.ts";
import { buildPayment } from "../payments/payment.factory.ts";
import { Product } from "../products/product.entity.ts";
import { BUSINESS_SCHEMA } from "../shared/database.ts";
import type { ShopSettings } from "../shops/shop-settings.ts";
import { ensureShop } from "../shops/shop.service.ts";
import { buildSubscription } from "../subscriptions/subscription.factory.ts";
import type { Subscription } from "../subscriptions/subscription.entity.ts";
import { TEST_SECRET } from "./business-test-kit.ts";

export const DAY = 86_400_000;

/** A shop with three monthly plans in one plan group (Starter 19, Pro 49, Team 99) and a one-off product. */
export async function seedShop(em: EntityManager, scope: { businessId: string; mode: Mode }, settings: Partial<ShopSettings> = {}) {
  await ensureShop(em, { ...scope, name: `Shop ${scope.businessId}`, invoicePrefix: "MNY", settings });
  const plan = (name: string, priceAmount: number, taxRateBps = 0) =>
    em.create(Product, { ...scope, name, kind: "subscription", priceAmount, currency: "USD", interval: "month", planGroup: "plans", taxRateBps });
  const products = { starter: plan("Starter", 1900), pro: plan("Pro", 4900, 1000), team: plan("Team", 9900) };
  await em.flush();
  return products;
}

export async function seedCustomer(em: EntityManager, scope: { businessId: string; mode: Mode }, email: string) {
  const customer = em.create(Customer, { ...scope, email });
  await em.flush();
  return customer;
}

export function saveTestCard(em: EntityManager, processor: SandboxProcessor, customer: Customer, number: string, isDefault = false): PaymentMethod {
  const card = processor.tokenize({ number, exp_month: 12, exp_year: 2035, cvc: "123" });
  return buildPaymentMethod(em, {
    businessId: customer.businessId,
    mode: customer.mode,
    customerId: customer.id,
    processorToken: card.token,
    brand: card.brand,
    last4: card.last4,
    expMonth: card.exp_month,
    expYear: card.exp_year,
    isDefault,
  });
}

/** An active monthly subscription whose period started `startedDaysAgo` days before `now`. */
export async function seedActiveSubscription(em: EntityManager, customer: Customer, product: Product, method: PaymentMethod | null, now = new Date(), startedDaysAgo = 10) {
  const start = new Date(now.getTime() - startedDaysAgo * DAY);
  const end = new Date(start);
  end.setUTCMonth(end.getUTCMonth() + 1);
  const subscription = buildSubscription(em, {
    businessId: customer.businessId,
    mode: customer.mode,
    customerId: customer.id,
    productId: product.id,
    status: "active",
    amount: product.priceAmount,
    currency: product.currency,
    interval: "month",
    currentPeriodStart: start,
    currentPeriodEnd: end,
    nextBillingDate: end,
    paymentMethodId: method?.id ?? null,
  });
  await em.flush();
  return subscription;
}

/** An on-hold subscription as a failed renewal leaves it: an open invoice and a failed payment. */
export async function seedOnHoldSubscription(em: EntityManager, customer: Customer, product: Product, method: PaymentMethod) {
  const subscription = await seedActiveSubscription(em, customer, product, method, new Date(), 1);
  subscription.status = "on_hold";
  subscription.nextBillingDate = new Date(Date.now() + 3 * DAY);
  const invoice = await issueInvoice(em, {
    businessId: customer.businessId,
    mode: customer.mode,
    customerId: customer.id,
    subscriptionId: subscription.id,
    currency: product.currency,
    taxRateBps: product.taxRateBps,
    status: "open",
    lines: [{ description: product.name, quantity: 1, unitAmount: product.priceAmount }],
  });
  buildPayment(em, {
    businessId: customer.businessId, mode: customer.mode, customerId: customer.id, subscriptionId: subscription.id, invoiceId: invoice.id,
    amount: invoice.total, currency: invoice.currency, status: "failed", failureReason: "Your card was declined.", paymentMethodId: method.id,
  });
  await em.flush();
  return { subscription, invoice };
}

export const personOf = (customer: Customer, mode: Mode = customer.mode): Identity => ({
  kind: "person",
  email: customer.email,
  sessionId: "ses_test",
  mode,
  accounts: [{ businessId: customer.businessId, customerId: customer.id }],
});

/** A customer root operation as the gateway sends it: signed person identity and `x-billfold-business`. */
export async function customerQuery(app: FastifyInstance, identity: Identity, businessId: string, query: string, variables: object = {}) {
  const response = await app.inject({
    method: "POST",
    url: "/graphql",
    headers: { "content-type": "application/json", "x-billfold-identity": signIdentity(identity, TEST_SECRET), "x-billfold-business": businessId },
    payload: { query, variables },
  });
  return response.json() as { data?: any; errors?: any[] };
}

/** Jobs enqueued on a queue (any state), newest last. */
export async function jobsOn(orm: MikroORM, queue: string): Promise<{ data: any }[]> {
  return orm.em.fork().execute(`select data from "${JOBS_SCHEMA}".job where name = ? order by created_on, id`, [queue]);
}

/**
 * Every Luhn-valid run of 13–19 digits (spaces or dashes allowed between them), not part of a
 * longer word such as a hex hash, in the text and JSON columns of the business tables.
 */
export async function cardNumbersInBusinessTables(orm: MikroORM): Promise<string[]> {
  const em = orm.em.fork();
  const columns = await em.execute<{ table_name: string; column_name: string }[]>(
    `select c.table_name, c.column_name from information_schema.columns c
     join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
     where c.table_schema = ? and c.table_name <> 'business_migrations' and c.data_type in ('text', 'character varying', 'json', 'jsonb', 'ARRAY')`,
    [BUSINESS_SCHEMA],
  );
  const found: string[] = [];
  for (const { table_name, column_name } of columns) {
    const rows = await em.execute<{ value: string | null }[]>(`select "${column_name}"::text as value from "${BUSINESS_SCHEMA}"."${table_name}"`);
    for (const { value } of rows) {
      for (const match of (value ?? "").matchAll(/(?<![0-9A-Za-z])\d(?:[ -]?\d){12,18}(?![0-9A-Za-z])/g)) {
        const digits = match[0].replace(/[ -]/g, "");
        if (luhnValid(digits)) found.push(`${table_name}.${column_name}: ${digits}`);
      }
    }
  }
  return found;
}
