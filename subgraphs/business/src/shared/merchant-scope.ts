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

/**
 * Like merchantScope, but only for a merchant user signed in to the dashboard (the identity
 * carries its session): an API key can neither mint nor revoke keys.
 */
export function dashboardScope(context: BusinessContext): Scope {
  const scope = merchantScope(context);
  if (context.identity.kind !== "merchant" || !context.identity.sessionId) {
    throw forbidden("API keys are managed in the dashboard, not with an API key.");
  }
  return scope;
}
