import type { Mode } from "@billfold/shared";
import type { EntityManager } from "@mikro-orm/postgresql";
import type { FastifyInstance } from "fastify";
import { Customer } from "../customers/customer.entity.ts";
import { Product } from "../products/product.entity.ts";
import { ensureShop } from "../shops/shop.service.ts";
import type { LicenseKey } from "./license-key.entity.ts";
import { buildLicenseKey } from "./license-key.factory.ts";

/** Test helper: a customer with one key of a product (no instances). */
export async function seedLicenseKey(
  em: EntityManager,
  scope: { businessId: string; mode: Mode },
  options: { email?: string; activationLimit?: number | null; status?: "active" | "disabled"; expiresAt?: Date | null } = {},
): Promise<{ licenseKey: LicenseKey; customer: Customer; product: Product }> {
  await ensureShop(em, { ...scope, name: `Shop ${scope.businessId}` });
  const email = options.email ?? `buyer-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const customer = (await em.findOne(Customer, { ...scope, email })) ?? em.create(Customer, { ...scope, email, name: "Ada Buyer" });
  const product = em.create(Product, { ...scope, name: "Font Pro", kind: "one_time", priceAmount: 4900, currency: "EUR" });
  const licenseKey = buildLicenseKey(em, {
    ...scope,
    customerId: customer.id,
    productId: product.id,
    activationLimit: options.activationLimit === undefined ? 5 : options.activationLimit,
    status: options.status ?? "active",
    expiresAt: options.expiresAt ?? null,
  });
  await em.flush();
  return { licenseKey, customer, product };
}

/** POSTs a JSON body to a shard route (`/business/:id/licenses/…`). */
export async function postJson(app: FastifyInstance, url: string, payload: object, headers: Record<string, string> = {}) {
  const response = await app.inject({ method: "POST", url, headers: { "content-type": "application/json", ...headers }, payload });
  return { status: response.statusCode, headers: response.headers, body: response.json() as any };
}
