import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { settingsOf, shopNow } from "../billing/billing-clock.ts";
import { PaymentMethodType } from "../payment-methods/payment-method.type.ts";
import type { Product } from "../products/product.entity.ts";
import { ProductType } from "../products/product.type.ts";
import type { BusinessContext } from "../shared/context.ts";
import { parseShopSettings } from "../shops/shop-settings.ts";
import { notFound } from "@billfold/shared";
import { planLoaders } from "./plan-loaders.ts";
import { allowedPlans, capabilitiesOf } from "./plan-rules.util.ts";
import { SubscriptionCapabilitiesType } from "./subscription-money.type.ts";
import type { Subscription } from "./subscription.entity.ts";
import { SubscriptionType } from "./subscription.type.ts";

@Resolver(() => SubscriptionType)
export class SubscriptionFieldsResolver {
  @FieldResolver(() => ProductType)
  async product(@Root() subscription: SubscriptionType, @Ctx() ctx: BusinessContext): Promise<ProductType> {
    const product = subscription.product ?? (await ctx.records.subscriptionProduct.load(subscription.productId));
    if (!product) throw notFound("The product");
    return product;
  }

  @FieldResolver(() => PaymentMethodType, { nullable: true })
  async paymentMethod(@Root() subscription: SubscriptionType, @Ctx() ctx: BusinessContext): Promise<PaymentMethodType | null> {
    if (!subscription.paymentMethodId) return null;
    const method = await ctx.records.paymentMethod.load(subscription.paymentMethodId);
    return method && !method.removedAt ? PaymentMethodType.from(method) : null;
  }

  @FieldResolver(() => SubscriptionCapabilitiesType)
  async capabilities(@Root() root: SubscriptionType, @Ctx() ctx: BusinessContext): Promise<SubscriptionCapabilitiesType> {
    const { subscription, settings, plans, now } = await this.planContext(root, ctx);
    return capabilitiesOf(settings, subscription, plans, now);
  }

  @FieldResolver(() => [ProductType], { description: "Plans this subscription may change to (same plan group, allowed by the business)." })
  async availablePlans(@Root() root: SubscriptionType, @Ctx() ctx: BusinessContext): Promise<ProductType[]> {
    return (await this.planContext(root, ctx)).plans;
  }

  private async planContext(root: SubscriptionType, ctx: BusinessContext) {
    const subscription = root as unknown as Subscription;
    const loaders = planLoaders(ctx);
    const [shop, current] = await Promise.all([loaders.shop.load(subscription), ctx.records.subscriptionProduct.load(subscription.productId)]);
    const settings = shop ? settingsOf(shop) : parseShopSettings({});
    const candidates: Product[] = current?.planGroup ? await loaders.plans.load({ businessId: subscription.businessId, mode: subscription.mode, planGroup: current.planGroup }) : [];
    const plans = subscription.status === "active" && !subscription.cancelAtPeriodEnd ? allowedPlans(settings, subscription, current, candidates) : [];
    return { subscription, settings, plans, now: shop ? shopNow(shop) : new Date() };
  }
}
