import type { Mode } from "@billfold/shared";
import { DateTimeResolver } from "graphql-scalars";
import { Field, ID, Int, ObjectType } from "type-graphql";
import type { ProductType } from "../products/product.type.ts";
import { BillingIntervalEnum, SubscriptionStatusEnum } from "../shared/enums.ts";
import type { Subscription } from "./subscription.entity.ts";

/** What SubscriptionType and its field resolvers (product, card, capabilities) read of a subscription. */
export const SUBSCRIPTION_FIELDS = [
  "id", "businessId", "mode", "productId", "paymentMethodId", "status", "quantity", "amount", "currency", "interval", "intervalCount",
  "currentPeriodStart", "currentPeriodEnd", "nextBillingDate", "cancelAtPeriodEnd", "cancelledAt", "endedAt", "createdAt",
] as const satisfies readonly (keyof Subscription)[];

/**
 * Resolved from the Subscription entity or a plain row of it (CustomerAccount lists);
 * `product` and `paymentMethod` come from loaders unless the row carries its product.
 */
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

  // Not fields: the loaders and the capabilities read them.
  businessId!: string;
  mode!: Mode;
  productId!: string;
  paymentMethodId?: string | null;
  /** Not a field: the product read with the subscription, when it was. */
  product?: ProductType | null;
}
