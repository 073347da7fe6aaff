import { DateTimeResolver } from "graphql-scalars";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { BillingIntervalEnum, SubscriptionStatusEnum } from "../shared/enums.ts";

/** Resolved from the Subscription entity; `product` and `paymentMethod` come from loaders. */
@ObjectType("CustomerSubscription")
export class SubscriptionType {
  @Field(() => ID)
  id!: string;

  @Field(() => SubscriptionStatusEnum)
  status!: string;

  @Field(() => Int)
  quantity!: number;

  @Field(() => Int, { description: "Minor units per interval." })
  amount!: number;

  @Field(() => String, { description: "ISO 4217." })
  currency!: string;

  @Field(() => BillingIntervalEnum)
  interval!: string;

  @Field(() => Int)
  intervalCount!: number;

  @Field(() => DateTimeResolver, { nullable: true })
  currentPeriodStart?: Date | null;

  @Field(() => DateTimeResolver, { nullable: true })
  currentPeriodEnd?: Date | null;

  @Field(() => DateTimeResolver, { nullable: true })
  nextBillingDate?: Date | null;

  @Field(() => Boolean)
  cancelAtPeriodEnd!: boolean;

  @Field(() => DateTimeResolver, { nullable: true })
  cancelledAt?: Date | null;

  @Field(() => DateTimeResolver, { nullable: true })
  endedAt?: Date | null;

  @Field(() => DateTimeResolver)
  createdAt!: Date;

  // Not fields: the loaders read them.
  productId!: string;
  paymentMethodId?: string | null;
}
