import { Args, ArgsType, Ctx, Directive, Field, ID, Int, Query, Resolver } from "type-graphql";
import type { BusinessContext } from "../shared/context.ts";
import { connectionType } from "../shared/connection.ts";
import { merchantScope } from "../shared/merchant-scope.ts";
import { type Page, mapPage } from "../shared/pagination.ts";
import { listLicenseKeys } from "./license-key.service.ts";
import { LicenseKeyType } from "./license-key.type.ts";

export const LicenseKeyConnection = connectionType("LicenseKeyConnection", LicenseKeyType);

@ArgsType()
class LicenseKeysArgs {
  @Field(() => ID, { nullable: true })
  customerId?: string | null;

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
}
