import { Arg, Ctx, Field, ID, InputType, Mutation, Resolver } from "type-graphql";
import type { BusinessContext } from "../shared/context.ts";
import { billingOf, customerScope } from "../shared/customer-scope.ts";
import { addPaymentMethod, removePaymentMethod, setDefaultPaymentMethod } from "./payment-method.service.ts";
import { PaymentMethodType } from "./payment-method.type.ts";

@InputType("AddPaymentMethodInput")
export class AddPaymentMethodInput {
  @Field(() => String, { description: "A `tok_…` from POST /processor/tokens; card numbers never travel through GraphQL." })
  token!: string;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  setDefault?: boolean | null;
}

/** The signed-in person's saved cards at the business named by `x-billfold-business`. */
@Resolver(() => PaymentMethodType)
export class PaymentMethodResolver {
  @Mutation(() => PaymentMethodType)
  async addPaymentMethod(@Arg("input", () => AddPaymentMethodInput) input: AddPaymentMethodInput, @Ctx() ctx: BusinessContext): Promise<PaymentMethodType> {
    return PaymentMethodType.from(await addPaymentMethod(ctx.em, billingOf(ctx).processor, customerScope(ctx), input));
  }

  @Mutation(() => PaymentMethodType)
  async setDefaultPaymentMethod(@Arg("id", () => ID) id: string, @Ctx() ctx: BusinessContext): Promise<PaymentMethodType> {
    return PaymentMethodType.from(await setDefaultPaymentMethod(ctx.em, customerScope(ctx), id));
  }

  @Mutation(() => Boolean, { description: "CONFLICT when an active or on-hold subscription pays with it and no replacement is given." })
  removePaymentMethod(
    @Arg("id", () => ID) id: string,
    @Arg("replacementId", () => ID, { nullable: true }) replacementId: string | null,
    @Ctx() ctx: BusinessContext,
  ): Promise<boolean> {
    return removePaymentMethod(ctx.em, customerScope(ctx), id, replacementId);
  }
}
