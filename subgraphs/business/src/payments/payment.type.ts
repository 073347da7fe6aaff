import { DateTimeResolver } from "graphql-scalars";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { PaymentStatusEnum } from "../shared/enums.ts";
import type { Payment } from "./payment.entity.ts";

/** What PaymentType reads of a payment: the entity or a plain row of it. */
export const PAYMENT_FIELDS = [
  "id", "status", "amount", "currency", "createdAt", "failureReason", "subscriptionId", "invoiceId",
] as const satisfies readonly (keyof Payment)[];
export type PaymentFields = Pick<Payment, (typeof PAYMENT_FIELDS)[number]>;

/** `invoice` and `refunds` come from loaders (see payment.resolver.ts). */
@ObjectType("Payment")
export class PaymentType {
  @Field(() => ID)
  id!: string;

  @Field(() => PaymentStatusEnum)
  status!: string;

  @Field(() => Int)
  amount!: number;

  @Field(() => String)
  currency!: string;

  @Field(() => DateTimeResolver)
  createdAt!: Date;

  @Field(() => String, { nullable: true })
  failureReason?: string | null;

  @Field(() => String, { description: "one_time | subscription" })
  kind!: string;

  invoiceId?: string | null;

  static from(payment: PaymentFields): PaymentType {
    return Object.assign(new PaymentType(), {
      id: payment.id,
      status: payment.status,
      amount: payment.amount,
      currency: payment.currency,
      createdAt: payment.createdAt,
      failureReason: payment.failureReason ?? null,
      kind: payment.subscriptionId ? "subscription" : "one_time",
      invoiceId: payment.invoiceId ?? null,
    });
  }
}
