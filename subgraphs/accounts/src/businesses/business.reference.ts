import type { AccountsContext } from "../shared/context.ts";
import type { Business } from "./business.entity.ts";

/** `Business @key(fields: "id")`: public data, batched with every other business of the request. */
export function resolveBusinessReference(reference: { id: string }, { loaders }: AccountsContext): Promise<Business | null> {
  return loaders.business.load(reference.id);
}
