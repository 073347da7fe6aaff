import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { InvoiceType } from "../invoices/invoice.type.ts";
import { PaymentType } from "../payments/payment.type.ts";
import type { BusinessContext } from "../shared/context.ts";
import { billingOf, customerScope } from "../shared/customer-scope.ts";
import { changePlan, previewPlanChange } from "./plan-change.service.ts";
import { cancelSubscription, resumeSubscription } from "./subscription-cancel.service.ts";
import {
  CancelSubscriptionInput,
  ChangePlanInput,
  PlanChangePreviewType,
  PreviewPlanChangeInput,
  SubscriptionPaymentResultType,
  UpdateSubscriptionPaymentMethodInput,
} from "./subscription-money.type.ts";
import { type SubscriptionPaymentResult, updateSubscriptionPaymentMethod } from "./subscription-payment.service.ts";
import { SubscriptionType } from "./subscription.type.ts";

const toResult = (result: SubscriptionPaymentResult): SubscriptionPaymentResultType => ({
  subscription: result.subscription,
  payment: result.payment ? PaymentType.from(result.payment) : null,
  invoice: result.invoice ? InvoiceType.from(result.invoice) : null,
});

/** The signed-in person's own subscriptions at the business named by `x-billfold-business`. */
@Resolver(() => SubscriptionType)
export class CustomerSubscriptionResolver {
  @Mutation(() => SubscriptionPaymentResultType, { description: "Switches the card; an on_hold subscription is charged its outstanding invoice and reactivated." })
  async updateSubscriptionPaymentMethod(
    @Arg("input", () => UpdateSubscriptionPaymentMethodInput) input: UpdateSubscriptionPaymentMethodInput,
    @Ctx() ctx: BusinessContext,
  ): Promise<SubscriptionPaymentResultType> {
    return toResult(await updateSubscriptionPaymentMethod(ctx.em, ctx.jobs, billingOf(ctx), customerScope(ctx), input));
  }

  @Mutation(() => SubscriptionType)
  cancelSubscription(@Arg("input", () => CancelSubscriptionInput) input: CancelSubscriptionInput, @Ctx() ctx: BusinessContext): Promise<SubscriptionType> {
    return cancelSubscription(ctx.em, ctx.jobs, customerScope(ctx), input);
  }

  @Mutation(() => SubscriptionType, { description: "Undoes a cancellation scheduled for the period end." })
  resumeSubscription(@Arg("subscriptionId", () => ID) subscriptionId: string, @Ctx() ctx: BusinessContext): Promise<SubscriptionType> {
    return resumeSubscription(ctx.em, ctx.jobs, customerScope(ctx), subscriptionId);
  }

  @Query(() => PlanChangePreviewType, { description: "Prices a plan change without making it: changePlan charges exactly amountDueNow." })
  previewPlanChange(@Arg("input", () => PreviewPlanChangeInput) input: PreviewPlanChangeInput, @Ctx() ctx: BusinessContext): Promise<PlanChangePreviewType> {
    return previewPlanChange(ctx.em, customerScope(ctx), input);
  }

  @Mutation(() => SubscriptionPaymentResultType)
  async changePlan(@Arg("input", () => ChangePlanInput) input: ChangePlanInput, @Ctx() ctx: BusinessContext): Promise<SubscriptionPaymentResultType> {
    return toResult(await changePlan(ctx.em, ctx.jobs, billingOf(ctx), customerScope(ctx), input));
  }
}
