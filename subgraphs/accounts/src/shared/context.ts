import type { EntityManager } from "@mikro-orm/postgresql";
import type { Identity } from "@billfold/shared";
import { type AccountsLoaders, createLoaders } from "./loaders.ts";

/** Per-request GraphQL context: who is calling (signed by the gateway), a fresh EntityManager, batched loaders. */
export interface AccountsContext {
  identity: Identity;
  em: EntityManager;
  loaders: AccountsLoaders;
}

export function createContext(identity: Identity, em: EntityManager): AccountsContext {
  return { identity, em, loaders: createLoaders(em) };
}
