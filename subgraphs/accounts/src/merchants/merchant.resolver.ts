import type { Mode } from "@billfold/shared";
import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import type { BusinessRecord } from "../businesses/business.service.ts";
import { BusinessType } from "../businesses/business.type.ts";
import type { AccountsContext } from "../shared/context.ts";
import { ModeEnum } from "../shared/mode.ts";
import { type MerchantModel, merchantFor, switchMerchantMode } from "./merchant.service.ts";
import { MerchantType } from "./merchant.type.ts";

@Resolver(() => MerchantType)
export class MerchantResolver {
  @Query(() => MerchantType, { nullable: true, description: "The signed-in merchant user (dashboard); null otherwise." })
  merchant(@Ctx() { em, identity }: AccountsContext): Promise<MerchantModel | null> {
    return merchantFor(em, identity);
  }

  @Mutation(() => MerchantType, { description: "Switches the dashboard session between test and live data." })
  async switchMerchantMode(@Arg("mode", () => ModeEnum) mode: Mode, @Ctx() ctx: AccountsContext): Promise<MerchantModel> {
    const { merchant, session } = await switchMerchantMode(ctx.em, ctx.identity, mode);
    ctx.response.staleSessions([session.id]);
    return merchant;
  }

  @FieldResolver(() => BusinessType)
  async business(@Root() merchant: MerchantModel & { business?: BusinessRecord }, @Ctx() { loaders }: AccountsContext): Promise<BusinessRecord> {
    return merchant.business ?? (await loaders.business.load(merchant.businessId))!;
  }
}
