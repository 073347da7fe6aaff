import { DateTimeResolver } from "graphql-scalars";
import { Field, InputType, Int, ID, ObjectType, registerEnumType } from "type-graphql";
import { InvoiceLineType, InvoiceType } from "../invoices/invoice.type.ts";
import { PaymentType } from "../payments/payment.type.ts";
import { PRORATION_MODES, type ProrationMode } from "../shops/shop-settings.ts";
import { CANCEL_REASONS, type CancelReason, type CancelWhen } from "./subscription-cancel.service.ts";
import { SubscriptionType } from "./subscription.type.ts";

const enumOf = <const T extends readonly string[]>(values: T) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T[number]]: K };

export const ProrationModeEnum = enumOf(PRORATION_MODES);
export const CancelReasonEnum = enumOf(CANCEL_REASONS);
export const CancelWhenEnum = enumOf(["at_period_end", "immediately"] as const);
registerEnumType(ProrationModeEnum, { name: "ProrationMode", description: "How a plan change is billed." });
registerEnumType(CancelReasonEnum, { name: "CancelReason" });
registerEnumType(CancelWhenEnum, { name: "CancelWhen" });

@ObjectType("SubscriptionCapabilities", { description: "What the person may do with this subscription (the business's settings and its state)." })
export class SubscriptionCapabilitiesType {
  @Field(() => Boolean) canCancel!: boolean;
  @Field(() => Boolean) canCancelImmediately!: boolean;
  @Field(() => Boolean) canResume!: boolean;
  @Field(() => Boolean) canChangePlan!: boolean;
  @Field(() => Boolean) canUpdatePaymentMethod!: boolean;
}

@ObjectType("SubscriptionPaymentResult")
export class SubscriptionPaymentResultType {
  @Field(() => SubscriptionType) subscription!: SubscriptionType;
  @Field(() => PaymentType, { nullable: true }) payment!: PaymentType | null;
  @Field(() => InvoiceType, { nullable: true }) invoice!: InvoiceType | null;
}

@ObjectType("PlanChangePreview", { description: "Exactly what changePlan charges now (minor units), if nothing changes in between." })
export class PlanChangePreviewType {
  @Field(() => String) currency!: string;
  @Field(() => [InvoiceLineType]) lines!: InvoiceLineType[];
  @Field(() => Int) subtotal!: number;
  @Field(() => Int) tax!: number;
  @Field(() => Int, { description: "Credit for unused time (and earlier credit) taken off this charge." }) credit!: number;
  @Field(() => Int) amountDueNow!: number;
  @Field(() => DateTimeResolver) nextBillingDate!: Date;
  @Field(() => Int) nextRenewalAmount!: number;
  @Field(() => ProrationModeEnum) prorationMode!: ProrationMode;
}

@InputType("UpdateSubscriptionPaymentMethodInput")
export class UpdateSubscriptionPaymentMethodInput {
  @Field(() => ID) subscriptionId!: string;
  @Field(() => ID, { nullable: true, description: "A saved card." }) paymentMethodId?: string | null;
  @Field(() => String, { nullable: true, description: "A new card: a `tok_…` from POST /processor/tokens." }) token?: string | null;
  @Field(() => String, { nullable: true, description: "Defaults to the subscription and its outstanding invoice." }) idempotencyKey?: string | null;
}

@InputType("CancelSubscriptionInput")
export class CancelSubscriptionInput {
  @Field(() => ID) subscriptionId!: string;
  @Field(() => CancelWhenEnum) when!: CancelWhen;
  @Field(() => CancelReasonEnum, { nullable: true }) reason?: CancelReason | null;
  @Field(() => String, { nullable: true, description: "At most 500 characters." }) comment?: string | null;
}

@InputType("PreviewPlanChangeInput")
export class PreviewPlanChangeInput {
  @Field(() => ID) subscriptionId!: string;
  @Field(() => ID) productId!: string;
  @Field(() => Int, { nullable: true, defaultValue: 1 }) quantity?: number | null;
  @Field(() => ProrationModeEnum, { nullable: true, description: "Defaults to the business's setting." }) prorationMode?: ProrationMode | null;
}

@InputType("ChangePlanInput")
export class ChangePlanInput extends PreviewPlanChangeInput {
  @Field(() => Int, { description: "The preview's amountDueNow: the change is refused when the price moved." }) expectedAmountDueNow!: number;
  @Field(() => ID, { nullable: true, description: "The current plan as the person saw it: the change is refused (CONFLICT, reason PLAN_CHANGED) when the subscription is on another plan by now." }) fromProductId?: string | null;
  @Field(() => String, { nullable: true }) idempotencyKey?: string | null;
}
