import type { AccountsContext } from "../shared/context.ts";
import type { BusinessRecord } from "./business.service.ts";

/** `Business @key(fields: "id")`: public data, batched with every other business of the request. */
export function resolveBusinessReference(reference: { id: string }, { loaders }: AccountsContext): Promise<BusinessRecord | null> {
  return loaders.business.load(reference.id);
}
