import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { PaymentMethodType } from "../payment-methods/payment-method.type.ts";
import { ProductType } from "../products/product.type.ts";
import type { BusinessContext } from "../shared/context.ts";
import { notFound } from "@billfold/shared";
import { SubscriptionType } from "./subscription.type.ts";

@Resolver(() => SubscriptionType)
export class SubscriptionFieldsResolver {
  @FieldResolver(() => ProductType)
  async product(@Root() subscription: SubscriptionType, @Ctx() ctx: BusinessContext): Promise<ProductType> {
    const product = await ctx.records.subscriptionProduct.load(subscription.productId);
    if (!product) throw notFound("The product");
    return product;
  }

  @FieldResolver(() => PaymentMethodType, { nullable: true })
  async paymentMethod(@Root() subscription: SubscriptionType, @Ctx() ctx: BusinessContext): Promise<PaymentMethodType | null> {
    if (!subscription.paymentMethodId) return null;
    const method = await ctx.records.paymentMethod.load(subscription.paymentMethodId);
    return method && !method.removedAt ? PaymentMethodType.from(method) : null;
  }
}
