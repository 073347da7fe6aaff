import { forbidden } from "@billfold/shared";
import type { BusinessContext, Scope } from "./context.ts";

/** The business and mode a merchant caller may read; anyone else is refused. */
export function merchantScope(context: BusinessContext): Scope {
  const { identity } = context;
  if (identity.kind !== "merchant") {
    throw forbidden("Only the business itself (its API key or dashboard) can use this.");
  }
  return { businessId: identity.businessId, mode: identity.mode };
}
