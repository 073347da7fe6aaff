import { Args, ArgsType, Ctx, Directive, Field, ID, Int, Query, Resolver } from "type-graphql";
import type { BusinessContext } from "../shared/context.ts";
import { connectionType } from "../shared/connection.ts";
import { SubscriptionStatusEnum } from "../shared/enums.ts";
import { merchantScope } from "../shared/merchant-scope.ts";
import type { Page } from "../shared/pagination.ts";
import type { SubscriptionStatus } from "./subscription.entity.ts";
import { listSubscriptions } from "./subscription.service.ts";
import { SubscriptionType } from "./subscription.type.ts";

export const SubscriptionConnection = connectionType("SubscriptionConnection", SubscriptionType);

@ArgsType()
class SubscriptionsArgs {
  @Field(() => ID, { nullable: true })
  customerId?: string | null;

  @Field(() => SubscriptionStatusEnum, { nullable: true })
  status?: SubscriptionStatus | null;

  @Field(() => Int, { nullable: true, defaultValue: 20 })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

@Resolver(() => SubscriptionType)
export class SubscriptionResolver {
  @Query(() => SubscriptionConnection)
  @Directive("@inaccessible")
  subscriptions(@Args(() => SubscriptionsArgs) args: SubscriptionsArgs, @Ctx() ctx: BusinessContext): Promise<Page<SubscriptionType>> {
    return listSubscriptions(ctx.em, merchantScope(ctx), args);
  }
}
