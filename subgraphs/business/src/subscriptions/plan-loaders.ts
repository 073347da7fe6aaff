import { type EntityManager, raw } from "@mikro-orm/postgresql";
import DataLoader from "dataloader";
import { Product } from "../products/product.entity.ts";
import type { BusinessContext } from "../shared/context.ts";
import { Shop } from "../shops/shop.entity.ts";

interface GroupKey {
  businessId: string;
  mode: string;
  planGroup: string;
}

const shopKey = (key: { businessId: string; mode: string }) => `${key.businessId}|${key.mode}`;
const groupKey = (key: GroupKey) => `${key.businessId}|${key.mode}|${key.planGroup}`;

/** Per-request loaders for subscription capabilities: shops and plan groups, one statement each per request. */
export class PlanLoaders {
  constructor(private readonly em: EntityManager) {}

  readonly shop = new DataLoader<{ businessId: string; mode: string }, Shop | null, string>(
    async (keys) => {
      const rows = await this.em.find(Shop, { [raw("(business_id, mode)")]: { $in: keys.map((k) => [k.businessId, k.mode]) } });
      const byKey = new Map(rows.map((row) => [shopKey(row), row]));
      return keys.map((key) => byKey.get(shopKey(key)) ?? null);
    },
    { cacheKeyFn: shopKey },
  );

  readonly plans = new DataLoader<GroupKey, Product[], string>(
    async (keys) => {
      const rows = await this.em.find(
        Product,
        { [raw("(business_id, mode, plan_group)")]: { $in: keys.map((k) => [k.businessId, k.mode, k.planGroup]) }, active: true, kind: "subscription" },
        { orderBy: { priceAmount: "asc", id: "asc" } },
      );
      return keys.map((key) => rows.filter((row) => groupKey({ ...row, planGroup: row.planGroup ?? "" }) === groupKey(key)));
    },
    { cacheKeyFn: groupKey },
  );
}

const perRequest = new WeakMap<BusinessContext, PlanLoaders>();

export function planLoaders(context: BusinessContext): PlanLoaders {
  let loaders = perRequest.get(context);
  if (!loaders) perRequest.set(context, (loaders = new PlanLoaders(context.em)));
  return loaders;
}
