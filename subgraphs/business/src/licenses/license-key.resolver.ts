import { forbidden } from "@billfold/shared";
import { DateTimeResolver } from "graphql-scalars";
import { Arg, Args, ArgsType, Ctx, Directive, Field, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import type { BusinessContext } from "../shared/context.ts";
import { connectionType } from "../shared/connection.ts";
import { LicenseKeyStatusEnum } from "../shared/enums.ts";
import { merchantScope } from "../shared/merchant-scope.ts";
import { type Page, mapPage } from "../shared/pagination.ts";
import { deactivateCustomerLicenseInstance } from "./license-api.service.ts";
import type { LicenseKeyStatus } from "./license-key.entity.ts";
import { listLicenseKeys, setLicenseKeyEnabled, updateLicenseKey } from "./license-key.service.ts";
import { LicenseKeyType } from "./license-key.type.ts";

export const LicenseKeyConnection = connectionType("LicenseKeyConnection", LicenseKeyType);

@ArgsType()
class LicenseKeysArgs {
  @Field(() => ID, { nullable: true })
  customerId?: string | null;

  @Field(() => String, { nullable: true, description: "Part of the key, the customer's email or name, or a key id." })
  search?: string | null;

  @Field(() => LicenseKeyStatusEnum, { nullable: true })
  status?: LicenseKeyStatus | null;

  @Field(() => Int, { nullable: true, defaultValue: 20 })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

@Resolver(() => LicenseKeyType)
export class LicenseKeyResolver {
  @Query(() => LicenseKeyConnection)
  @Directive("@inaccessible")
  async licenseKeys(@Args(() => LicenseKeysArgs) args: LicenseKeysArgs, @Ctx() ctx: BusinessContext): Promise<Page<LicenseKeyType>> {
    return mapPage(await listLicenseKeys(ctx.em, merchantScope(ctx), args), LicenseKeyType.from);
  }

  @Mutation(() => LicenseKeyType, { description: "Stops a key working: activations and validations fail until it is enabled again." })
  @Directive("@inaccessible")
  async disableLicenseKey(@Arg("id", () => ID) id: string, @Ctx() ctx: BusinessContext): Promise<LicenseKeyType> {
    return LicenseKeyType.from(await setLicenseKeyEnabled(ctx.em, merchantScope(ctx), id, false));
  }

  @Mutation(() => LicenseKeyType, { description: "Makes a disabled key work again (also lifts a disable its subscription's end scheduled)." })
  @Directive("@inaccessible")
  async enableLicenseKey(@Arg("id", () => ID) id: string, @Ctx() ctx: BusinessContext): Promise<LicenseKeyType> {
    return LicenseKeyType.from(await setLicenseKeyEnabled(ctx.em, merchantScope(ctx), id, true));
  }

  @Mutation(() => LicenseKeyType, { description: "Changes the activation limit and/or expiry. Omit to keep; null means unlimited / never expires." })
  @Directive("@inaccessible")
  async updateLicenseKey(
    @Arg("id", () => ID) id: string,
    @Arg("activationLimit", () => Int, { nullable: true }) activationLimit: number | null | undefined,
    @Arg("expiresAt", () => DateTimeResolver, { nullable: true }) expiresAt: Date | null | undefined,
    @Ctx() ctx: BusinessContext,
  ): Promise<LicenseKeyType> {
    return LicenseKeyType.from(await updateLicenseKey(ctx.em, merchantScope(ctx), id, { activationLimit, expiresAt }));
  }

  @Mutation(() => LicenseKeyType, {
    description: "The signed-in customer frees a seat of one of their keys. Routed by the x-billfold-business header.",
  })
  async deactivateLicenseInstance(@Arg("instanceId", () => ID) instanceId: string, @Ctx() ctx: BusinessContext): Promise<LicenseKeyType> {
    const { identity } = ctx;
    const businessId = ctx.request.businessId;
    const customerIds =
      identity.kind === "person" && ctx.channel === "gateway" && businessId
        ? identity.accounts.filter((account) => account.businessId === businessId).map((account) => account.customerId)
        : [];
    if (identity.kind !== "person" || !businessId || customerIds.length === 0) {
      throw forbidden("Sign in as the key's owner to manage its activations.");
    }
    return LicenseKeyType.from(await deactivateCustomerLicenseInstance(ctx.em, { businessId, mode: identity.mode, customerIds }, instanceId));
  }
}
