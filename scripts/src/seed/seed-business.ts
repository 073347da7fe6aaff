import type { Mode } from "@billfold/shared";
import { SandboxProcessor } from "@billfold/shared/processor/index";
import {
  buildLicenseInstance,
  buildLicenseKey,
  buildPayment,
  buildPaymentMethod,
  buildRefund,
  buildSubscription,
  createCustomer,
  createProduct,
  ensureShop,
  issueInvoice,
  type JobQueue,
  licenseDisableAt,
  type LicenseKey,
  type Product,
} from "@billfold/business";
import type { EntityManager } from "@mikro-orm/postgresql";
import type { DemoBusiness, DemoPurchase } from "./demo-catalog.ts";
import { chargesFor } from "./purchase-history.ts";

export interface SeededCustomer {
  email: string;
  customerId: string;
  mode: Mode;
}

export interface SeededLicenseKey {
  businessId: string;
  key: string;
  activationLimit: number | null;
}

interface SeedContext {
  em: EntityManager;
  jobs: JobQueue;
  processor: SandboxProcessor;
  business: DemoBusiness;
  mode: Mode;
  now: Date;
  products: Map<string, Product>;
  licenseKeys: SeededLicenseKey[];
}

const DEMO_DEVICES = ["Studio iMac", "MacBook Air"];

/** Seeds one business in one mode: shop, catalogue, customers and their purchase history. */
export async function seedBusinessMode(
  em: EntityManager,
  jobs: JobQueue,
  processor: SandboxProcessor,
  business: DemoBusiness,
  mode: Mode,
  customers: { email: string; name: string; purchases: DemoPurchase[] }[],
  now: Date,
): Promise<{ customers: SeededCustomer[]; licenseKeys: SeededLicenseKey[] }> {
  await ensureShop(em, { businessId: business.id, mode, name: business.name, invoicePrefix: mode === "test" ? `${business.invoicePrefix}-T` : business.invoicePrefix });
  const products = new Map<string, Product>();
  for (const spec of business.products) {
    products.set(
      spec.ref,
      await createProduct(em, {
        businessId: business.id,
        mode,
        name: spec.name,
        description: spec.description,
        kind: spec.kind,
        priceAmount: spec.priceAmount,
        currency: business.currency,
        interval: spec.interval ?? null,
        taxRateBps: spec.taxRateBps,
        planGroup: spec.planGroup ?? null,
        licenseSettings: spec.license ?? { issue: "none" },
      }),
    );
  }
  const context: SeedContext = { em, jobs, processor, business, mode, now, products, licenseKeys: [] };
  const seeded: SeededCustomer[] = [];
  for (const person of customers) {
    const customer = await createCustomer(em, jobs, { businessId: business.id, mode, email: person.email, name: person.name });
    seeded.push({ email: customer.email, customerId: customer.id, mode });
    for (const purchase of person.purchases) await seedPurchase(context, customer.id, purchase, person.email.startsWith("demo@"));
  }
  await em.flush();
  return { customers: seeded, licenseKeys: context.licenseKeys };
}

async function seedPurchase(context: SeedContext, customerId: string, purchase: DemoPurchase, isDemoPerson: boolean) {
  const { em, business, mode, now } = context;
  const scope = { businessId: business.id, mode };
  const product = context.products.get(purchase.product)!;
  const spec = business.products.find((p) => p.ref === purchase.product)!;
  const card = context.processor.tokenize({ number: purchase.card ?? "4242424242424242", exp_month: 12, exp_year: now.getUTCFullYear() + 3, cvc: "123" }, now);
  const method = buildPaymentMethod(em, {
    ...scope,
    customerId,
    processorToken: card.token,
    brand: card.brand,
    last4: card.last4,
    expMonth: card.exp_month,
    expYear: card.exp_year,
    isDefault: purchase.kind === "subscription" && purchase.status === "active",
  });
  const charges = chargesFor(purchase, spec, now);
  const subscription =
    purchase.kind === "subscription"
      ? buildSubscription(em, {
          ...scope,
          customerId,
          productId: product.id,
          status: purchase.status,
          amount: product.priceAmount,
          currency: product.currency,
          interval: product.interval!,
          currentPeriodStart: charges.at(-1)!.periodStart,
          currentPeriodEnd: charges.at(-1)!.periodEnd,
          nextBillingDate: purchase.status === "active" || purchase.status === "on_hold" ? charges.at(-1)!.periodEnd : null,
          cancelledAt: purchase.status === "cancelled" ? charges.at(-1)!.at : null,
          cancelReason: purchase.status === "cancelled" ? "switched_service" : null,
          endedAt: purchase.status === "cancelled" || purchase.status === "expired" ? charges.at(-1)!.periodEnd : null,
          paymentMethodId: method.id,
          createdAt: charges[0].at,
        })
      : null;
  await em.flush();
  for (const charge of charges) {
    const paid = charge.outcome === "succeeded";
    const decline = paid ? null : context.processor.charge(card.token, product.priceAmount, product.currency, now);
    const invoice = await issueInvoice(em, {
      ...scope,
      customerId,
      subscriptionId: subscription?.id ?? null,
      currency: product.currency,
      lines: [{ description: periodLabel(product.name, charge.periodStart, charge.periodEnd), quantity: 1, unitAmount: product.priceAmount }],
      taxRateBps: spec.taxRateBps,
      status: paid ? "paid" : "open",
      issuedAt: charge.at,
    });
    const payment = buildPayment(em, {
      ...scope,
      customerId,
      subscriptionId: subscription?.id ?? null,
      invoiceId: invoice.id,
      amount: invoice.total,
      currency: invoice.currency,
      status: paid ? "succeeded" : "failed",
      failureReason: decline?.status === "failed" ? decline.message : null,
      paymentMethodId: method.id,
      createdAt: charge.at,
    });
    if (purchase.kind === "one_time" && purchase.refunded) {
      buildRefund(em, payment, { amount: payment.amount, status: "succeeded", reason: "Arrived damaged", createdAt: new Date(charge.at.getTime() + 3 * 86_400_000) });
    }
  }
  if (spec.license) {
    const key: LicenseKey = buildLicenseKey(em, {
      ...scope,
      customerId,
      productId: product.id,
      subscriptionId: subscription?.id ?? null,
      status: "active",
      activationLimit: spec.license.activationLimit,
      // A subscription's key stops working at the end of its last paid period once it has ended.
      disableAt: subscription ? licenseDisableAt(subscription, now) : null,
      createdAt: charges[0].at,
    });
    if (isDemoPerson) DEMO_DEVICES.slice(0, purchase.kind === "one_time" ? 2 : 1).forEach((device) => buildLicenseInstance(em, key, device, charges[0].at));
    context.licenseKeys.push({ businessId: business.id, key: key.key, activationLimit: key.activationLimit ?? null });
  }
  await em.flush();
}

function periodLabel(name: string, start?: Date, end?: Date): string {
  if (!start || !end) return name;
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return `${name} (${day(start)} – ${day(end)})`;
}
