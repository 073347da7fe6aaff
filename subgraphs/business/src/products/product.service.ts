import { badInput } from "@billfold/shared";
import type { Mode } from "@billfold/shared";
import type { EntityManager } from "@mikro-orm/postgresql";
import { type BillingInterval, type LicenseSettings, Product, type ProductKind } from "./product.entity.ts";

export interface CreateProductInput {
  businessId: string;
  mode: Mode;
  name: string;
  description?: string | null;
  kind: ProductKind;
  priceAmount: number;
  currency: string;
  interval?: BillingInterval | null;
  intervalCount?: number;
  taxRateBps?: number;
  planGroup?: string | null;
  licenseSettings?: LicenseSettings;
  active?: boolean;
}

/** Creates a product; subscription products need an interval, one-time products must not have one. */
export async function createProduct(em: EntityManager, data: CreateProductInput): Promise<Product> {
  if (data.kind === "subscription" && !data.interval) throw badInput("A subscription product needs a billing interval.");
  if (data.kind === "one_time" && data.interval) throw badInput("A one-time product has no billing interval.");
  if (!Number.isInteger(data.priceAmount) || data.priceAmount < 0) throw badInput("The price must be a whole number of minor units.");
  if (!/^[A-Z]{3}$/.test(data.currency)) throw badInput("The currency must be an ISO 4217 code such as EUR.");
  const product = em.create(Product, data);
  await em.flush();
  return product;
}
