import { Arg, Ctx, Directive, ID, Mutation, Query, Resolver } from "type-graphql";
import type { BusinessContext } from "../shared/context.ts";
import { activateLicense, deactivateLicense, validateLicense } from "./license-api.service.ts";
import { LicenseActivationType, LicenseValidationType } from "./license-api.type.ts";
import { licenseEndpoint } from "./license-endpoint.ts";

/** The names a caller without an API key may use on a business endpoint (see license-public-operation.ts). */
export const PUBLIC_LICENSE_FIELDS = ["activateLicense", "validateLicense", "deactivateLicense"] as const;

/** The public license API for the merchant's software: no secret key, rate limited per key and per IP. */
@Resolver()
export class LicenseApiResolver {
  @Mutation(() => LicenseActivationType, {
    description: "Activates a license key on one more machine. NOT_FOUND: unknown key; FORBIDDEN: key not active; CONFLICT (reason ACTIVATION_LIMIT_REACHED): no seat left.",
  })
  @Directive("@inaccessible")
  async activateLicense(
    @Arg("licenseKey", () => String) licenseKey: string,
    @Arg("name", () => String) name: string,
    @Ctx() ctx: BusinessContext,
  ): Promise<LicenseActivationType> {
    const endpoint = await licenseEndpoint(ctx, licenseKey);
    return LicenseActivationType.from(await activateLicense(ctx.em, endpoint, { licenseKey, name }));
  }

  @Query(() => LicenseValidationType, { description: "Whether a key (and, when given, one of its activations) is valid now. Unknown keys are not valid." })
  @Directive("@inaccessible")
  async validateLicense(
    @Arg("licenseKey", () => String) licenseKey: string,
    @Arg("instanceId", () => ID, { nullable: true }) instanceId: string | null | undefined,
    @Ctx() ctx: BusinessContext,
  ): Promise<LicenseValidationType> {
    const endpoint = await licenseEndpoint(ctx, licenseKey);
    return { valid: await validateLicense(ctx.em, endpoint, { licenseKey, instanceId }) };
  }

  @Mutation(() => Boolean, { description: "Ends one activation and frees its seat. NOT_FOUND: unknown key or activation." })
  @Directive("@inaccessible")
  async deactivateLicense(
    @Arg("licenseKey", () => String) licenseKey: string,
    @Arg("instanceId", () => ID) instanceId: string,
    @Ctx() ctx: BusinessContext,
  ): Promise<boolean> {
    const endpoint = await licenseEndpoint(ctx, licenseKey);
    await deactivateLicense(ctx.em, endpoint, { licenseKey, instanceId });
    return true;
  }
}
