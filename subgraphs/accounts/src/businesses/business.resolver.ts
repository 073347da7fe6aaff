import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { AccountsContext } from "../shared/context.ts";
import { brandInitials } from "./brand.util.ts";
import { BrandType } from "./brand.type.ts";
import type { BusinessRecord } from "./business.service.ts";
import { BusinessType } from "./business.type.ts";

@Resolver(() => BusinessType)
export class BusinessResolver {
  @Query(() => BusinessType, { nullable: true, description: "Public branding of a business, for its login page. Null when unknown." })
  business(@Arg("id", () => ID) id: string, @Ctx() { loaders }: AccountsContext): Promise<BusinessRecord | null> {
    return loaders.business.load(id);
  }

  @FieldResolver(() => BrandType)
  brand(@Root() business: BusinessRecord): BrandType {
    const { primaryColor, accentColor, logoUrl } = business.brand;
    return { primaryColor, accentColor, logoUrl: logoUrl ?? null, initials: brandInitials(business.name) };
  }
}
