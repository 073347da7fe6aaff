import { notFound } from "@billfold/shared";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { ProductType } from "../products/product.type.ts";
import type { BusinessContext } from "../shared/context.ts";
import { LicenseInstanceType, LicenseKeyType } from "./license-key.type.ts";

@Resolver(() => LicenseKeyType)
export class LicenseKeyFieldsResolver {
  @FieldResolver(() => ProductType)
  async product(@Root() licenseKey: LicenseKeyType, @Ctx() ctx: BusinessContext): Promise<ProductType> {
    const product = licenseKey.product ?? (await ctx.records.licenseKeyProduct.load(licenseKey.productId));
    if (!product) throw notFound("The product");
    return product;
  }

  @FieldResolver(() => [LicenseInstanceType])
  async instances(@Root() licenseKey: LicenseKeyType, @Ctx() ctx: BusinessContext): Promise<LicenseInstanceType[]> {
    return (await ctx.records.instancesByLicenseKey.load(licenseKey.id)).map(LicenseInstanceType.from);
  }
}
