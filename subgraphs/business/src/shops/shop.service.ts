import type { Mode } from "@billfold/shared";
import type { EntityManager } from "@mikro-orm/postgresql";
import { type ShopSettings, parseShopSettings } from "./shop-settings.ts";
import { Shop } from "./shop.entity.ts";

export interface EnsureShopInput {
  businessId: string;
  mode: Mode;
  name: string;
  invoicePrefix?: string;
  settings?: Partial<ShopSettings>;
}

/** Creates the shop for a business+mode if it does not exist yet; an existing one is left as it is. */
export async function ensureShop(em: EntityManager, input: EnsureShopInput): Promise<Shop> {
  const existing = await em.findOne(Shop, { businessId: input.businessId, mode: input.mode });
  if (existing) return existing;
  const shop = em.create(Shop, {
    businessId: input.businessId,
    mode: input.mode,
    name: input.name,
    invoicePrefix: input.invoicePrefix ?? "INV",
    settings: parseShopSettings(input.settings ?? {}),
  });
  await em.flush();
  return shop;
}
