import DataLoader from "dataloader";
import type { EntityManager } from "@mikro-orm/postgresql";
import { type BusinessRecord, findBusinessesByIds } from "../businesses/business.service.ts";

export interface AccountsLoaders {
  /** Businesses by id, one query per request tick whatever the number asked. */
  business: DataLoader<string, BusinessRecord | null>;
}

export function createLoaders(em: EntityManager): AccountsLoaders {
  return {
    business: new DataLoader(async (ids: readonly string[]) => {
      const byId = await findBusinessesByIds(em, ids);
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
