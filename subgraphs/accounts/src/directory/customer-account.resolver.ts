import { notFound } from "@billfold/shared";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { BusinessRecord } from "../businesses/business.service.ts";
import { BusinessType } from "../businesses/business.type.ts";
import type { AccountsContext } from "../shared/context.ts";
import type { DirectoryAccount } from "./directory.service.ts";
import { CustomerAccountType } from "./customer-account.type.ts";

@Resolver(() => CustomerAccountType)
export class CustomerAccountResolver {
  @FieldResolver(() => BusinessType)
  async business(@Root() account: DirectoryAccount, @Ctx() { loaders }: AccountsContext): Promise<BusinessRecord> {
    const business = await loaders.business.load(account.businessId);
    if (!business) throw notFound("Business");
    return business;
  }
}
