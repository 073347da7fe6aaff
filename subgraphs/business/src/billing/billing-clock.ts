import { notFound } from "@billfold/shared";
import { type EntityManager, LockMode } from "@mikro-orm/postgresql";
import type { Scope } from "../shared/context.ts";
import { type ShopSettings, parseShopSettings } from "../shops/shop-settings.ts";
import { Shop } from "../shops/shop.entity.ts";

/**
 * The time money operations of a business+mode run at: the wall clock, or in test mode the
 * shop's test clock once a merchant has advanced it (as test clocks on other platforms do).
 */
export function shopNow(shop: Shop, wall = new Date()): Date {
  return shop.mode === "test" && shop.testClock ? new Date(shop.testClock) : wall;
}

export async function getShopOrThrow(em: EntityManager, scope: Scope, lock = false): Promise<Shop> {
  const shop = await em.findOne(
    Shop,
    { businessId: scope.businessId, mode: scope.mode },
    lock ? { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } : {},
  );
  if (!shop) throw notFound("The shop");
  return shop;
}

/** The shop's settings with every default filled in (rows written before a setting existed lack it). */
export function settingsOf(shop: Shop): ShopSettings {
  return parseShopSettings(shop.settings);
}
