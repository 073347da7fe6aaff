import { forbidden } from "@billfold/shared";
import type { BusinessContext } from "../shared/context.ts";
import type { LicenseEndpoint } from "./license-api.service.ts";

/**
 * The business and mode a public license call may see: only on a business's own endpoint
 * (`/business/{id}/graphql`). A merchant API key fixes its mode; a caller without a key gets the
 * mode the license key itself names.
 */
export async function licenseEndpoint(ctx: BusinessContext, licenseKey: string): Promise<LicenseEndpoint> {
  const businessId = ctx.request.businessId;
  if (ctx.channel !== "merchant" || !businessId) {
    throw forbidden("The license API is served at /business/{businessId}/graphql and /licenses/….");
  }
  await ctx.licenseLimits?.consume(licenseKey, ctx.request.clientIp);
  return ctx.identity.kind === "merchant" ? { businessId, mode: ctx.identity.mode } : { businessId };
}
